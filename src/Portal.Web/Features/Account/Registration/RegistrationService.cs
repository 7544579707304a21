using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Core;
using Portal.Data;
using Portal.Data.Identity;

namespace Portal.Web.Features.Account.Registration;

/// <summary>
/// Registration and email confirmation. A new account is unconfirmed and unapproved; confirming an
/// allow-listed address lets it in as a Member, any other address waits for a coordinator.
/// </summary>
public sealed class RegistrationService(
    UserManager<PortalUser> users,
    PortalDbContext db,
    AccountRecords records,
    AccountLinks links,
    AccountOptions options,
    SystemChoices systems,
    TimeProvider clock)
{
    /// <summary>Validates the form into the model state; creates the account unless it is invalid or the address is taken.</summary>
    public async Task RegisterAsync(RegistrationRequest request, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            modelState.AddModelError(nameof(request.Email), "Enter your email address");
        }
        else if (!FormErrors.IsEmailAddress(email))
        {
            modelState.AddModelError(nameof(request.Email), "Enter an email address in the correct format, like name@example.nhs.uk");
        }

        var displayName = FormErrors.Text(modelState, nameof(request.DisplayName), request.DisplayName, "Enter your name", "Name must be 200 characters or fewer");
        var organisation = FormErrors.Text(modelState, nameof(request.Organisation), request.Organisation, "Enter your organisation", "Organisation must be 200 characters or fewer");
        var jobTitle = FormErrors.Text(modelState, nameof(request.JobTitle), request.JobTitle, null, "Job title must be 200 characters or fewer");
        var systemId = await SystemAsync(request.SystemId, modelState, nameof(request.SystemId), systems, cancellationToken);
        var now = clock.GetUtcNow();
        var user = new PortalUser
        {
            UserName = email,
            Email = email,
            DisplayName = displayName ?? string.Empty,
            Organisation = organisation,
            JobTitle = jobTitle,
            SystemId = systemId,
            CreatedAt = now,
        };
        await FormErrors.NewPasswordAsync(modelState, users, user, request.Password, request.ConfirmPassword, nameof(request.Password), nameof(request.ConfirmPassword));
        if (modelState.ErrorCount > 0)
        {
            return;
        }

        // The same answer for an address that has an account, so registration cannot probe for
        // accounts. Only an address that never confirmed gets a fresh link (the first may have expired).
        if (await users.FindByEmailAsync(email!) is { } existing)
        {
            if (!existing.EmailConfirmed && existing.DeactivatedAt is null)
            {
                await QueueConfirmationAsync(existing, "ConfirmationResent");
                await records.SaveAsync(cancellationToken);
            }

            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
            {
                return;
            }

            FormErrors.Add(modelState, created, nameof(request.Password));
            return;
        }

        // The token signs the security stamp that CreateAsync set, so it is made after the insert.
        await QueueConfirmationAsync(user, "AccountRegistered");
        await records.SaveAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task QueueConfirmationAsync(PortalUser user, string auditEvent)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        records.Audit(auditEvent, user, new { email = user.Email, allowListed = options.IsAllowListed(user.Email!) });
        records.Mail(user, "ConfirmEmail", new
        {
            displayName = user.DisplayName,
            confirmUrl = links.To($"/account/confirm?userId={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(code)}"),
        });
    }

    public async Task<ConfirmationOutcome> ConfirmAsync(string? userId, string? code)
    {
        var user = string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) ? null : await users.FindByIdAsync(userId);
        if (user is null || user.DeactivatedAt is not null)
        {
            return ConfirmationOutcome.NotValid;
        }

        if (user.EmailConfirmed)
        {
            return user.ApprovedAt is null ? ConfirmationOutcome.AwaitingApproval : ConfirmationOutcome.CanSignIn;
        }

        if (!await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<PortalUser>.ConfirmEmailTokenPurpose, code!))
        {
            return ConfirmationOutcome.NotValid;
        }

        user.EmailConfirmed = true;
        records.Audit("AccountConfirmed", user);
        if (options.IsAllowListed(user.Email!))
        {
            user.ApprovedAt = clock.GetUtcNow();
            user.ApprovedBy = "allow-list";
            records.Audit("AccountApproved", user, new { approvedBy = "allow-list" });
            Check(await records.SaveWithAsync(() => users.AddToRoleAsync(user, Roles.Member)));
            return ConfirmationOutcome.CanSignIn;
        }

        foreach (var coordinator in await users.GetUsersInRoleAsync(Roles.Coordinator))
        {
            if (coordinator.CanUseThePortal)
            {
                records.Mail(coordinator, "AccountAwaitingApproval", new
                {
                    coordinatorName = coordinator.DisplayName,
                    applicantName = user.DisplayName,
                    applicantEmail = user.Email,
                    organisation = user.Organisation,
                    reviewUrl = links.To("/admin/registrations"),
                });
            }
        }

        Check(await records.SaveWithAsync(() => users.UpdateAsync(user)));
        return ConfirmationOutcome.AwaitingApproval;
    }

    /// <summary>An optional system id from a select: empty is none; anything else must be a current system.</summary>
    public static async Task<int?> SystemAsync(string? value, ModelStateDictionary modelState, string field, SystemChoices systems, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && await systems.IsCurrentSystemAsync(id, cancellationToken))
        {
            return id;
        }

        modelState.AddModelError(field, "Choose a system from the list");
        return null;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
