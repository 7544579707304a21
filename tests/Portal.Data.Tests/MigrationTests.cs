using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Tests;

/// <summary>Each provider keeps its own migrations; a model change needs one for both.</summary>
public class MigrationTests
{
    [Fact]
    public void The_Sqlite_migrations_cover_the_model()
    {
        using var db = new SqlitePortalDbContext(
            new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model has changed since the last SQLite migration. Add one from the repository root:\n"
            + "dotnet ef migrations add <Name> --project src/Portal.Data --startup-project src/Portal.Data "
            + "--context SqlitePortalDbContext --output-dir Migrations/Sqlite");
    }

    [Fact]
    public void The_PostgreSql_migrations_cover_the_model()
    {
        // The connection string only names a provider; building the model never connects.
        using var db = new PostgresPortalDbContext(
            new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql("Host=localhost;Database=model-check").Options);

        Assert.False(
            db.Database.HasPendingModelChanges(),
            "The model has changed since the last PostgreSQL migration. Add one from the repository root:\n"
            + "dotnet ef migrations add <Name> --project src/Portal.Data --startup-project src/Portal.Data "
            + "--context PostgresPortalDbContext --output-dir Migrations/PostgreSql");
    }
}
