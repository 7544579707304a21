using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Features.Admin.Registrations;

/// <summary>/admin/registrations: approve or reject accounts that wait for a coordinator.</summary>
[Authorize(Policy = "ApproveRegistrations")]
[Route("admin/registrations")]
public sealed class RegistrationsController(RegistrationApprovals approvals) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Registrations", new RegistrationsPage(await approvals.PendingAsync(cancellationToken), TempData["notice"] as string));

    [HttpPost("{id}/approve")]
    public async Task<IActionResult> Approve(string id, CancellationToken cancellationToken)
    {
        var user = await approvals.ApproveAsync(id, User, cancellationToken);
        return Done(user is null ? null : $"{user.DisplayName} ({user.Email}) can now sign in. We have emailed them.");
    }

    [HttpPost("{id}/reject")]
    public async Task<IActionResult> Reject(string id, CancellationToken cancellationToken)
    {
        var user = await approvals.RejectAsync(id, cancellationToken);
        return Done(user is null ? null : $"The registration of {user.DisplayName} ({user.Email}) has been rejected.");
    }

    private IActionResult Done(string? notice)
    {
        if (notice is null)
        {
            return NotFound();
        }

        TempData["notice"] = notice;
        return RedirectToAction(nameof(Index));
    }
}

public sealed record RegistrationsPage(IReadOnlyList<PendingRegistration> Pending, string? Notice);
