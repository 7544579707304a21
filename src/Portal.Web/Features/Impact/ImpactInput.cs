using System.Globalization;
using Portal.Core.Impact;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Impact;

/// <summary>
/// Reads what the form or the API sent into <see cref="ImpactDetails"/>: the uses and
/// contributions by their names, the recommendation by its name, and the entity's own checks.
/// Every problem is named for its field, so the form can put it beside the question.
/// </summary>
public static class ImpactInput
{
    public const string HoursMessage = "Hours saved must be a number, like 2 or 1.5";
    public const string RecommendMessage = "Say whether you would recommend the service";

    public static ImpactDetails? Read(
        IEnumerable<string>? uses, IEnumerable<string>? contributedTo, decimal? hoursSaved, string? wouldRecommend, string? comments, bool caseStudyConsent, List<FieldProblem> problems)
    {
        var usesRead = Flags(uses, ImpactDetails.UseLabels.Select(u => u.Use), nameof(ImpactDetails.Uses), "Choose how you used the evidence from the list", problems);
        var contributionsRead = Flags(contributedTo, ImpactDetails.ContributionLabels.Select(c => c.Contribution), nameof(ImpactDetails.ContributedTo), "Choose what the evidence contributed to from the list", problems);
        Recommendation? recommendation = Enum.GetValues<Recommendation>().Select(r => (Recommendation?)r).FirstOrDefault(r => string.Equals(r.ToString(), wouldRecommend?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (recommendation is null)
        {
            problems.Add(new(nameof(ImpactDetails.WouldRecommend), RecommendMessage));
        }

        var details = new ImpactDetails(
            usesRead.Aggregate(ImpactUses.None, (all, u) => all | u),
            contributionsRead.Aggregate(ImpactContributions.None, (all, c) => all | c),
            hoursSaved,
            recommendation ?? Recommendation.NotSure,
            string.IsNullOrWhiteSpace(comments) ? null : comments.Trim(),
            caseStudyConsent);
        foreach (var error in details.Check().Where(e => problems.All(p => p.Field != e.Field)))
        {
            problems.Add(new(error.Field, error.Message));
        }

        return problems.Count == 0 ? details : null;
    }

    /// <summary>Hours as typed on the form: empty is "not said"; otherwise a number, with a point or none.</summary>
    public static decimal? ReadHours(string? text, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours))
        {
            return hours;
        }

        problems.Add(new(nameof(ImpactDetails.HoursSaved), HoursMessage));
        return null;
    }

    private static List<T> Flags<T>(IEnumerable<string>? names, IEnumerable<T> known, string field, string message, List<FieldProblem> problems)
        where T : struct, Enum
    {
        var byName = known.ToDictionary(k => k.ToString(), StringComparer.OrdinalIgnoreCase);
        var read = new List<T>();
        foreach (var name in (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            if (byName.TryGetValue(name.Trim(), out var flag))
            {
                read.Add(flag);
            }
            else if (problems.All(p => p.Field != field))
            {
                problems.Add(new(field, message));
            }
        }

        return read;
    }
}
