using System.Security.Claims;
using Portal.Data.SaveHook;

namespace Portal.Web.Infrastructure;

/// <summary>The signed-in user (or token holder) of the current request is the actor of what it saves.</summary>
internal sealed class HttpActor(IHttpContextAccessor accessor) : IActor
{
    public string Name =>
        accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? SystemActor.Default.Name;
}
