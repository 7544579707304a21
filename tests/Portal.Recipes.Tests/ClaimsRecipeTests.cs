using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Testing;

namespace Portal.Recipes.Tests;

/// <summary>The Requests step's claims: a mentor, the question in the conversation, messages and time, once.</summary>
public class ClaimsRecipeTests
{
    private const string Request = """
        { "key": "claims-test", "workStream": "frailty-framework", "requester": "helen.armstrong@example.org",
          "question": "Does tai chi reduce falls?", "output": "ReadingList", "deadlineInDays": 20, "state": "Claimed", "startedDaysAgo": 4,
          "claimant": "tomasz.nowak@example.org", "mentor": "fiona.laidlaw@example.org",
          "messages": [ { "from": "helen.armstrong@example.org", "body": "Community classes only, please.", "daysAgo": 1 } ],
          "time": [ { "librarian": "tomasz.nowak@example.org", "minutes": 45, "daysAgo": 1, "note": "Medline" } ] }
        """;

    private static async Task<SqliteTestDatabase> DemoSiteAsync()
    {
        var database = await Site.CreateAsync();
        await database.RunAsync(Site.Shipped(TestSite.Recipe));
        return database;
    }

    private static Task<string> UserIdAsync(PortalDbContext db, string email)
    {
        var normalised = email.ToUpperInvariant();
        return db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task The_demo_has_a_mentored_claim_a_question_waiting_for_its_requester_a_conversation_and_time()
    {
        await using var database = await DemoSiteAsync();
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var rhys = await UserIdAsync(db, "rhys.carrick@example.org");
        var fiona = await UserIdAsync(db, "fiona.laidlaw@example.org");
        var sinead = await UserIdAsync(db, "sinead.orourke@example.org");

        var mentored = await db.EvidenceRequests.SingleAsync(r => r.Id == RecipeIds.For(nameof(EvidenceRequest), "maternity-breastfeeding-peer-support"));
        var awaiting = await db.EvidenceRequests.SingleAsync(r => r.State == RequestState.AwaitingRequester);
        var messages = await db.RequestMessages.OrderBy(m => m.SentAt).ToListAsync();
        var time = await db.TimeRecords.ToListAsync();
        var claim = await db.AuditEvents.SingleAsync(a => a.SubjectId == mentored.Id.ToString() && a.EventType == nameof(RequestClaimed));

        Assert.Equal((RequestState.Claimed, rhys, fiona), (mentored.State, mentored.ClaimantId, mentored.MentorId));
        Assert.Equal(fiona, JsonDocument.Parse(claim.Data).RootElement.GetProperty("MentorId").GetString());
        var question = Assert.Single(messages, m => m.RequestId == awaiting.Id);
        Assert.Equal((RequestMessageKind.Question, awaiting.ClaimantId), (question.Kind, question.AuthorId));
        Assert.Equal("Should the search cover midwife-led units only, or obstetric-led units as well?", question.Body);
        Assert.Equal(awaiting.PausedSince, question.SentAt);
        Assert.Equal([rhys, sinead, fiona], messages.Where(m => m.RequestId == mentored.Id).Select(m => m.AuthorId));
        Assert.Equal(240, time.Where(t => t.RequestId == mentored.Id).Sum(t => t.Minutes));
        Assert.Equal(new[] { fiona, rhys }.Order(StringComparer.Ordinal), time.Where(t => t.RequestId == mentored.Id).Select(t => t.LibrarianId).Distinct().Order(StringComparer.Ordinal));
        Assert.True(time.Select(t => t.RequestId).Distinct().Count() >= 4, "time is recorded on several demo requests");
        Assert.All(time, t => Assert.True(t.On <= DateOnly.FromDateTime(DateTime.UtcNow)));
        var librarians = await db.EvidenceRequests.Where(r => r.ClaimantId != null).Select(r => r.ClaimantId).Distinct().CountAsync();
        Assert.Equal(5, librarians);
    }

    [Fact]
    public async Task Running_a_step_with_a_mentor_messages_and_time_again_changes_nothing()
    {
        await using var database = await DemoSiteAsync();
        var recipe = $$"""{ "name": "again", "steps": [ { "name": "Requests", "requests": [ {{Request}} ] } ] }""";
        await database.RunAsync(recipe);
        var first = await CountAsync(database);

        await database.RunAsync(recipe);

        Assert.Equal(first, await CountAsync(database));
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var id = RecipeIds.For(nameof(EvidenceRequest), "claims-test");
        Assert.Equal(await UserIdAsync(db, "fiona.laidlaw@example.org"), (await db.EvidenceRequests.SingleAsync(r => r.Id == id)).MentorId);
        Assert.Equal(1, await db.RequestMessages.CountAsync(m => m.RequestId == id));
        Assert.Equal(45, await db.TimeRecords.Where(t => t.RequestId == id).SumAsync(t => t.Minutes));
    }

    [Theory]
    [InlineData("\"mentor\": \"fiona.laidlaw@example.org\"", "\"mentor\": \"claire.robson@example.org\"", "Request claims-test names mentor claire.robson@example.org, who is not a librarian.")]
    [InlineData("\"mentor\": \"fiona.laidlaw@example.org\"", "\"mentor\": \"tomasz.nowak@example.org\"", "Request claims-test: A librarian cannot mentor their own search.")]
    [InlineData("\"state\": \"Claimed\"", "\"state\": \"Submitted\"", "Request claims-test names a mentor, so it must be claimed.")]
    [InlineData("\"from\": \"helen.armstrong@example.org\"", "\"from\": \"marcus.bell@example.org\"", "Request claims-test has a message from marcus.bell@example.org, who does not take part in its conversation.")]
    [InlineData("\"from\": \"helen.armstrong@example.org\"", "\"from\": \"nobody@example.org\"", "Request claims-test has a message from nobody@example.org, who has no account.")]
    [InlineData("\"body\": \"Community classes only, please.\"", "\"body\": \" \"", "Request claims-test: Enter a message")]
    [InlineData("please.\", \"daysAgo\": 1", "please.\", \"daysAgo\": 9", "Request claims-test has a message from before it was submitted.")]
    [InlineData("\"librarian\": \"tomasz.nowak@example.org\"", "\"librarian\": \"lena.hartley@example.org\"", "Request claims-test: Only the librarian who claimed the request, or their mentor, can record time on it.")]
    [InlineData("\"minutes\": 45", "\"minutes\": 0", "Request claims-test: Enter the time spent as a number of minutes greater than 0")]
    [InlineData("\"minutes\": 45, \"daysAgo\": 1", "\"minutes\": 45, \"daysAgo\": -1", "Request claims-test: \"startedDaysAgo\" and \"daysAgo\" cannot be negative.")]
    public async Task Bad_claim_data_fails_naming_the_request_and_writes_nothing(string from, string to, string message)
    {
        await using var database = await DemoSiteAsync();
        var before = await CountAsync(database);
        var request = Request.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Request, request);

        var refused = await database.FailAsync($$"""{ "name": "test", "steps": [ { "name": "Requests", "requests": [ {{request}} ] } ] }""");

        Assert.Equal($"Step 1 (Requests) of recipe 'test' failed: {message}", refused.Message);
        Assert.Equal(before, await CountAsync(database));
    }

    private static async Task<(Site.Rows Rows, int Messages, int TimeRecords)> CountAsync(SqliteTestDatabase database)
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (await database.CountRowsAsync(), await db.RequestMessages.CountAsync(), await db.TimeRecords.CountAsync());
    }
}
