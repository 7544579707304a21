using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>A request a test librarian claimed, and the summary they started on it (none when not asked to).</summary>
internal sealed record SummaryFixtureRequest(TestLibrarian Claimant, Guid RequestId, Guid SummaryId);

/// <summary>A reference as the summary tests put one on a summary.</summary>
internal sealed record SummaryTestReference(
    string Title, string[] Authors, int? Year = 2021, string? Source = null, string? Doi = null, string? Pmid = null, string? Url = null,
    string? Abstract = null, string? Note = null, string? Database = null);

/// <summary>
/// What the summary tests set up for themselves, through the API as a librarian would: a claimed
/// request, its summary, a complete body for PUT. Two things go straight to the database until
/// their own endpoints are merged: references (RIS import belongs to another change) and making a
/// summary final (review and delivery likewise).
/// </summary>
internal static class SummarySite
{
    public const string SummaryStrategyLine = "exp Frail Elderly/";

    /// <summary>A new librarian who has claimed a new submitted request; no summary yet.</summary>
    public static async Task<SummaryFixtureRequest> SummaryClaimedRequestAsync(this PortalProcess portal, string question = "Does strength and balance training at home reduce falls in people over 75?")
    {
        var claimant = (await portal.NewLibrariansAsync(1))[0];
        var requestId = await portal.SubmittedRequestAsync(question);
        using var client = portal.Api(claimant.Token);
        using var claimed = await client.PostAsync($"/api/v1/requests/{requestId}/claim", null);
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        return new SummaryFixtureRequest(claimant, requestId, Guid.Empty);
    }

    /// <summary>A claimed request and the draft summary its claimant started through the API.</summary>
    public static async Task<SummaryFixtureRequest> SummaryStartedAsync(this PortalProcess portal, string question = "Does strength and balance training at home reduce falls in people over 75?")
    {
        var claimed = await portal.SummaryClaimedRequestAsync(question);
        using var client = portal.Api(claimed.Claimant.Token);
        using var started = await client.PostAsync($"/api/v1/requests/{claimed.RequestId}/summary", null);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return claimed with { SummaryId = id };
    }

    /// <summary>A complete summary as the PUT body: two sources with strategies, counts, findings in Markdown, a licence.</summary>
    public static Dictionary<string, object?> SummaryBody(string title = "Strength and balance training and falls in people over 75", string findings = "### What we found\n\nStrength and balance training **reduces falls** by about a quarter.")
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Dictionary<string, object?>
        {
            ["title"] = title,
            ["question"] = "Does strength and balance training at home reduce falls in people over 75?",
            ["sources"] = new object[]
            {
                new { database = "MEDLINE", @interface = "Ovid", yearsCovered = "1946 to February week 4 2026", dateRun = today, hits = 312, strategy = new[] { SummaryStrategyLine, "frail*.ti,ab.", "1 or 2", "exp Exercise Therapy/", "3 and 4" }, limitsAndFilters = "English language; 2015 to current" },
                new { database = "CINAHL", @interface = "EBSCOhost", yearsCovered = "1981 to date", dateRun = today, hits = 168, strategy = new[] { "(MH \"Frail Elderly\")", "TI frail* OR AB frail*", "S1 OR S2" }, limitsAndFilters = (string?)null },
            },
            ["citationSearching"] = "Reference lists of the included reviews",
            ["websites"] = "NICE, the Centre for Ageing Better",
            ["contacts"] = null,
            ["otherMethods"] = null,
            ["deduplication"] = "EndNote, then by hand",
            ["recordsFound"] = 480,
            ["recordsAfterDeduplication"] = 350,
            ["recordsSelected"] = 24,
            ["findings"] = findings,
            ["caveats"] = "The evidence found has not been critically appraised.",
            ["appraisalNotes"] = null,
            ["reviewDate"] = "2027-03-01",
            ["licence"] = "CC BY 4.0",
        };
    }

    public static Task<HttpResponseMessage> SummaryPutAsync(this HttpClient client, Guid summaryId, object body) =>
        client.PutAsJsonAsync($"/api/v1/summaries/{summaryId}", body);

    /// <summary>References on the summary after any already there, written to the database as an import would write them.</summary>
    public static async Task<IReadOnlyList<Guid>> SummaryReferencesInsertedAsync(this PortalProcess portal, Guid summaryId, params SummaryTestReference[] references)
    {
        var key = summaryId.ToString().ToUpperInvariant();
        var last = await portal.ScalarAsync<long?>("SELECT MAX(Position) FROM SummaryReferences WHERE SummaryId = $id", ("$id", key)) ?? 0;
        var ids = new List<Guid>();
        foreach (var reference in references)
        {
            var id = Guid.NewGuid();
            await portal.ExecuteAsync(
                """
                INSERT INTO SummaryReferences (Id, SummaryId, Position, Type, Authors, Title, Source, Year, Volume, Issue, Pages, Doi, Pmid, Url, Abstract, Note, Database, Keywords, OtherTags)
                VALUES ($id, $summary, $position, 'JOUR', $authors, $title, $source, $year, '12', '3', '45-67', $doi, $pmid, $url, $abstract, $note, $database, '[]', '[]')
                """,
                ("$id", id.ToString().ToUpperInvariant()), ("$summary", key), ("$position", ++last), ("$authors", JsonSerializer.Serialize(reference.Authors)),
                ("$title", reference.Title), ("$source", reference.Source), ("$year", reference.Year), ("$doi", reference.Doi), ("$pmid", reference.Pmid),
                ("$url", reference.Url), ("$abstract", reference.Abstract), ("$note", reference.Note), ("$database", reference.Database));
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Marks a summary final and delivered, as delivery will once it is merged.</summary>
    public static async Task SummaryMadeFinalAsync(this PortalProcess portal, Guid summaryId) =>
        Assert.Equal(1, await portal.ExecuteAsync(
            "UPDATE SearchSummaries SET State = 'Final', DeliveredAt = $now, Version = Version + 1 WHERE Id = $id",
            ("$now", DateTimeOffset.UtcNow.UtcTicks), ("$id", summaryId.ToString().ToUpperInvariant())));

    /// <summary>A draft version 2 of a summary (copied from it, with its own title), as a re-run will make once it is merged.</summary>
    public static async Task<Guid> SummaryRerunInsertedAsync(this PortalProcess portal, Guid summaryId, string title)
    {
        var id = Guid.NewGuid();
        Assert.Equal(1, await portal.ExecuteAsync(
            """
            INSERT INTO SearchSummaries (Id, RequestId, SeriesId, VersionNumber, PreviousVersionId, State, Visibility, FindingsHtml, Authors, Version, CreatedAt, UpdatedAt,
                AppraisalNotes, Caveats, Findings, Licence, Question, ReviewDate, Search, Title)
            SELECT $new, RequestId, SeriesId, VersionNumber + 1, Id, 'Draft', Visibility, FindingsHtml, Authors, 0, CreatedAt, UpdatedAt,
                AppraisalNotes, Caveats, Findings, Licence, Question, ReviewDate, Search, $title
            FROM SearchSummaries WHERE Id = $old
            """,
            ("$new", id.ToString().ToUpperInvariant()), ("$old", summaryId.ToString().ToUpperInvariant()), ("$title", title)));
        return id;
    }

    /// <summary>The stored row: what a test checks was (or was not) saved.</summary>
    public static async Task<(string State, string Title, string FindingsHtml, int Version, string Search)> SummaryRowAsync(this PortalProcess portal, Guid summaryId)
    {
        var row = Assert.Single(await portal.QueryAsync(
            "SELECT State, Title, FindingsHtml, Version, Search FROM SearchSummaries WHERE Id = $id", ("$id", summaryId.ToString().ToUpperInvariant())));
        return ((string)row["State"]!, (string)row["Title"]!, (string)row["FindingsHtml"]!, Convert.ToInt32(row["Version"], CultureInfo.InvariantCulture), (string)row["Search"]!);
    }

    public static async Task<long> SummaryCountForRequestAsync(this PortalProcess portal, Guid requestId) =>
        await portal.ScalarAsync<long>("SELECT COUNT(*) FROM SearchSummaries WHERE RequestId = $id", ("$id", requestId.ToString().ToUpperInvariant()));

    public static async Task<IReadOnlyList<(string Title, string? Note)>> SummaryReferenceRowsAsync(this PortalProcess portal, Guid summaryId) =>
        (await portal.QueryAsync("SELECT Title, Note FROM SummaryReferences WHERE SummaryId = $id ORDER BY Position", ("$id", summaryId.ToString().ToUpperInvariant())))
            .Select(r => ((string)r["Title"]!, r["Note"] as string)).ToList();
}
