using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.SaveHook;
using Portal.Email.Outbox;
using Portal.Email.Templates;
using Portal.Email.Templates.Account;
using Portal.Testing;

namespace Portal.Email.Tests;

/// <summary>A real SQLite database with the email module wired as the portal wires it, on a clock the test moves.</summary>
internal sealed class MailTestDatabase : IAsyncDisposable
{
    public const string From = "STEM Portal <no-reply@example.org>";
    public const string PublicUrl = "https://portal.example.org";
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly SqliteTestDatabase _database;

    private MailTestDatabase(SqliteTestDatabase database, TestClock clock)
    {
        _database = database;
        Clock = clock;
    }

    public TestClock Clock { get; }

    public string DataPath => _database.DataPath;

    public IServiceProvider Services => _database.Services;

    /// <summary>The dispatcher the host would run.</summary>
    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>Mail to the SMTP server on <paramref name="smtpPort"/>, or to the pickup folder when it is null.</summary>
    public static async Task<MailTestDatabase> CreateAsync(int? smtpPort, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["Portal:Smtp:From"] = From };
        if (smtpPort is int port)
        {
            values["Portal:Smtp:Host"] = "127.0.0.1";
            values["Portal:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new TestClock(Start);
        var database = await SqliteTestDatabase.CreateAsync(services => services
            .AddSingleton<TimeProvider>(clock)
            .AddPortalDataProtection()
            .AddSingleton<IMailLinks>(new PublicUrlMailLinks(PublicUrl))
            .AddPortalEmail(configuration));
        return new MailTestDatabase(database, clock);
    }

    /// <summary>A second dispatcher, as another instance of the background service would be.</summary>
    public OutboxDispatcher NewDispatcher() => ActivatorUtilities.CreateInstance<OutboxDispatcher>(Services);

    /// <summary>Writes an outbox row as a feature's save would: pending and due now.</summary>
    public async Task<Guid> AddMailAsync(string toAddress, string template, string modelJson, string? recipientUserId = null, string? kind = null)
    {
        await using var scope = _database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var message = new OutboxMessage
        {
            ToAddress = toAddress,
            Template = template,
            Model = modelJson,
            RecipientUserId = recipientUserId,
            Kind = kind,
            CreatedAt = Clock.GetUtcNow(),
            NextAttemptAt = Clock.GetUtcNow(),
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public Task<Guid> AddConfirmEmailAsync(string toAddress = "alice@example.org", string displayName = "Alice Example") =>
        AddMailAsync(toAddress, ConfirmEmailTemplate.TemplateName,
            EmailModelJson.Serialize(new ConfirmEmailModel(displayName, "https://portal.example.org/account/confirm?code=abc")));

    public async Task<OutboxMessage> FindAsync(Guid id)
    {
        await using var scope = _database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public async Task<List<OutboxMessage>> AllAsync()
    {
        await using var scope = _database.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
