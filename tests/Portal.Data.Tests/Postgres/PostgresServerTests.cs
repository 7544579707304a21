using Portal.Testing;

namespace Portal.Data.Tests.Postgres;

/// <summary>The test server helper itself: what it says when PostgreSQL is not installed.</summary>
public sealed class PostgresServerTests
{
    [Fact]
    public void Missing_server_binaries_are_reported_with_how_to_install_them()
    {
        var empty = TestPaths.NewTempFolder("no-pg");
        Directory.CreateDirectory(Path.Combine(empty, "15", "bin")); // a version folder without initdb

        var refused = Assert.Throws<InvalidOperationException>(() => PostgresServer.FindBinaries(empty));

        Assert.Contains("scripts/test.sh installs the Debian package 'postgresql'", refused.Message, StringComparison.Ordinal);
        Assert.Contains(empty, refused.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => PostgresServer.FindBinaries(Path.Combine(empty, "missing")));
        TestPaths.DeleteQuietly(empty);
    }

    [Fact]
    public void The_newest_installed_version_is_used()
    {
        var root = TestPaths.NewTempFolder("pg-versions");
        foreach (var version in new[] { "9", "15", "13" })
        {
            var bin = Directory.CreateDirectory(Path.Combine(root, version, "bin")).FullName;
            File.WriteAllText(Path.Combine(bin, "initdb"), "");
            File.WriteAllText(Path.Combine(bin, "pg_ctl"), "");
        }

        Assert.Equal(Path.Combine(root, "15", "bin"), PostgresServer.FindBinaries(root));
        TestPaths.DeleteQuietly(root);
    }
}
