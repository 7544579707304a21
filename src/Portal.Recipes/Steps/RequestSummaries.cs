using Portal.Content;
using Portal.Core.Requests;
using Portal.Core.Summaries;

namespace Portal.Recipes.Steps;

/// <summary>
/// The search summary of a request in the "Requests" step: written, reviewed and delivered the real
/// way, by the summary's methods, which move the request into review and to delivered with it.
/// Search dates are given in days ago, so the recipe stays valid whatever day it runs.
/// </summary>
internal sealed record SummaryData(
    string Title,
    string Findings,
    IReadOnlyList<SourceData> Sources,
    string? Caveats = null,
    string? AppraisalNotes = null,
    int? ReviewInDays = null,
    string Licence = SummaryContent.DefaultLicence,
    OtherMethods? OtherMethods = null,
    string? Deduplication = null,
    int? RecordsFound = null,
    int? RecordsAfterDeduplication = null,
    int? RecordsSelected = null,
    string? Reviewer = null,
    IReadOnlyList<ReferenceData>? References = null,
    SummaryVisibility Visibility = SummaryVisibility.RequesterOnly);

/// <summary>A database searched, <paramref name="RunDaysAgo"/> days ago.</summary>
internal sealed record SourceData(
    string Database, string? Interface, string? YearsCovered, int RunDaysAgo, int? Hits, IReadOnlyList<string> Strategy, string? LimitsAndFilters = null);

internal sealed record ReferenceData(
    string Title,
    IReadOnlyList<string>? Authors = null,
    string Type = "JOUR",
    string? Source = null,
    int? Year = null,
    string? Volume = null,
    string? Issue = null,
    string? Pages = null,
    string? Doi = null,
    string? Pmid = null,
    string? Url = null,
    string? Abstract = null,
    string? Note = null,
    string? Database = null);

internal sealed class RequestSummaries(MarkdownRenderer markdown, ReviewPolicy policy)
{
    /// <summary>Starts and writes the summary of a request its claimant holds; what happens next depends on the state wanted.</summary>
    public (SearchSummary Summary, IReadOnlyList<Reference> References) Write(string key, EvidenceRequest request, SummaryData data, DateTimeOffset at, DateTimeOffset now)
    {
        var claimant = request.ClaimantId!;
        var summary = SearchSummary.Start(request, claimant, at, RecipeIds.For(nameof(SearchSummary), key));
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var content = new SummaryContent(
            data.Title,
            request.Details.Question,
            new SearchReport(
                data.Sources.Select(s => new SearchSource(s.Database, s.Interface, s.YearsCovered, today.AddDays(-s.RunDaysAgo), s.Hits, s.Strategy, s.LimitsAndFilters)).ToList(),
                data.OtherMethods ?? OtherMethods.None,
                data.Deduplication,
                data.RecordsFound,
                data.RecordsAfterDeduplication,
                data.RecordsSelected),
            data.Findings,
            data.Caveats,
            data.AppraisalNotes,
            data.ReviewInDays is { } days ? today.AddDays(days) : null,
            data.Licence);
        summary.Edit(claimant, content, markdown.ToSafeHtml(content.Findings, "findings-"), at);
        var references = (data.References ?? []).Select((r, i) => new Reference
        {
            SummaryId = summary.Id,
            Position = i + 1,
            Type = r.Type,
            Authors = r.Authors ?? [],
            Title = r.Title,
            Source = r.Source,
            Year = r.Year,
            Volume = r.Volume,
            Issue = r.Issue,
            Pages = r.Pages,
            Doi = r.Doi,
            Pmid = r.Pmid,
            Url = r.Url,
            Abstract = r.Abstract,
            Note = r.Note,
            Database = r.Database,
        }).ToList();
        return (summary, references);
    }

    /// <summary>The author asks the named reviewer; the request goes into review.</summary>
    public static void AskForReview(string key, EvidenceRequest request, SearchSummary summary, SummaryData data, Func<string, string> userId, DateTimeOffset at)
    {
        var reviewer = data.Reviewer ?? throw new FormatException($"Request {key} is to be in review, so its summary needs a \"reviewer\".");
        summary.AskForReview(request, request.ClaimantId!, userId(reviewer), at);
    }

    /// <summary>
    /// Delivers, after the named reviewer approves when there is one. A summary the portal's review
    /// policy would hold back for approval needs a reviewer who approved.
    /// </summary>
    public IReadOnlyList<PeerReview> Deliver(string key, EvidenceRequest request, SearchSummary summary, SummaryData data, Func<string, string> userId, bool claimantSeeksMentoring, DateTimeOffset at)
    {
        var reviews = new List<PeerReview>();
        if (data.Reviewer is not null)
        {
            AskForReview(key, request, summary, data, userId, at);
            var approval = PressChecklist.Elements.Select(e => new PressItem(e.Element, PressJudgement.NoRevisions, null));
            reviews.Add(summary.Approve(userId(data.Reviewer), approval, "A clear, well-built search.", at));
        }

        summary.Deliver(request, request.ClaimantId!, policy.RequiresApproval(request, claimantSeeksMentoring), at);
        return reviews;
    }
}
