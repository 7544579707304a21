using Microsoft.EntityFrameworkCore;

namespace Portal.Data.Tests;

/// <summary>Each provider keeps its own migrations; a model change needs one for both.</summary>
public class MigrationTests
{
    [Fact]
    public void A_model_change_needs_a_Sqlite_migration()
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
    public void A_model_change_needs_a_PostgreSql_migration()
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
