namespace Portal.Web.Features.Account.Registration;

/// <summary>What a newcomer may set when registering: exactly these fields.</summary>
public sealed class RegistrationRequest
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? Organisation { get; set; }

    public string? JobTitle { get; set; }

    public string? SystemId { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}

public sealed record RegistrationPage(RegistrationRequest Form, IReadOnlyList<Portal.Theming.TagHelpers.SelectOption> Systems);

public enum ConfirmationOutcome
{
    /// <summary>The link is unknown, expired or for a closed account.</summary>
    NotValid,

    /// <summary>Confirmed and let in by the allow-list: the person can sign in.</summary>
    CanSignIn,

    /// <summary>Confirmed; a coordinator will review the account.</summary>
    AwaitingApproval,
}
