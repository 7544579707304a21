using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Testing;

namespace Portal.Recipes.Tests;

/// <summary>The Requests step: requests reach their states through the entity, once, and bad data names the step.</summary>
public class RequestsStepTests
{
    private const string Request = """
        { "key": "test-request", "workStream": "frailty-framework", "requester": "helen.armstrong@example.org",
          "question": "Does tai chi reduce falls?", "output": "ReadingList", "deadlineInDays": 20, "state": "Claimed", "claimant": "lena.hartley@example.org" }
        """;

    private static async Task<SqliteTestDatabase> DemoSiteAsync()
    {
        var database = await Site.CreateAsync();
        await database.RunAsync(Site.Shipped(TestSite.Recipe));
        return database;
    }

    [Fact]
    public async Task The_demo_recipe_has_requests_in_every_state_across_all_four_work_streams()
    {
        await using var database = await DemoSiteAsync();
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var requests = await db.EvidenceRequests.ToListAsync();
        var streams = await db.WorkStreams.ToDictionaryAsync(w => w.Id, w => w.Key);

        Assert.Equal(Enum.GetValues<RequestState>().Order(), requests.Select(r => r.State).Distinct().Order());
        Assert.Equal(4, requests.Select(r => streams[r.WorkStreamId]).Distinct().Count());
        var awaiting = requests.Single(r => r.State == RequestState.AwaitingRequester);
        Assert.NotNull(awaiting.PausedSince);
        var now = DateTimeOffset.UtcNow;
        Assert.True(awaiting.EffectiveDeadline(now) > awaiting.Details.Deadline, "time awaiting the requester moves the deadline on");
        Assert.Contains(requests, r => r.IsOverdue(now));
        Assert.All(requests.Where(r => r.State >= RequestState.Claimed && r.State != RequestState.Withdrawn && r.AnsweredBySummaryId is null), r => Assert.NotNull(r.ClaimantId));
        var audited = await db.AuditEvents.CountAsync(a => a.SubjectType == "EvidenceRequest" && a.EventType == nameof(RequestClaimed));
        Assert.Equal(requests.Count(r => r.ClaimantId is not null), audited);
        var id = RecipeIds.For(nameof(EvidenceRequest), "frailty-exercise-falls");
        Assert.Equal(RequestState.Submitted, requests.Single(r => r.Id == id).State);
    }

    [Fact]
    public async Task Running_the_step_again_changes_nothing()
    {
        await using var database = await DemoSiteAsync();
        var recipe = $$"""{ "name": "again", "steps": [ { "name": "Requests", "requests": [ {{Request}} ] } ] }""";
        await database.RunAsync(recipe);
        var first = await database.CountRowsAsync();

        await database.RunAsync(recipe);

        Assert.Equal(first, await database.CountRowsAsync());
    }

    [Theory]
    [InlineData("\"workStream\": \"frailty-framework\"", "\"workStream\": \"knitting\"", "Request test-request names work stream knitting, which does not exist.")]
    [InlineData("\"requester\": \"helen.armstrong@example.org\"", "\"requester\": \"nobody@example.org\"", "Request test-request names requester nobody@example.org, who has no account.")]
    [InlineData("\"requester\": \"helen.armstrong@example.org\"", "\"requester\": \"marcus.bell@example.org\"", "Request test-request: marcus.bell@example.org does not lead work stream frailty-framework, so cannot request evidence for it.")]
    [InlineData("\"claimant\": \"lena.hartley@example.org\"", "\"claimant\": \"claire.robson@example.org\"", "Request test-request names claimant claire.robson@example.org, who is not a librarian.")]
    [InlineData(", \"claimant\": \"lena.hartley@example.org\"", "", "Request test-request is to be Claimed, so it needs a \"claimant\".")]
    [InlineData("\"deadlineInDays\": 20", "\"deadlineInDays\": -1", "Request test-request: Deadline must be today or in the future")]
    [InlineData("\"deadlineInDays\": 20", "\"deadlineInDays\": 3", "Request test-request: A reading list usually takes at least 7 days. Give a reason for the shorter deadline, or choose a later one")]
    [InlineData("\"state\": \"Claimed\"", "\"state\": \"AwaitingRequester\"", "Request test-request is to be AwaitingRequester, so it needs a \"questionForRequester\".")]
    public async Task Bad_request_data_fails_naming_the_step_and_the_request(string from, string to, string message)
    {
        await using var database = await DemoSiteAsync();
        var before = await database.CountRowsAsync();

        var refused = await database.FailAsync($$"""{ "name": "test", "steps": [ { "name": "Requests", "requests": [ {{Request.Replace(from, to, StringComparison.Ordinal)}} ] } ] }""");

        Assert.Equal($"Step 1 (Requests) of recipe 'test' failed: {message}", refused.Message);
        Assert.Equal(before, await database.CountRowsAsync());
    }

    [Fact]
    public async Task A_state_that_does_not_exist_is_refused_naming_the_value()
    {
        await using var database = await DemoSiteAsync();

        var refused = await database.FailAsync($$"""{ "name": "test", "steps": [ { "name": "Requests", "requests": [ {{Request.Replace("\"Claimed\"", "\"Lost\"", StringComparison.Ordinal)}} ] } ] }""");

        Assert.StartsWith("Step 1 (Requests) of recipe 'test' has invalid data at $.requests[0].state", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paused_work_stream_takes_no_new_requests_even_from_a_recipe()
    {
        await using var database = await DemoSiteAsync();

        var refused = await database.FailAsync($$"""{ "name": "test", "steps": [ { "name": "Requests", "requests": [ {{Request.Replace("frailty-framework", "physical-exercise-preventive-healthcare", StringComparison.Ordinal)}} ] } ] }""");

        Assert.Equal("Step 1 (Requests) of recipe 'test' failed: Request test-request: The work stream Physical exercise in preventive healthcare is paused, so it takes no new requests.", refused.Message);
    }
}
