using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Core.Segmentation;
using Portal.Core.Summaries;
using Portal.Core.WorkStreams;
using Portal.Data;
using Portal.Search;
using Portal.Web.Features.Requests;
using Portal.Web.Features.Segmentation;
using Portal.Web.Features.Summaries;
using Portal.Web.Features.WorkStreams;

namespace Portal.Web.Features.Search;

/// <summary>
/// Content as search documents: what is matched, what a hit shows and who may open it. The access
/// terms say in index terms what <see cref="SummaryAccess"/> and <see cref="Viewer"/> say in code:
/// a change to those rules must change these.
/// </summary>
public static partial class SearchDocuments
{
    private static readonly string ViewAllRequests = AccessTerms.Permission(RequestsPermissions.ViewAllRequests.Name);
    private static readonly string Members = AccessTerms.Permission(WorkStreamsPermissions.ViewWorkStreams.Name);
    private static readonly string SegmentationReaders = AccessTerms.Permission(SegmentationPermissions.ViewSegmentationOutputs.Name);

    /// <summary>
    /// A summary version. Those who take part (librarians and coordinators, its authors and reviewer,
    /// and once final its requester and the work stream's leads) find every version; readers there
    /// only by publication find the newest final version of a series, within the requester's
    /// consent. Abstracts from licensed databases are never indexed.
    /// </summary>
    public static SearchDocument Summary(SearchSummary summary, EvidenceRequest request, WorkStreamContext workStream, IEnumerable<Reference> references, bool isNewestFinal)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workStream);
        var access = new List<string> { ViewAllRequests };
        access.AddRange(summary.Authors.Select(AccessTerms.User));
        if (summary.ReviewerId is { } reviewer)
        {
            access.Add(AccessTerms.User(reviewer));
        }

        if (summary.State == SummaryState.Final)
        {
            access.Add(AccessTerms.User(request.RequesterId));
            access.AddRange(workStream.LeadIds.Select(AccessTerms.User));
            if (isNewestFinal && summary.Slug is not null)
            {
                switch (SummaryAccess.EffectiveVisibility(summary, request))
                {
                    case SummaryVisibility.Public:
                        access.Add(AccessTerms.Public);
                        break;
                    case SummaryVisibility.Members:
                        access.Add(Members);
                        break;
                }
            }
        }

        var content = summary.Content;
        var more = new StringBuilder();
        foreach (var reference in references)
        {
            more.Append(reference.Title).Append(". ").AppendJoin("; ", reference.Authors).Append(". ").Append(reference.Source).Append(". ")
                .AppendJoin("; ", reference.Keywords).Append('\n');
            if (!reference.AbstractIsLicensed && reference.Abstract is { } text)
            {
                more.Append(text).Append('\n');
            }
        }

        return new SearchDocument
        {
            Type = SearchTypes.Summary,
            Id = summary.Id.ToString(),
            Title = content.Title,
            Url = SummaryUrl(summary, isNewestFinal),
            Body = Join(content.Question, PlainText(summary.FindingsHtml), content.Caveats, content.AppraisalNotes),
            More = more.ToString(),
            Date = summary.DeliveredAt ?? summary.UpdatedAt,
            Access = access,
            Facets = workStream.Facets(EvidenceTypes(request.Details.EvidenceTypes)),
        };
    }

    /// <summary>A submitted request, for whoever may see it: its requester, the work stream's leads, and those who see every request. Drafts are the requester's own and are not indexed.</summary>
    public static SearchDocument? Request(EvidenceRequest request, WorkStreamContext workStream)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(workStream);
        if (request.State == RequestState.Draft)
        {
            return null;
        }

        var details = request.Details;
        return new SearchDocument
        {
            Type = SearchTypes.Request,
            Id = request.Id.ToString(),
            Title = details.Question.Length <= 150 ? details.Question : details.Question[..150] + "…",
            Url = $"/requests/{request.Id}",
            Body = Join(details.Question, details.Decision, details.DecisionForum, details.Geography, details.CareSettings, details.KnownPapers),
            Date = request.SubmittedAt ?? request.CreatedAt,
            Access = [ViewAllRequests, AccessTerms.User(request.RequesterId), .. workStream.LeadIds.Select(AccessTerms.User)],
            Facets = workStream.Facets(EvidenceTypes(details.EvidenceTypes)),
        };
    }

    /// <summary>A work stream, for every member.</summary>
    public static SearchDocument WorkStream(WorkStream workStream, WorkStreamContext context)
    {
        ArgumentNullException.ThrowIfNull(workStream);
        ArgumentNullException.ThrowIfNull(context);
        return new SearchDocument
        {
            Type = SearchTypes.WorkStream,
            Id = workStream.Id.ToString(),
            Title = workStream.Title,
            Url = $"/workstreams/{workStream.Key}",
            Body = Join(workStream.Summary, workStream.Decisions),
            Date = workStream.CreatedAt,
            Access = [Members],
            Facets = context.Facets([]),
        };
    }

    /// <summary>A published segmentation output (only aggregated, disclosure-controlled outputs are stored), for whoever may see outputs.</summary>
    public static SearchDocument Segmentation(SegmentationOutput output, string? system, string? region, IReadOnlyCollection<string> workStreamTitles)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(workStreamTitles);
        return new SearchDocument
        {
            Type = SearchTypes.Segmentation,
            Id = output.Id.ToString(),
            Title = output.Title,
            Url = $"/segmentation/{output.Id}",
            Body = Join(output.Narrative, $"Population segmentation for {output.Period} by {output.Rule}."),
            Date = output.UploadedAt,
            Access = [SegmentationReaders],
            Facets = new Dictionary<string, IReadOnlyCollection<string>>
            {
                [Facets.System] = system is null ? [] : [system],
                [Facets.Region] = region is null ? [] : [region],
                [Facets.WorkStream] = workStreamTitles,
            },
        };
    }

    /// <summary>Where a summary is read: its stable address once published and final, else its working page.</summary>
    public static string SummaryUrl(SearchSummary summary, bool isNewestFinal) =>
        summary.State == SummaryState.Final && summary.Slug is { } slug
            ? isNewestFinal ? $"/evidence/{slug}" : $"/evidence/{slug}/versions/{summary.VersionNumber}"
            : $"/summaries/{summary.Id}";

    /// <summary>The text of sanitised HTML (rendered findings): tags dropped, entities decoded, spaces collapsed.</summary>
    public static string PlainText(string html)
    {
        var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        return Spaces().Replace(text, " ").Trim();
    }

    private static List<string> EvidenceTypes(EvidenceTypes types) =>
        Enum.GetValues<EvidenceTypes>().Where(t => t != Core.Requests.EvidenceTypes.None && types.HasFlag(t)).Select(RequestLabels.EvidenceType).ToList();

    private static string Join(params string?[] parts) => string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();
}

/// <summary>What a work stream lends to the documents of its requests and summaries: facets and leads.</summary>
public sealed record WorkStreamContext(string Title, IReadOnlyCollection<string> Topics, string? System, string? Region, IReadOnlyCollection<string> LeadIds)
{
    public static WorkStreamContext Of(WorkStream workStream)
    {
        ArgumentNullException.ThrowIfNull(workStream);
        return new(
            workStream.Title,
            workStream.Topics.Select(t => t.Name).ToList(),
            workStream.System?.Name,
            workStream.System?.Parent?.Name,
            workStream.Leads.Select(l => l.UserId).ToList());
    }

    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Facets(IReadOnlyCollection<string> evidenceTypes) =>
        new Dictionary<string, IReadOnlyCollection<string>>
        {
            [Portal.Search.Facets.Topic] = Topics,
            [Portal.Search.Facets.System] = System is null ? [] : [System],
            [Portal.Search.Facets.Region] = Region is null ? [] : [Region],
            [Portal.Search.Facets.WorkStream] = [Title],
            [Portal.Search.Facets.EvidenceType] = evidenceTypes,
        };

    /// <summary>The work streams with these ids, with what their documents need, in one round of queries.</summary>
    public static async Task<Dictionary<Guid, WorkStreamContext>> LoadAsync(PortalDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var streams = await db.WorkStreams.AsNoTracking()
            .Include(w => w.Topics).Include(w => w.Leads).Include(w => w.System).ThenInclude(s => s!.Parent)
            .AsSplitQuery()
            .Where(w => wanted.Contains(w.Id))
            .ToListAsync(cancellationToken);
        return streams.ToDictionary(w => w.Id, Of);
    }
}
