using Portal.Testing;

namespace Portal.Data.Tests.Postgres;

/// <summary>The PostgreSQL tests share one throw-away server; each test creates its own database on it.</summary>
[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
