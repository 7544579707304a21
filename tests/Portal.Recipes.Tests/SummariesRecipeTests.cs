using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Testing;

namespace Portal.Recipes.Tests;

/// <summary>Summaries in the Requests step: they take requests into review and to delivery, and bad data says which request.</summary>
public class SummariesRecipeTests
{
    private const string Summary = """
        "summary": { "title": "Tai chi and falls", "findings": "Tai chi **reduces** falls.", "reviewer": "fiona.laidlaw@example.org",
          "sources": [ { "database": "MEDLINE", "interface": "Ovid", "yearsCovered": "1946 to present", "runDaysAgo": 1, "hits": 12,
                         "strategy": [ "Tai Ji/", "tai chi.ti,ab.", "1 or 2" ] } ],
          "references": [ { "title": "Tai chi for falls", "authors": [ "Smith, A." ], "year": 2020, "doi": "10.1000/taichi" } ] }
        """;

    private static string RequestIn(string state, string summary = Summary) => $$"""
        { "key": "test-summary", "workStream": "frailty-framework", "requester": "helen.armstrong@example.org",
          "question": "Does tai chi reduce falls?", "output": "ReadingList", "deadlineInDays": 20, "state": "{{state}}",
          "claimant": "lena.hartley@example.org", "startedDaysAgo": 5 {{(summary.Length > 0 ? ", " + summary : string.Empty)}} }
        """;

    private static string Recipe(string request) => $$"""{ "name": "test", "steps": [ { "name": "Requests", "requests": [ {{request}} ] } ] }""";

    private static async Task<SqliteTestDatabase> DemoSiteAsync()
    {
        var database = await Site.CreateAsync();
        await database.RunAsync(Site.Shipped(TestSite.Recipe));
        return database;
    }

    [Fact]
    public async Task Every_request_in_review_delivered_or_closed_in_the_demo_has_its_summary_in_the_matching_state()
    {
        await using var database = await DemoSiteAsync();
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var requests = await db.EvidenceRequests.Where(r => r.ClaimantId != null).ToListAsync();
        var summaries = await db.SearchSummaries.ToDictionaryAsync(s => s.RequestId);
        foreach (var request in requests.Where(r => r.State is RequestState.InReview or RequestState.Delivered or RequestState.Closed))
        {
            var summary = summaries[request.Id];
            Assert.Equal(request.State == RequestState.InReview ? SummaryState.InReview : SummaryState.Final, summary.State);
            Assert.Contains(request.ClaimantId!, summary.Authors);
            Assert.NotEmpty(summary.Content.Search.Sources);
            Assert.All(summary.Content.Search.Sources, s => Assert.NotEmpty(s.Strategy));
            Assert.Contains("<strong>", summary.FindingsHtml, StringComparison.Ordinal);
            Assert.True(await db.SummaryReferences.CountAsync(r => r.SummaryId == summary.Id) >= 2, "each summary has its references");
        }

        Assert.Equal(4, summaries.Values.Count(s => s.State == SummaryState.Final));
        Assert.Single(summaries.Values, s => s.State == SummaryState.InReview);
        Assert.Single(summaries.Values, s => s.State == SummaryState.Draft);
        var reviewed = summaries.Values.Single(s => s.ApprovedAt is not null);
        Assert.Single(await db.PeerReviews.Where(r => r.SummaryId == reviewed.Id).ToListAsync(), r => r.Outcome == ReviewOutcome.Approved);
    }

    [Fact]
    public async Task A_delivered_request_with_a_reviewer_is_approved_before_it_is_delivered()
    {
        await using var database = await DemoSiteAsync();

        await database.RunAsync(Recipe(RequestIn("Delivered")));

        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var summary = await db.SearchSummaries.SingleAsync(s => s.RequestId == RecipeIds.For(nameof(EvidenceRequest), "test-summary"));
        Assert.Equal(SummaryState.Final, summary.State);
        Assert.NotNull(summary.ApprovedAt);
        Assert.Equal("Tai chi for falls", (await db.SummaryReferences.SingleAsync(r => r.SummaryId == summary.Id)).Title);
        Assert.Contains("<strong>reduces</strong>", summary.FindingsHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Delivered", "", "Request test-summary is to be Delivered, so it needs a \"summary\": a request goes into review or is delivered with its search summary.")]
    [InlineData("InReview", "\"summary\": { \"title\": \"T\", \"findings\": \"F\", \"sources\": [ { \"database\": \"MEDLINE\", \"interface\": \"Ovid\", \"yearsCovered\": \"all\", \"runDaysAgo\": 1, \"hits\": 1, \"strategy\": [ \"a\" ] } ] }",
        "Request test-summary is to be in review, so its summary needs a \"reviewer\".")]
    [InlineData("Submitted", Summary, "Request test-summary is Submitted, so it cannot have a summary.")]
    [InlineData("Delivered", "\"summary\": { \"title\": \"T\", \"findings\": \"F\", \"sources\": [] }", "Request test-summary: Add at least one source searched, with its strategy")]
    [InlineData("Delivered", "\"summary\": { \"title\": \"T\", \"findings\": \"F\", \"licence\": \"Mine\", \"sources\": [] }", "Request test-summary: Choose a licence from the list")]
    public async Task Bad_summary_data_fails_naming_the_request_and_writes_nothing(string state, string summary, string message)
    {
        await using var database = await DemoSiteAsync();
        var before = await database.CountRowsAsync();

        var refused = await database.FailAsync(Recipe(RequestIn(state, summary)));

        Assert.Equal($"Step 1 (Requests) of recipe 'test' failed: {message}", refused.Message);
        Assert.Equal(before, await database.CountRowsAsync());
    }

    [Fact]
    public async Task The_demo_publishes_a_summary_on_every_work_stream_reuses_one_and_has_impact_answers()
    {
        await using var database = await DemoSiteAsync();
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var published = await db.SearchSummaries.Where(s => s.Visibility != SummaryVisibility.RequesterOnly).ToListAsync();
        var requests = await db.EvidenceRequests.ToDictionaryAsync(r => r.Id);

        Assert.Equal(4, published.Select(s => requests[s.RequestId].WorkStreamId).Distinct().Count());
        Assert.Contains(published, s => s.Visibility == SummaryVisibility.Public);
        Assert.Contains(published, s => s.Visibility == SummaryVisibility.Members);
        Assert.All(published, s => Assert.True(s.Slug is { Length: > 0 } && s.PublishedAt is not null, "published with a slug and a date"));
        Assert.Equal(published.Count, published.Select(s => s.Slug).Distinct().Count());
        Assert.All(published, s => Assert.True(requests[s.RequestId].SharingConsent >= s.Visibility, "never beyond the requester's consent"));
        var reused = Assert.Single(requests.Values, r => r.AnsweredBySummaryId is not null);
        Assert.Equal(RequestState.Closed, reused.State);
        Assert.Contains(published, s => s.Id == reused.AnsweredBySummaryId);
        var answers = await db.ImpactAnswers.ToListAsync();
        Assert.Equal(3, answers.Count);
        Assert.All(answers, a => Assert.NotNull(requests[a.RequestId].ImpactAnsweredAt));
        Assert.Contains(answers, a => a.Details.CaseStudyConsent);
    }

    [Theory]
    [InlineData("\"consent\": \"Members\"", "\"visibility\": \"Public\"", "Request test-summary: The requester agreed to share this summary with members only, not the public.")]
    [InlineData("\"consent\": \"RequesterOnly\"", "\"visibility\": \"Members\"", "Request test-summary: The requester has not agreed to share this summary. Ask them to give their consent on the request page.")]
    public async Task A_summary_is_never_published_beyond_the_requesters_consent(string consent, string visibility, string message)
    {
        await using var database = await DemoSiteAsync();
        var summary = Summary.Replace("\"reviewer\":", visibility + ", \"reviewer\":", StringComparison.Ordinal);
        var request = RequestIn("Delivered", summary).Replace("\"startedDaysAgo\": 5", "\"startedDaysAgo\": 5, " + consent, StringComparison.Ordinal);

        var refused = await database.FailAsync(Recipe(request));

        Assert.Equal($"Step 1 (Requests) of recipe 'test' failed: {message}", refused.Message);
    }
}
