using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Testing;
using static Portal.Web.Tests.RequestsSite;

namespace Portal.Web.Tests;

/// <summary>A portal shared by the review and delivery tests, looking for due review dates every second.</summary>
public sealed class SummaryReviewSiteFixture : SetUpSiteFixture
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Portal:Api:TokenRequestsPerMinute"] = "1000",
        ["Portal:Summaries:ReminderInterval"] = "00:00:01",
    };
}

[CollectionDefinition(SummaryReviewSite.Collection)]
public sealed class SummaryReviewCollection : ICollectionFixture<SummaryReviewSiteFixture>;

/// <summary>A summary a test made for itself: its request, the summary and the librarian who wrote it.</summary>
internal sealed record SummaryReviewCase(Guid RequestId, Guid SummaryId, TestLibrarian Author);

/// <summary>
/// What the review and delivery tests set up for themselves. Writing a summary is another part of
/// the portal, so the summaries are written through the core and saved on the site's own SQLite
/// file with the portal's data layer (the save hook runs, so audit rows and events are as usual);
/// requests are made and claimed over HTTP as a lead and a librarian would.
/// </summary>
internal static class SummaryReviewSite
{
    public const string Collection = "Summary review";

    public static readonly string[] Strategy = ["exp Frail Elderly/", "(frail* adj3 (elder* or older)).ti,ab.", "exp Accidental Falls/", "1 or 2", "3 and 4"];

    /// <summary>A request claimed by a new librarian (with a mentor when given), and a complete draft summary by them.</summary>
    public static async Task<SummaryReviewCase> SummaryReviewDraftAsync(
        this PortalProcess portal, string? mentorId = null, bool peerReview = false, bool complete = true, TestLibrarian? author = null, string? title = null)
    {
        author ??= (await portal.NewLibrariansAsync(1))[0];
        var requestId = await portal.SummaryReviewRequestAsync(peerReview);
        using (var api = portal.Api(author.Token))
        {
            using var claimed = await api.PostAsJsonAsync($"/api/v1/requests/{requestId}/claim", new { mentorId });
            Assert.True(claimed.StatusCode == HttpStatusCode.OK, $"The claim failed: {await claimed.Content.ReadAsStringAsync()}");
        }

        var summaryId = await portal.SummaryReviewDbAsync(async db =>
        {
            var request = await db.EvidenceRequests.SingleAsync(r => r.Id == requestId);
            var summary = SearchSummary.Start(request, author.Id, DateTimeOffset.UtcNow);
            if (complete)
            {
                summary.Edit(author.Id, SummaryReviewContent(request, title), "<p>Multicomponent exercise reduces falls.</p>", DateTimeOffset.UtcNow);
            }

            db.SearchSummaries.Add(summary);
            await db.SaveChangesAsync();
            return summary.Id;
        });
        return new SummaryReviewCase(requestId, summaryId, author);
    }

    /// <summary>A delivered (final) summary with two references, delivered through the core.</summary>
    public static async Task<SummaryReviewCase> SummaryReviewFinalAsync(this PortalProcess portal, DateOnly? reviewDate = null)
    {
        var draft = await portal.SummaryReviewDraftAsync();
        await portal.SummaryReviewDbAsync(async db =>
        {
            var summary = await db.SearchSummaries.SingleAsync(s => s.Id == draft.SummaryId);
            var request = await db.EvidenceRequests.SingleAsync(r => r.Id == draft.RequestId);
            if (reviewDate is not null)
            {
                summary.Edit(draft.Author.Id, summary.Content with { ReviewDate = reviewDate }, summary.FindingsHtml, DateTimeOffset.UtcNow);
            }

            db.SummaryReferences.AddRange(
                new Reference { SummaryId = summary.Id, Position = 1, Type = "JOUR", Authors = ["Sherrington, C", "Fairhall, N"], Title = "Exercise for preventing falls in older people living in the community", Source = "Cochrane Database Syst Rev", Year = 2019, Doi = "10.1002/14651858.CD012424.pub2", Database = "MEDLINE via Ovid" },
                new Reference { SummaryId = summary.Id, Position = 2, Type = "JOUR", Authors = ["Gillespie, LD"], Title = "Interventions for preventing falls in older people living in the community", Source = "Cochrane Database Syst Rev", Year = 2012, Pmid = "22972103", Database = "PubMed" });
            summary.Deliver(request, draft.Author.Id, approvalRequired: false, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });
        return draft;
    }

    /// <summary>A complete summary of the request: one database with its strategy, findings, a review date a year away.</summary>
    public static SummaryContent SummaryReviewContent(EvidenceRequest request, string? title = null) => SummaryContent.ForRequest(request) with
    {
        Title = title ?? SummaryContent.ForRequest(request).Title,
        Search = new SearchReport(
            [new SearchSource("MEDLINE", "Ovid", "1946 to present", DateOnly.FromDateTime(DateTime.UtcNow), 412, Strategy, "English language; 2010 to current")],
            OtherMethods.None,
            RecordsFound: 412,
            RecordsSelected: 14),
        Findings = "Multicomponent exercise reduces falls.",
        ReviewDate = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1),
    };

    /// <summary>A request on the frailty framework submitted by its lead Helen Armstrong, asking for a peer review when told to.</summary>
    public static async Task<Guid> SummaryReviewRequestAsync(this PortalProcess portal, bool peerReview = false)
    {
        using var helen = await portal.ApiAsAsync(Helen);
        var workStreamId = (await portal.WorkStreamAsync(Frailty)).GetProperty("id").GetString();
        using var created = await helen.PostAsJsonAsync("/api/v1/requests", new
        {
            workStreamId,
            question = $"Does strength and balance training reduce falls in frail older people (case {Guid.NewGuid().ToString("N")[..8]})?",
            output = "EvidenceSummary",
            deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            urgency = "Routine",
            peerReview,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var submitted = await helen.PostAsync($"/api/v1/requests/{id}/submit", null);
        submitted.EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>Works on the site's database with the portal's own data layer, in a scope of its own.</summary>
    public static async Task<T> SummaryReviewDbAsync<T>(this PortalProcess portal, Func<PortalDbContext, Task<T>> work)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:DataPath"] = portal.DataPath,
            // No pooling, so no connection outlives the test and the folder can be deleted.
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(portal.DataPath, DataServiceCollectionExtensions.SqliteFileName)};Foreign Keys=True;Default Timeout=30;Pooling=False",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddPortalData(configuration, portal.DataPath).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>The summary's row as the tests check it.</summary>
    public static async Task<(string State, string Authors, string? ReviewerId, int Version)> SummaryReviewRowAsync(this PortalProcess portal, Guid summaryId)
    {
        var row = Assert.Single(await portal.QueryAsync("SELECT State, Authors, ReviewerId, Version FROM SearchSummaries WHERE Id = $id", ("$id", CoordinationSite.Key(summaryId))));
        return ((string)row["State"]!, (string)row["Authors"]!, row["ReviewerId"] as string, Convert.ToInt32(row["Version"], CultureInfo.InvariantCulture));
    }

    public static async Task<long> SummaryReviewCountAsync(this PortalProcess portal, Guid summaryId) =>
        await portal.ScalarAsync<long>("SELECT COUNT(*) FROM PeerReviews WHERE SummaryId = $id", ("$id", CoordinationSite.Key(summaryId)));

    /// <summary>The texts of a person's notifications of one kind linking to the summary (or its review form).</summary>
    public static async Task<IReadOnlyList<string>> SummaryReviewNoticesAsync(this PortalProcess portal, string userId, Guid summaryId, string kind)
    {
        var rows = await portal.QueryAsync(
            "SELECT Text FROM Notifications WHERE UserId = $user AND Kind = $kind AND Link LIKE $link ORDER BY Id",
            ("$user", userId), ("$kind", kind), ("$link", $"/summaries/{summaryId}%"));
        return rows.Select(r => (string)r["Text"]!).ToList();
    }

    /// <summary>A PRESS review body: every element without revisions, except those given.</summary>
    public static object SummaryReviewBody(string? comment = null, params (string Element, string Judgement, string? Comment)[] changed)
    {
        var items = Enum.GetNames<PressElement>().Select(e =>
        {
            var change = changed.FirstOrDefault(c => c.Element == e);
            return change.Element is null
                ? new { element = e, judgement = "NoRevisions", comment = (string?)null }
                : new { element = e, judgement = change.Judgement, comment = change.Comment };
        }).ToList();
        return new { items, comment };
    }

    /// <summary>The review form's fields: every element without revisions, except those given, and the button pressed.</summary>
    public static List<KeyValuePair<string, string>> SummaryReviewForm(string outcome, string comment = "", params (string Element, string Judgement, string Comment)[] changed)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in Enum.GetNames<PressElement>())
        {
            var change = changed.FirstOrDefault(c => c.Element == element);
            if (change.Judgement != string.Empty)
            {
                fields.Add(new($"{element}.Judgement", change.Element is null ? "NoRevisions" : change.Judgement));
            }

            fields.Add(new($"{element}.Comment", change.Comment ?? string.Empty));
        }

        fields.Add(new("Comment", comment));
        fields.Add(new("Outcome", outcome));
        return fields;
    }
}
