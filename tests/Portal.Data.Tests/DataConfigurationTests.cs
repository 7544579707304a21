using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Testing;

namespace Portal.Data.Tests;

/// <summary>Portal:Database:Provider and ConnectionStrings:Portal, and what a mistake in them says.</summary>
public class DataConfigurationTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Postgres_without_a_connection_string_is_refused_with_the_setting_to_add(string? connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Portal:Database:Provider"] = "Postgres",
                ["ConnectionStrings:Portal"] = connectionString,
            })
            .Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddPortalData(configuration, Path.GetTempPath()));

        Assert.Contains("ConnectionStrings:Portal is required when Portal:Database:Provider is Postgres", refused.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Portal", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_provider_name_is_not_case_sensitive()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Portal:Database:Provider"] = "postgres",
                ["ConnectionStrings:Portal"] = "Host=127.0.0.1;Database=unused",
            })
            .Build();

        using var services = new ServiceCollection().AddLogging().AddPortalData(configuration, Path.GetTempPath()).BuildServiceProvider();
        using var scope = services.CreateScope();

        Assert.IsType<PostgresPortalDbContext>(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
