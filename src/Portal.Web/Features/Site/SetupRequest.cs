using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Features.Site;

/// <summary>What the person setting up the site may choose: exactly these fields.</summary>
public sealed class SetupRequest
{
    [Display(Name = "Site name")]
    public string? SiteName { get; set; }

    [Display(Name = "Recipe")]
    public string? Recipe { get; set; }

    [Display(Name = "Administrator email address")]
    public string? AdminEmail { get; set; }

    [Display(Name = "Administrator password")]
    public string? AdminPassword { get; set; }

    [Display(Name = "Confirm password")]
    public string? ConfirmPassword { get; set; }
}
