using System.Data.Common;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>A librarian account a claim test made for itself, with a bearer token for the API.</summary>
internal sealed record TestLibrarian(string Id, string Email, string Name, string Token);

/// <summary>
/// What the claim tests set up for themselves: librarian accounts in bulk (written straight to the
/// database, because fifty password hashes and token requests would take most of a minute),
/// librarian profiles, and fresh submitted requests made through the API as a lead would.
/// </summary>
internal static class ClaimsSite
{
    /// <summary>
    /// Creates <paramref name="count"/> confirmed, approved librarians, each with a read-write token
    /// and the demo users' password hash (so they can also sign in with the demo password).
    /// </summary>
    public static async Task<IReadOnlyList<TestLibrarian>> NewLibrariansAsync(this PortalProcess portal, int count, string? postgres = null)
    {
        await using var connection = await OpenAsync(portal, postgres);
        var isPostgres = postgres is not null;
        object Moment(DateTimeOffset value) => isPostgres ? value : value.UtcTicks;
        object Key(Guid value) => isPostgres ? value : value.ToString().ToUpperInvariant();

        var roleId = await ScalarAsync(connection, """SELECT "Id" FROM "AspNetRoles" WHERE "Name" = 'Librarian'""");
        var passwordHash = await ScalarAsync(connection, """SELECT "PasswordHash" FROM "AspNetUsers" WHERE "NormalizedEmail" = 'LENA.HARTLEY@EXAMPLE.ORG'""");
        var now = DateTimeOffset.UtcNow;
        var batch = Guid.NewGuid().ToString("N")[..8];
        var librarians = new List<TestLibrarian>(count);
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 1; i <= count; i++)
        {
            var id = Guid.NewGuid().ToString();
            var email = $"librarian-{batch}-{i}@example.org";
            var name = $"Librarian {i} ({batch})";
            var (token, hash) = PersonalAccessTokenSecret();
            await ExecuteAsync(connection, transaction, """
                INSERT INTO "AspNetUsers" ("Id", "DisplayName", "CreatedAt", "ApprovedAt", "ApprovedBy", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
                    "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES (@id, @name, @now, @now, 'test', @email, @normalised, @email, @normalised, TRUE, @hash, @stamp, @stamp, FALSE, FALSE, TRUE, 0)
                """, ("@id", id), ("@name", name), ("@now", Moment(now)), ("@email", email), ("@normalised", email.ToUpperInvariant()),
                ("@hash", passwordHash), ("@stamp", Guid.NewGuid().ToString()));
            await ExecuteAsync(connection, transaction, """INSERT INTO "AspNetUserRoles" ("UserId", "RoleId") VALUES (@id, @role)""", ("@id", id), ("@role", roleId));
            // Marked as used just now, so the first call does not stop to write "last used".
            await ExecuteAsync(connection, transaction, """
                INSERT INTO "PersonalAccessTokens" ("Id", "UserId", "Name", "Scope", "Kind", "Hash", "Hint", "CreatedAt", "ExpiresAt", "LastUsedAt")
                VALUES (@key, @id, 'claim tests', 'ReadWrite', 'Personal', @hash, @hint, @now, @expires, @now)
                """, ("@key", Key(Guid.NewGuid())), ("@id", id), ("@hash", hash), ("@hint", token[..10]), ("@now", Moment(now)), ("@expires", Moment(now.AddDays(1))));
            librarians.Add(new TestLibrarian(id, email, name, token));
        }

        await transaction.CommitAsync();
        return librarians;
    }

    /// <summary>Writes (or rewrites) the librarian's profile: searches at a time and mentoring.</summary>
    public static async Task SetProfileAsync(this PortalProcess portal, string userId, int capacity = 2, bool offersMentoring = false, bool seeksMentoring = false)
    {
        await using var connection = await OpenAsync(portal, null);
        await ExecuteAsync(connection, null, """
            INSERT INTO "LibrarianProfiles" ("UserId", "Skills", "Capacity", "OffersMentoring", "SeeksMentoring", "Databases")
            VALUES (@id, 0, @capacity, @offers, @seeks, '[]')
            ON CONFLICT ("UserId") DO UPDATE SET "Capacity" = @capacity, "OffersMentoring" = @offers, "SeeksMentoring" = @seeks
            """, ("@id", userId), ("@capacity", capacity), ("@offers", offersMentoring), ("@seeks", seeksMentoring));
    }

    /// <summary>A new request on the frailty framework, submitted by its lead Helen Armstrong through the API.</summary>
    public static async Task<Guid> SubmittedRequestAsync(this PortalProcess portal, string question = "Does strength and balance training at home reduce falls in people over 75?")
    {
        using var helen = await portal.ApiAsAsync(Helen);
        var workStreamId = (await portal.WorkStreamAsync(Frailty)).GetProperty("id").GetString();
        using var created = await helen.PostAsJsonAsync("/api/v1/requests", new
        {
            workStreamId,
            question,
            output = "EvidenceSummary",
            deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            urgency = "Routine",
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var submitted = await helen.PostAsync($"/api/v1/requests/{id}/submit", null);
        submitted.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>The title of a ProblemDetails answer: the message a refusal gives.</summary>
    public static async Task<string> ProblemTitleAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString() ?? string.Empty;
    }

    private static (string Text, string Hash) PersonalAccessTokenSecret()
    {
        var text = "stem_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        return (text, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))));
    }

    private static async Task<DbConnection> OpenAsync(PortalProcess portal, string? postgres)
    {
        DbConnection connection = postgres is null
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(portal.DataPath, "portal.db"), Pooling = false, DefaultTimeout = 30 }.ToString())
            : new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<object> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No value for: {sql}");
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}
