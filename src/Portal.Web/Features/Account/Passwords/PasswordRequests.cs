namespace Portal.Web.Features.Account.Passwords;

public sealed class ForgotPasswordRequest
{
    public string? Email { get; set; }
}

public sealed class ResetPasswordRequest
{
    public string? UserId { get; set; }

    public string? Code { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordRequest
{
    public string? CurrentPassword { get; set; }

    public string? Password { get; set; }

    public string? ConfirmPassword { get; set; }
}
