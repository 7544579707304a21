namespace Portal.Testing;

/// <summary>The accounts of the site every test class starts from (the stem-club-north-east recipe).</summary>
public static class TestSite
{
    public const string SiteName = "STEM Club Test";
    public const string Recipe = "stem-club-north-east";
    public const string AdminEmail = "admin@example.org";
    // Not containing "admin": a password must not contain the email name (admin@...).
    public const string AdminPassword = "test portal passphrase 2026";
    public const string DemoPassword = "demo users passphrase 2026";

    /// <summary>The administrator's personal access token, created by setup from Portal:Setup:AdminApiToken.</summary>
    public const string AdminApiToken = "stem_test-admin-token-0123456789abcdefghijklmnop";

    /// <summary>Demo users from the recipe, one per role.</summary>
    public const string CoordinatorEmail = "priya.raman@example.org";
    public const string SecondCoordinatorEmail = "gareth.milburn@example.org";
    public const string LibrarianEmail = "lena.hartley@example.org";
    public const string MemberEmail = "claire.robson@example.org";
}
