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
