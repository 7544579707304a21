using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Portal.Data.Identity;

namespace Portal.Web.Features.Account;

/// <summary>Checks the account forms share: email format, text length, and a password against every validator.</summary>
public static class FormErrors
{
    public const int MaximumTextLength = 200;

    public static bool IsEmailAddress(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && value[(value.LastIndexOf('@') + 1)..].Contains('.', StringComparison.Ordinal);

    /// <summary>Trims the value; adds an error when it is required and empty, or too long.</summary>
    public static string? Text(ModelStateDictionary modelState, string field, string? value, string? requiredMessage, string tooLongMessage)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (trimmed is null && requiredMessage is not null)
        {
            modelState.AddModelError(field, requiredMessage);
        }
        else if (trimmed is { Length: > MaximumTextLength })
        {
            modelState.AddModelError(field, tooLongMessage);
        }

        return trimmed;
    }

    /// <summary>A new password and its confirmation, checked by every password validator for this user.</summary>
    public static async Task NewPasswordAsync(
        ModelStateDictionary modelState, UserManager<PortalUser> users, PortalUser user, string? password, string? confirm, string passwordField, string confirmField)
    {
        if (string.IsNullOrEmpty(password))
        {
            modelState.AddModelError(passwordField, "Enter a password");
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            foreach (var error in result.Errors)
            {
                modelState.AddModelError(passwordField, error.Description);
            }
        }

        if (string.IsNullOrEmpty(confirm))
        {
            modelState.AddModelError(confirmField, "Enter the password again");
        }
        else if (confirm != password)
        {
            modelState.AddModelError(confirmField, "The passwords do not match");
        }
    }

    /// <summary>Puts Identity's errors on the form: password errors by the password, the rest at the top.</summary>
    public static void Add(ModelStateDictionary modelState, IdentityResult result, string passwordField)
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : string.Empty, error.Description);
        }
    }
}
