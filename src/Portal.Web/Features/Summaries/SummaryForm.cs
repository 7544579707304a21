using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Core.Summaries;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// The edit page's fields as typed. Sources are repeated fieldsets (Sources[0].Database…) that work
/// without JavaScript: a blank one is ignored, a ticked "Remove this source" drops one, and
/// "Add another source" saves and comes back with one more blank. Numbers and dates are text here,
/// so what cannot be read is a message beside its box rather than a binding error.
/// </summary>
public sealed class SummaryForm
{
    /// <summary>At most this many blank sources at once, however often "Add another source" is pressed.</summary>
    public const int MaxBlankSources = 10;

    public string? Title { get; set; }

    public string? Question { get; set; }

    public List<SourceForm> Sources { get; set; } = [];

    public string? CitationSearching { get; set; }

    public string? Websites { get; set; }

    public string? Contacts { get; set; }

    public string? OtherMethods { get; set; }

    public string? Deduplication { get; set; }

    public string? RecordsFound { get; set; }

    public string? RecordsAfterDeduplication { get; set; }

    public string? RecordsSelected { get; set; }

    public string? Findings { get; set; }

    public string? Caveats { get; set; }

    public string? AppraisalNotes { get; set; }

    public DateParts ReviewDate { get; set; } = new();

    public string? Licence { get; set; }

    /// <summary>The summary's version when the form was shown; a save after someone else's is refused.</summary>
    public int Version { get; set; }

    /// <summary>Blank sources posted (and not removed): "Add another source" comes back with one more than these.</summary>
    public int BlankSources => Sources.Count(s => !s.Remove && s.IsBlank);

    /// <summary>The form for a summary as saved, with <paramref name="blanks"/> empty sources after its own.</summary>
    public static SummaryForm From(SearchSummary summary, int blanks)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var content = summary.Content;
        var search = content.Search;
        var room = Math.Max(0, SummaryContent.MaxSources - search.Sources.Count);
        return new SummaryForm
        {
            Title = content.Title,
            Question = content.Question,
            Sources =
            [
                .. search.Sources.Select(SourceForm.From),
                .. Enumerable.Range(0, Math.Min(room, Math.Clamp(blanks, 0, MaxBlankSources))).Select(_ => new SourceForm()),
            ],
            CitationSearching = search.OtherMethods.CitationSearching,
            Websites = search.OtherMethods.Websites,
            Contacts = search.OtherMethods.Contacts,
            OtherMethods = search.OtherMethods.Other,
            Deduplication = search.Deduplication,
            RecordsFound = Text(search.RecordsFound),
            RecordsAfterDeduplication = Text(search.RecordsAfterDeduplication),
            RecordsSelected = Text(search.RecordsSelected),
            Findings = content.Findings,
            Caveats = content.Caveats,
            AppraisalNotes = content.AppraisalNotes,
            ReviewDate = DateParts.From(content.ReviewDate),
            Licence = content.Licence,
            Version = summary.Version,
        };
    }

    /// <summary>
    /// The content the form describes. Problems use the content's field names, so they line up with
    /// <see cref="SummaryContent.Check"/>'s; <paramref name="rows"/> says which form row each source came from.
    /// </summary>
    public SummaryContent ToContent(List<FieldProblem> problems, out IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var sources = new List<SearchSource>();
        var taken = new List<int>();
        for (var row = 0; row < Sources.Count; row++)
        {
            var source = Sources[row] ?? new SourceForm();
            if (source.Remove || source.IsBlank)
            {
                continue;
            }

            taken.Add(row);
            sources.Add(source.ToSource(sources.Count + 1, problems));
        }

        rows = taken;
        var search = new SearchReport(
            sources,
            new OtherMethods(CitationSearching, Websites, Contacts, OtherMethods),
            Deduplication,
            Count(RecordsFound, nameof(SearchReport.RecordsFound), "Records found", problems),
            Count(RecordsAfterDeduplication, nameof(SearchReport.RecordsAfterDeduplication), "Records after de-duplication", problems),
            Count(RecordsSelected, nameof(SearchReport.RecordsSelected), "Records selected", problems));
        var reviewDate = ReviewDate.Read(nameof(SummaryContent.ReviewDate), "Review date", required: false, problems);
        return new SummaryContent(Title ?? string.Empty, Question ?? string.Empty, search, Findings, Caveats, AppraisalNotes, reviewDate, Licence ?? string.Empty);
    }

    /// <summary>
    /// The form's name for a field the content names: sources are counted from 1 among those kept
    /// and become their row, from 0, on the form; "Other" is the other methods box.
    /// </summary>
    public static string FieldFor(string contentField, IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(contentField);
        ArgumentNullException.ThrowIfNull(rows);
        return SummaryFieldNames.Rename(contentField, index => index >= 1 && index <= rows.Count ? rows[index - 1] : index - 1);
    }

    internal static int? Count(string? text, string field, string label, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(new(field, $"{label} must be a whole number, like 120"));
        return null;
    }

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One source's fieldset on the edit page.</summary>
public sealed class SourceForm
{
    public string? Database { get; set; }

    public string? Interface { get; set; }

    public string? YearsCovered { get; set; }

    public DateParts DateRun { get; set; } = new();

    public string? Hits { get; set; }

    /// <summary>The strategy, one line per line; line numbers typed or pasted are dropped.</summary>
    public string? Strategy { get; set; }

    public string? LimitsAndFilters { get; set; }

    /// <summary>"Remove this source" was ticked.</summary>
    public bool Remove { get; set; }

    public bool IsBlank =>
        string.IsNullOrWhiteSpace(Database) && string.IsNullOrWhiteSpace(Interface) && string.IsNullOrWhiteSpace(YearsCovered)
        && DateRun.IsEmpty && string.IsNullOrWhiteSpace(Hits) && string.IsNullOrWhiteSpace(Strategy) && string.IsNullOrWhiteSpace(LimitsAndFilters);

    public static SourceForm From(SearchSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new SourceForm
        {
            Database = source.Database,
            Interface = source.Interface,
            YearsCovered = source.YearsCovered,
            DateRun = DateParts.From(source.DateRun),
            Hits = source.Hits?.ToString(CultureInfo.InvariantCulture),
            Strategy = string.Join('\n', source.Strategy),
            LimitsAndFilters = source.LimitsAndFilters,
        };
    }

    /// <param name="number">The source's number among those kept, from 1, as the content's checks count them.</param>
    public SearchSource ToSource(int number, List<FieldProblem> problems)
    {
        var prefix = $"Sources[{number}]";
        var dateRun = DateRun.Read($"{prefix}.{nameof(SearchSource.DateRun)}", $"The date source {number} was searched", required: false, problems);
        var hits = SummaryForm.Count(Hits, $"{prefix}.{nameof(SearchSource.Hits)}", $"The hits for source {number}", problems);
        return new SearchSource(Database ?? string.Empty, Interface, YearsCovered, dateRun, hits, SearchSource.StrategyFromText(Strategy), LimitsAndFilters);
    }
}

/// <summary>Turns the content's field names into a form's or the API body's.</summary>
public static partial class SummaryFieldNames
{
    /// <summary>"Sources[2].Hits" with the source number replaced by <paramref name="index"/>'s answer; "Other" → "OtherMethods".</summary>
    public static string Rename(string contentField, Func<int, int> index)
    {
        ArgumentNullException.ThrowIfNull(contentField);
        ArgumentNullException.ThrowIfNull(index);
        if (contentField == nameof(Portal.Core.Summaries.OtherMethods.Other))
        {
            return nameof(SummaryForm.OtherMethods);
        }

        var match = SourceNumber().Match(contentField);
        return match.Success
            ? $"Sources[{index(int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture)}]{contentField[match.Length..]}"
            : contentField;
    }

    [GeneratedRegex(@"^Sources\[(?<n>\d{1,9})\]")]
    private static partial Regex SourceNumber();
}
