using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;

namespace Portal.Data.Tests.Postgres;

/// <summary>Data-protection keys in the database: what one node protects, another unprotects.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresDataProtectionTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_payload_protected_on_one_node_is_unprotected_on_another()
    {
        await using var nodeA = await PostgresTestDatabase.CreateAsync(postgres.Server, s => s.AddPortalDataProtection());
        var dataPathB = TestPaths.NewTempFolder("pgdata");
        await using var nodeB = PostgresTestDatabase.BuildServices(nodeA.ConnectionString, dataPathB, s => s.AddPortalDataProtection());

        var fromA = Protector(nodeA.Services, "cookies").Protect("signed in on node A");
        var fromB = Protector(nodeB, "antiforgery").Protect("token from node B");

        Assert.Equal("signed in on node A", Protector(nodeB, "cookies").Unprotect(fromA));
        Assert.Equal("token from node B", Protector(nodeA.Services, "antiforgery").Unprotect(fromB));
        await using var scope = nodeA.CreateScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().DataProtectionKeys.CountAsync());
        TestPaths.DeleteQuietly(dataPathB);
    }

    [Fact]
    public async Task A_node_on_another_database_cannot_unprotect_the_payload()
    {
        await using var nodeA = await PostgresTestDatabase.CreateAsync(postgres.Server, s => s.AddPortalDataProtection());
        await using var elsewhere = await PostgresTestDatabase.CreateAsync(postgres.Server, s => s.AddPortalDataProtection());

        var fromA = Protector(nodeA.Services, "cookies").Protect("signed in on node A");

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(elsewhere.Services, "cookies").Unprotect(fromA));
    }

    private static IDataProtector Protector(IServiceProvider services, string purpose) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose);
}
