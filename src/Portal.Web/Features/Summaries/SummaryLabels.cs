using System.Globalization;
using Microsoft.AspNetCore.Html;
using Portal.Core.Summaries;

namespace Portal.Web.Features.Summaries;

/// <summary>The words and dates the summary pages and the document share.</summary>
public static class SummaryLabels
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string State(SummaryState state) => state switch
    {
        SummaryState.InReview => "In review",
        _ => state.ToString(),
    };

    public static IHtmlContent Tag(SummaryState state)
    {
        var colour = state switch
        {
            SummaryState.Draft => "grey",
            SummaryState.InReview => "aqua-green",
            _ => "green",
        };
        return new HtmlString($"<strong class=\"nhsuk-tag nhsuk-tag--{colour}\">{State(state)}</strong>");
    }

    /// <summary>"5 March 2026".</summary>
    public static string Day(DateOnly? value) => value?.ToString("d MMMM yyyy", English) ?? "Not given";

    public static string Day(DateTimeOffset value) => value.UtcDateTime.ToString("d MMMM yyyy", English);

    /// <summary>A count as "1,234", or "Not given".</summary>
    public static string Number(int? value) => value?.ToString("N0", English) ?? "Not given";

    /// <summary>"Version 2 (final, delivered 5 March 2026)".</summary>
    public static string Version(SummaryVersionLink version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var state = version.DeliveredAt is { } delivered ? $"final, delivered {Day(delivered)}" : State(version.State).ToLowerInvariant();
        return $"Version {version.VersionNumber} ({state})";
    }
}
