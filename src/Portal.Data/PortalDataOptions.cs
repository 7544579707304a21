namespace Portal.Data;

/// <summary>Where the portal keeps its data. Bound from the "Portal" configuration section.</summary>
public sealed class PortalDataOptions
{
    /// <summary>The data folder (SQLite file, recipes' generated files); relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    public DatabaseOptions Database { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary>"Sqlite" (the embedded default) or "PostgreSql".</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Needed for PostgreSQL; for SQLite the file lives in the data folder unless this is set.</summary>
    public string? ConnectionString { get; set; }
}

public enum DatabaseProvider
{
    Sqlite = 0,
    PostgreSql = 1,
}
