using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Features.Errors;

/// <summary>
/// What a caller sees when something goes wrong: the theme's error pages, or ProblemDetails JSON
/// for /api callers. Re-executed by the exception handler and the status code pages middleware.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // re-executed with the failed request's method, which may be a POST
[ApiExplorerSettings(IgnoreApi = true)]
[Route("error")]
public sealed class ErrorController : Controller
{
    [Route("{status:int}")]
    public IActionResult Status(int status)
    {
        var code = status is >= 400 and <= 599 ? status : StatusCodes.Status500InternalServerError;
        // A body the server refused to read (too large, cut off) is the caller's mistake, not ours.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is BadHttpRequestException refused)
        {
            code = refused.StatusCode;
        }

        if (IsApiRequest())
        {
            return Problem(statusCode: code);
        }

        Response.StatusCode = code;
        return code switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status403Forbidden => View("Forbidden"),
            >= 500 => View("ServerError"),
            _ => View("ClientError", code),
        };
    }

    private bool IsApiRequest()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        return original is not null && original.StartsWith("/api", StringComparison.OrdinalIgnoreCase);
    }
}
