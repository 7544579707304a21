using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Features.Account;

public sealed class SignInRequest
{
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [Display(Name = "Password")]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>The second step of a two-factor sign-in: a code from the app, or a recovery code.</summary>
public sealed class SignInCodeRequest
{
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }
}
