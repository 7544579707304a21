namespace Portal.Core;

/// <summary>The roles of the portal. Permissions are granted to roles, never checked by name in code.</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string Coordinator = nameof(Coordinator);
    public const string Analyst = nameof(Analyst);
    public const string WorkStreamLead = nameof(WorkStreamLead);
    public const string Librarian = nameof(Librarian);
    public const string Member = nameof(Member);

    public static IReadOnlyList<string> All { get; } =
        [Administrator, Coordinator, Analyst, WorkStreamLead, Librarian, Member];

    /// <summary>Privileged roles: their holders must sign in with a second factor.</summary>
    public static IReadOnlyList<string> RequiringTwoFactor { get; } = [Administrator, Coordinator];
}
