using Xunit;

namespace Portal.Testing;

/// <summary>
/// One throw-away PostgreSQL server for a test run. Use it as a collection fixture: each test
/// project declares `[CollectionDefinition(PostgresFixture.Collection)]` on a class that implements
/// `ICollectionFixture&lt;PostgresFixture&gt;`, and every test takes its own database from the server.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Collection = "PostgreSQL";

    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL server is not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
