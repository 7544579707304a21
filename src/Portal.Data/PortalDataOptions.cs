namespace Portal.Data;

/// <summary>Where the portal keeps its data. Bound from the "Portal" configuration section.</summary>
public sealed class PortalDataOptions
{
    /// <summary>The data folder (SQLite file, generated files); relative paths are under the content root.</summary>
    public string DataPath { get; set; } = "App_Data";

    public DatabaseOptions Database { get; set; } = new();
}

public sealed class DatabaseOptions
{
    /// <summary>"Sqlite" (the embedded default) or "Postgres" (several web nodes on one database).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}

public enum DatabaseProvider
{
    Sqlite = 0,
    Postgres = 1,
}
