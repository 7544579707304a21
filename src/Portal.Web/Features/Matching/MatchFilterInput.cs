using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Geography;
using Portal.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Matching;

/// <summary>
/// The filters of "requests for me" as typed in the address (GET form or API query): a topic key, a
/// system code, "due within" a number of days, and the page. Read as text so that a bad value is
/// named rather than silently dropped.
/// </summary>
public sealed class MatchFilterInput
{
    public const int MaxDueWithinDays = 365;

    /// <summary>The "due within" choices the page offers; the API takes any number of days up to <see cref="MaxDueWithinDays"/>.</summary>
    public static IReadOnlyList<int> DueWithinChoices { get; } = [7, 14, 30];

    public string? Topic { get; set; }

    public string? System { get; set; }

    public string? DueWithin { get; set; }

    public string? Page { get; set; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Topic) || !string.IsNullOrWhiteSpace(System) || !string.IsNullOrWhiteSpace(DueWithin);

    /// <summary>The filter with the topic and system looked up, and the page number; or the problems, by field.</summary>
    public async Task<(MatchFilter Filter, int Page, IReadOnlyList<FieldProblem> Problems)> ReadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        int? topicId = null;
        if (!string.IsNullOrWhiteSpace(Topic))
        {
            var key = Topic.Trim();
            topicId = await db.Topics.AsNoTracking().Where(t => t.Key == key).Select(t => (int?)t.Id).SingleOrDefaultAsync(cancellationToken);
            if (topicId is null)
            {
                problems.Add(new(nameof(Topic), "Choose a topic from the list"));
            }
        }

        int? systemId = null;
        if (!string.IsNullOrWhiteSpace(System))
        {
            var code = System.Trim();
            systemId = await db.GeoAreas.AsNoTracking().Where(a => a.Code == code && a.Level == GeoLevel.System).Select(a => (int?)a.Id).SingleOrDefaultAsync(cancellationToken);
            if (systemId is null)
            {
                problems.Add(new(nameof(System), "Choose a system from the list"));
            }
        }

        int? dueWithin = null;
        if (!string.IsNullOrWhiteSpace(DueWithin))
        {
            if (int.TryParse(DueWithin.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= MaxDueWithinDays)
            {
                dueWithin = days;
            }
            else
            {
                problems.Add(new(nameof(DueWithin), $"Due within must be a whole number of days from 1 to {MaxDueWithinDays}"));
            }
        }

        var page = 1;
        if (!string.IsNullOrWhiteSpace(Page) && !(int.TryParse(Page.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1))
        {
            problems.Add(new(nameof(Page), "Page must be a whole number, 1 or more"));
            page = 1;
        }

        return (new MatchFilter(topicId, systemId, dueWithin), page, problems);
    }
}
