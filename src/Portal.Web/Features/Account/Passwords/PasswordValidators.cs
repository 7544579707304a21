using Microsoft.AspNetCore.Identity;
using Portal.Data.Identity;

namespace Portal.Web.Features.Account.Passwords;

/// <summary>Passwords up to 128 characters (ASVS 6.2.9 asks for at least 64 to be allowed).</summary>
internal sealed class MaximumLengthPasswordValidator : IPasswordValidator<PortalUser>
{
    public const int MaximumLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password) =>
        Task.FromResult(password is { Length: > MaximumLength }
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooLong", Description = $"Password must be {MaximumLength} characters or fewer" })
            : IdentityResult.Success);
}

/// <summary>
/// ASVS 6.2.4: refuses passwords found in the bundled list of common and breached-looking
/// passwords (CommonPasswords.txt, an embedded resource), whatever their letter case.
/// </summary>
internal sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password) =>
        Task.FromResult(password is not null && Common.Value.Contains(password.Trim())
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon", Description = "This password is too common. Choose a different password" })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Portal.Web.Features.Account.Passwords.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common password list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line);
            }
        }

        return set;
    }
}

/// <summary>ASVS 6.2 spirit: a password that contains the person's own email name or display name is easy to guess.</summary>
internal sealed class PersonalPasswordValidator : IPasswordValidator<PortalUser>
{
    // Shorter names (e.g. "jo") turn up inside ordinary words and would refuse good passphrases.
    private const int ShortestNameChecked = 4;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var emailName = user.Email is { } email && email.Contains('@') ? email[..email.LastIndexOf('@')] : null;
        var contained = new[] { emailName, user.DisplayName?.Trim() }
            .Any(name => name is { Length: >= ShortestNameChecked } && password.Contains(name, StringComparison.OrdinalIgnoreCase));
        return Task.FromResult(contained
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsName", Description = "Password must not contain your name or email address" })
            : IdentityResult.Success);
    }
}
