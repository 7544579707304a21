using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Recipes;
using Portal.Theming;

namespace Portal.Web.Features.Site;

/// <summary>The first-run page: site name, recipe and first administrator. Refused once the site exists.</summary>
[AllowAnonymous]
[Route("setup")]
public sealed class SetupController(ISiteContext site, RecipeCatalog catalog) : Controller
{
    [HttpGet("")]
    public IActionResult Index() =>
        site.Current.IsSetUp ? AlreadySetUp() : View(new SetupPage(new SetupRequest { Recipe = DefaultRecipe() }, catalog.List()));

    [HttpPost("")]
    public async Task<IActionResult> Index([FromForm] SetupRequest request, [FromServices] SiteSetup setup, CancellationToken cancellationToken)
    {
        var result = await setup.RunAsync(request, cancellationToken);
        if (result.WasAlreadySetUp)
        {
            return AlreadySetUp();
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            request.AdminPassword = request.ConfirmPassword = null;
            return View(new SetupPage(request, catalog.List()));
        }

        return View("Done", new SetupDonePage(request.SiteName!.Trim(), request.AdminEmail!.Trim(), result.ShownDemoPassword, SiteSetup.DemoPasswordFileName));
    }

    private ViewResult AlreadySetUp()
    {
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("AlreadySetUp");
    }

    private string? DefaultRecipe() =>
        catalog.List().Where(r => r.IsSetupRecipe).Select(r => r.Name).FirstOrDefault(n => n == "stem-club-north-east")
        ?? catalog.List().FirstOrDefault(r => r.IsSetupRecipe)?.Name;
}

public sealed record SetupPage(SetupRequest Form, IReadOnlyList<RecipeSummary> Recipes);

public sealed record SetupDonePage(string SiteName, string AdminEmail, string? DemoPassword, string DemoPasswordFile);
