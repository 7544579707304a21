using Portal.Core.Requests;

namespace Portal.Core.Summaries;

/// <summary>Where a summary is in its life: written, checked by a peer, then final (delivered).</summary>
public enum SummaryState
{
    Draft = 0,
    InReview = 1,
    Final = 2,
}

/// <summary>Who may read a final summary. Only the requester until they consent to sharing it.</summary>
public enum SummaryVisibility
{
    RequesterOnly = 0,
    Members = 1,
    Public = 2,
}

/// <summary>
/// One database searched, reported as PRISMA-S asks: the database and the interface it was
/// searched through, the years it covers, when the search was run and how many records it gave,
/// the whole strategy line by line, and the limits and filters applied.
/// </summary>
public sealed record SearchSource(
    string Database,
    string? Interface,
    string? YearsCovered,
    DateOnly? DateRun,
    int? Hits,
    IReadOnlyList<string> Strategy,
    string? LimitsAndFilters)
{
    public const int StrategyMaxLines = 200;
    public const int StrategyLineMaxLength = 2000;

    // Records compare lists by reference; a source is the same when its lines are.
    public bool Equals(SearchSource? other) =>
        other is not null && Database == other.Database && Interface == other.Interface && YearsCovered == other.YearsCovered
        && DateRun == other.DateRun && Hits == other.Hits && LimitsAndFilters == other.LimitsAndFilters && Strategy.SequenceEqual(other.Strategy);

    public override int GetHashCode() => HashCode.Combine(Database, DateRun, Hits, Strategy.Count);

    /// <summary>The strategy as numbered lines, the way it is reported ("1. exp Frail Elderly/").</summary>
    public IEnumerable<string> NumberedStrategy => Strategy.Select((line, i) => $"{i + 1}. {line}");

    /// <summary>Splits pasted strategy text into lines, dropping blank lines and any line numbers already typed.</summary>
    public static IReadOnlyList<string> StrategyFromText(string? text)
    {
        var lines = new List<string>();
        foreach (var line in (text ?? string.Empty).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var stripped = StripLineNumber(line, lines.Count + 1);
            if (stripped.Length > 0)
            {
                lines.Add(stripped);
            }
        }

        return lines;
    }

    /// <summary>
    /// "12. term", "12 term", "12) term" and "#12 term" are numbered lines; "12-week" and "5.5 mg" are not. A leading
    /// number is the line's own only when it is not below the line's position (lines may have been
    /// left out of the paste) nor far above it: a smaller one refers to earlier lines ("1 or 2",
    /// "#1 AND #2") and a year starts text ("2019 guidelines").
    /// </summary>
    private static string StripLineNumber(string line, int position)
    {
        var start = line.StartsWith('#') ? 1 : 0;
        var i = start;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        if (i == start || i >= line.Length || line[i] is not ('.' or ')' or ' ' or '\t')
            || (line[i] == '.' && i + 1 < line.Length && char.IsAsciiDigit(line[i + 1]))
            || !int.TryParse(line.AsSpan(start, i - start), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            || number < position || number > position + StrategyMaxLines)
        {
            return line;
        }

        return line[(i + 1)..].Trim();
    }
}

/// <summary>Searching beyond databases (PRISMA-S items 3–7), each in the librarian's words.</summary>
public sealed record OtherMethods(string? CitationSearching = null, string? Websites = null, string? Contacts = null, string? Other = null)
{
    public static OtherMethods None { get; } = new();
}

/// <summary>The search as reported: sources, other methods, de-duplication and the numbers found and selected.</summary>
public sealed record SearchReport(
    IReadOnlyList<SearchSource> Sources,
    OtherMethods OtherMethods,
    string? Deduplication = null,
    int? RecordsFound = null,
    int? RecordsAfterDeduplication = null,
    int? RecordsSelected = null)
{
    public static SearchReport Empty { get; } = new([], OtherMethods.None);

    // Records compare lists by reference; a report is the same when its sources are.
    public bool Equals(SearchReport? other) =>
        other is not null && OtherMethods == other.OtherMethods && Deduplication == other.Deduplication && RecordsFound == other.RecordsFound
        && RecordsAfterDeduplication == other.RecordsAfterDeduplication && RecordsSelected == other.RecordsSelected && Sources.SequenceEqual(other.Sources);

    public override int GetHashCode() => HashCode.Combine(Sources.Count, RecordsFound, RecordsSelected);
}

/// <summary>
/// Everything an author writes on a summary, edited as a whole. Findings are Markdown; the page
/// shows the HTML rendered and sanitised at save.
/// </summary>
public sealed record SummaryContent(
    string Title,
    string Question,
    SearchReport Search,
    string? Findings = null,
    string? Caveats = null,
    string? AppraisalNotes = null,
    DateOnly? ReviewDate = null,
    string Licence = SummaryContent.DefaultLicence)
{
    public const int TitleMaxLength = 200;
    public const int QuestionMaxLength = RequestDetails.QuestionMaxLength;
    public const int TextMaxLength = 4000;
    public const int FindingsMaxLength = 200_000;
    public const int MaxSources = 50;
    public const string DefaultLicence = "CC BY 4.0";
    public const string CaveatNotAppraised = "The evidence found has not been critically appraised.";

    /// <summary>The licences a summary may be shared under.</summary>
    public static IReadOnlyList<string> Licences { get; } =
        ["CC BY 4.0", "CC BY-NC 4.0", "Open Government Licence v3.0", "All rights reserved"];

    /// <summary>A first draft for a request: its question, as the title and the question.</summary>
    public static SummaryContent ForRequest(EvidenceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var question = request.Details.Question.Trim();
        var title = question.Length <= TitleMaxLength ? question : question[..(TitleMaxLength - 1)].TrimEnd() + "…";
        return new SummaryContent(title, question, SearchReport.Empty, Caveats: CaveatNotAppraised);
    }

    /// <summary>Everything wrong with what was written, by field, in words for the author.</summary>
    public IReadOnlyList<FieldError> Check()
    {
        var errors = new List<FieldError>();
        Need(Title, nameof(Title), "Enter a title", TitleMaxLength, errors);
        Need(Question, nameof(Question), "Enter the question the search answers", QuestionMaxLength, errors);
        Limit(Caveats, nameof(Caveats), "Caveats", TextMaxLength, errors);
        Limit(AppraisalNotes, nameof(AppraisalNotes), "Appraisal notes", TextMaxLength, errors);
        Limit(Findings, nameof(Findings), "Key findings", FindingsMaxLength, errors);
        Limit(Search.Deduplication, nameof(SearchReport.Deduplication), "De-duplication", TextMaxLength, errors);
        Limit(Search.OtherMethods.CitationSearching, nameof(OtherMethods.CitationSearching), "Citation searching", TextMaxLength, errors);
        Limit(Search.OtherMethods.Websites, nameof(OtherMethods.Websites), "Websites", TextMaxLength, errors);
        Limit(Search.OtherMethods.Contacts, nameof(OtherMethods.Contacts), "Contacts", TextMaxLength, errors);
        Limit(Search.OtherMethods.Other, nameof(OtherMethods.Other), "Other methods", TextMaxLength, errors);
        if (!Licences.Contains(Licence))
        {
            errors.Add(new(nameof(Licence), "Choose a licence from the list"));
        }

        CheckNumbers(errors);
        CheckSources(errors);
        return errors;
    }

    /// <summary>What must be there before a peer reviews it or the requester reads it.</summary>
    public IReadOnlyList<FieldError> CheckComplete()
    {
        var errors = new List<FieldError>(Check());
        if (Search.Sources.Count == 0)
        {
            errors.Add(new(nameof(SearchReport.Sources), "Add at least one source searched, with its strategy"));
        }

        foreach (var (source, i) in Search.Sources.Select((s, i) => (s, i + 1)))
        {
            if (source.Strategy.Count == 0)
            {
                errors.Add(new($"Sources[{i}].Strategy", $"Enter the search strategy for {source.Database}"));
            }

            if (source.DateRun is null)
            {
                errors.Add(new($"Sources[{i}].DateRun", $"Enter the date the search of {source.Database} was run"));
            }
        }

        if (string.IsNullOrWhiteSpace(Findings))
        {
            errors.Add(new(nameof(Findings), "Enter the key findings"));
        }

        return errors;
    }

    /// <summary>Trims text and turns blank optional fields into nulls, so comparisons and storage agree.</summary>
    public SummaryContent Normalised() => this with
    {
        Title = Title?.Trim() ?? string.Empty,
        Question = Question?.Trim() ?? string.Empty,
        Findings = Clean(Findings),
        Caveats = Clean(Caveats),
        AppraisalNotes = Clean(AppraisalNotes),
        Licence = Licence?.Trim() ?? string.Empty,
        Search = Search with
        {
            Deduplication = Clean(Search.Deduplication),
            OtherMethods = new OtherMethods(
                Clean(Search.OtherMethods.CitationSearching),
                Clean(Search.OtherMethods.Websites),
                Clean(Search.OtherMethods.Contacts),
                Clean(Search.OtherMethods.Other)),
            Sources = Search.Sources.Select(s => s with
            {
                Database = s.Database?.Trim() ?? string.Empty,
                Interface = Clean(s.Interface),
                YearsCovered = Clean(s.YearsCovered),
                LimitsAndFilters = Clean(s.LimitsAndFilters),
                Strategy = s.Strategy.Select(l => l.Trim()).Where(l => l.Length > 0).ToList(),
            }).ToList(),
        },
    };

    private void CheckNumbers(List<FieldError> errors)
    {
        foreach (var (field, label, value) in new[]
        {
            (nameof(SearchReport.RecordsFound), "Records found", Search.RecordsFound),
            (nameof(SearchReport.RecordsAfterDeduplication), "Records after de-duplication", Search.RecordsAfterDeduplication),
            (nameof(SearchReport.RecordsSelected), "Records selected", Search.RecordsSelected),
        })
        {
            if (value < 0)
            {
                errors.Add(new(field, $"{label} must be 0 or more"));
            }
        }

        if (Search.RecordsAfterDeduplication > Search.RecordsFound)
        {
            errors.Add(new(nameof(SearchReport.RecordsAfterDeduplication), "Records after de-duplication cannot be more than records found"));
        }

        if (Search.RecordsSelected > (Search.RecordsAfterDeduplication ?? Search.RecordsFound))
        {
            errors.Add(new(nameof(SearchReport.RecordsSelected), "Records selected cannot be more than the records screened"));
        }
    }

    private void CheckSources(List<FieldError> errors)
    {
        if (Search.Sources.Count > MaxSources)
        {
            errors.Add(new(nameof(SearchReport.Sources), $"A summary reports at most {MaxSources} sources"));
            return;
        }

        foreach (var (source, i) in Search.Sources.Select((s, i) => (s, i + 1)))
        {
            var prefix = $"Sources[{i}]";
            Need(source.Database, $"{prefix}.Database", $"Enter the name of source {i}", ShortMaxLength, errors);
            Limit(source.Interface, $"{prefix}.Interface", $"The interface of source {i}", ShortMaxLength, errors);
            Limit(source.YearsCovered, $"{prefix}.YearsCovered", $"The years covered by source {i}", ShortMaxLength, errors);
            Limit(source.LimitsAndFilters, $"{prefix}.LimitsAndFilters", $"The limits and filters of source {i}", TextMaxLength, errors);
            if (source.Hits < 0)
            {
                errors.Add(new($"{prefix}.Hits", $"The hits for source {i} must be 0 or more"));
            }

            if (source.Strategy.Count > SearchSource.StrategyMaxLines)
            {
                errors.Add(new($"{prefix}.Strategy", $"The strategy for source {i} must be {SearchSource.StrategyMaxLines} lines or fewer"));
            }
            else if (source.Strategy.Any(l => l.Length > SearchSource.StrategyLineMaxLength))
            {
                errors.Add(new($"{prefix}.Strategy", $"Each line of the strategy for source {i} must be {SearchSource.StrategyLineMaxLength} characters or fewer"));
            }
        }
    }

    private const int ShortMaxLength = 200;

    private static void Need(string? value, string field, string missing, int max, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, missing));
        }
        else
        {
            Limit(value, field, missing.Replace("Enter ", string.Empty, StringComparison.Ordinal), max, errors);
        }
    }

    private static void Limit(string? value, string field, string label, int max, List<FieldError> errors)
    {
        if (value is { } text && text.Trim().Length > max)
        {
            errors.Add(new(field, $"{char.ToUpperInvariant(label[0])}{label[1..]} must be {max:N0} characters or fewer"));
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
