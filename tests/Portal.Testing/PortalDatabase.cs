using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Portal.Testing;

/// <summary>
/// Reads (and, for test data, writes) the running portal's SQLite file directly: the outbox mails
/// it queued, and account columns no page shows.
/// </summary>
public static class PortalDatabase
{
    public sealed record OutboxRow(string Template, string ToAddress, string? RecipientUserId, JsonElement Model);

    public static async Task<IReadOnlyList<OutboxRow>> OutboxAsync(this PortalProcess portal, string? template = null, string? toAddress = null)
    {
        await using var connection = await OpenAsync(portal);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Template, ToAddress, RecipientUserId, Model FROM OutboxMessages
            WHERE ($template IS NULL OR Template = $template) AND ($to IS NULL OR ToAddress = $to COLLATE NOCASE)
            ORDER BY CreatedAt
            """;
        command.Parameters.AddWithValue("$template", (object?)template ?? DBNull.Value);
        command.Parameters.AddWithValue("$to", (object?)toAddress ?? DBNull.Value);
        var rows = new List<OutboxRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), JsonDocument.Parse(reader.GetString(3)).RootElement.Clone()));
        }

        return rows;
    }

    /// <summary>The path and query of a link in the newest mail of this template to this address, e.g. the confirmation link.</summary>
    public static async Task<string> LinkInLatestMailAsync(this PortalProcess portal, string template, string toAddress, string property)
    {
        var mails = await portal.OutboxAsync(template, toAddress);
        if (mails.Count == 0)
        {
            throw new InvalidOperationException($"No {template} mail to {toAddress} in the outbox.");
        }

        var url = new Uri(mails[^1].Model.GetProperty(property).GetString()!, UriKind.Absolute);
        return url.PathAndQuery;
    }

    /// <summary>A confirmation mail that failed every attempt (a dead letter), for the administrators' mail page.</summary>
    public static async Task<Guid> AddDeadLetterAsync(this PortalProcess portal, string toAddress, string error)
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow.UtcTicks;
        await portal.ExecuteAsync(
            """
            INSERT INTO OutboxMessages (Id, CreatedAt, RecipientUserId, ToAddress, Template, Model, Status, Attempts, NextAttemptAt, SentAt, LastError, LockedUntil, Kind)
            VALUES ($id, $now, NULL, $to, 'ConfirmEmail', '{"displayName":"New Member","confirmUrl":"https://stem.example.nhs.uk/account/confirm?code=abc"}', 'DeadLetter', 8, $now, NULL, $error, NULL, NULL)
            """,
            ("$id", id.ToString().ToUpperInvariant()), ("$now", now), ("$to", toAddress), ("$error", error));
        return id;
    }

    public static async Task<T?> ScalarAsync<T>(this PortalProcess portal, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(portal);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var result = await command.ExecuteScalarAsync();
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, type, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<int> ExecuteAsync(this PortalProcess portal, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(portal);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows of a query, each as column name → value.</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(this PortalProcess portal, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(portal);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var rows = new List<IReadOnlyDictionary<string, object?>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public static async Task<string> UserIdAsync(this PortalProcess portal, string email) =>
        await portal.ScalarAsync<string>("SELECT Id FROM AspNetUsers WHERE NormalizedEmail = upper($email)", ("$email", email))
        ?? throw new InvalidOperationException($"No account has the address {email}.");

    private static async Task<SqliteConnection> OpenAsync(PortalProcess portal)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(portal.DataPath, "portal.db"),
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
