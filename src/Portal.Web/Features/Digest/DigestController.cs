using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Features.Digest;

/// <summary>The preview of a person's next weekly digest: exactly what the digest service would send now.</summary>
[Authorize(Policy = "PreviewDigest")]
[Route("account/digest")]
public sealed class DigestController(DigestBuilder builder, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has an id.");
        var reader = await builder.ReaderAsync(userId, cancellationToken);
        var digest = reader is null ? null : await builder.BuildAsync(reader, clock.GetUtcNow(), cancellationToken);
        return View(digest);
    }
}
