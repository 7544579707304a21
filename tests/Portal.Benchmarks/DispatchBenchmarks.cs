using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.SaveHook;
using Portal.Email;
using Portal.Email.Outbox;
using Portal.Testing;

namespace Portal.Benchmarks;

/// <summary>
/// Dispatch throughput: the real outbox dispatcher (SQLite outbox, MailKit, the "Notification"
/// template) sending N queued mails to the aiosmtpd server on loopback, in its default batches of
/// 20 per connection. A measured run, not a micro-benchmark: each iteration queues N mails, then
/// times dispatching all of them; messages per second = N / mean time.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DispatchBenchmarks
{
    private SmtpTestServer _smtp = null!;
    private SqliteTestDatabase _database = null!;
    private OutboxDispatcher _dispatcher = null!;

    [Params(1_000)]
    public int Messages { get; set; }

    [GlobalSetup]
    public async Task StartAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:Smtp:Host"] = "127.0.0.1",
            ["Portal:Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Portal:Smtp:From"] = "STEM Portal <no-reply@example.org>",
        }).Build();
        _database = await SqliteTestDatabase.CreateAsync(services => services.AddPortalEmail(configuration));
        _dispatcher = _database.Services.GetRequiredService<OutboxDispatcher>();
    }

    [IterationSetup]
    public void Queue()
    {
        using var scope = _database.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Messages; i++)
        {
            var model = new NotificationMail("Claire Robson", "RequestMessage", $"Helen Armstrong sent message {i} about the evidence request.", "http://127.0.0.1/requests/1", "http://127.0.0.1/account/notifications");
            db.OutboxMessages.Add(new OutboxMessage
            {
                ToAddress = "claire.robson@example.org", Template = NotificationMail.TemplateName, Kind = "RequestMessage",
                Model = JsonSerializer.Serialize(model, NotificationMail.Json), CreatedAt = now, NextAttemptAt = now,
            });
        }

        db.SaveChanges();
    }

    [Benchmark]
    public async Task<int> DispatchAll()
    {
        var sent = 0;
        int round;
        while ((round = await _dispatcher.DispatchDueAsync(CancellationToken.None)) > 0)
        {
            sent += round;
        }

        return sent == Messages ? sent : throw new InvalidOperationException($"Sent {sent} of {Messages}.");
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        await _database.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
