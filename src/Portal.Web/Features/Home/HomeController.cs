using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Web.Features.Home;

[AllowAnonymous]
public sealed class HomeController(PortalDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        // Work streams are for signed-in colleagues; visitors see what the club is for.
        IReadOnlyList<HomeWorkStream> workStreams = User.Identity?.IsAuthenticated == true
            ? await db.WorkStreams.AsNoTracking()
                .OrderBy(w => w.Title)
                .Select(w => new HomeWorkStream(w.Title, w.System!.Name, w.Status.ToString(), w.Topics.Select(t => t.Name).ToList()))
                .ToListAsync(cancellationToken)
            : [];
        return View(new HomePage(workStreams));
    }
}

public sealed record HomePage(IReadOnlyList<HomeWorkStream> WorkStreams);

public sealed record HomeWorkStream(string Title, string System, string Status, IReadOnlyList<string> Topics);
