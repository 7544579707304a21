using Portal.Core.Events;
using Portal.Core.Geography;

namespace Portal.Core.Segmentation;

/// <summary>
/// A published population segmentation output: the protected aggregated output (never
/// patient-level), what it is about, and the evidence it belongs with. The figures themselves are
/// the output file as the tool wrote it, after the portal has checked its disclosure control.
/// </summary>
public sealed class SegmentationOutput : Entity
{
    public const int TitleMaxLength = 200;
    public const int PeriodMaxLength = 50;
    public const int NarrativeMaxLength = 20_000;

    private readonly List<SegmentationOutputWorkStream> _workStreams = [];
    private readonly List<SegmentationOutputSummary> _summaries = [];

    private SegmentationOutput()
    {
        Title = Period = Narrative = Rule = DisclosureControl = OutputCsv = UploadedBy = string.Empty;
    }

    public SegmentationOutput(
        string title, GeoArea area, string period, string narrative, SegmentationInputKind kind,
        string outputCsv, string rule, string disclosureControl, decimal gini, bool partial, long people,
        string uploadedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputCsv);
        ArgumentNullException.ThrowIfNull(area);
        if (title.Trim().Length > TitleMaxLength || period.Trim().Length > PeriodMaxLength || (narrative ?? string.Empty).Length > NarrativeMaxLength)
        {
            throw new DomainException("The title, period or narrative is too long.");
        }

        Id = Guid.NewGuid();
        Title = title.Trim();
        Area = area;
        AreaId = area.Id;
        Period = period.Trim();
        Narrative = narrative ?? string.Empty;
        Kind = kind;
        OutputCsv = outputCsv;
        Rule = rule;
        DisclosureControl = disclosureControl;
        Gini = gini;
        Partial = partial;
        People = people;
        UploadedBy = uploadedBy;
        UploadedAt = now;
        Raise(new SegmentationOutputPublished(Id, Title, kind));
    }

    public Guid Id { get; private set; }

    public string Title { get; private set; }

    public int AreaId { get; private set; }

    /// <summary>The geography the output describes: a system, place or neighbourhood.</summary>
    public GeoArea? Area { get; private set; }

    /// <summary>The period the data covers, e.g. "2024-25".</summary>
    public string Period { get; private set; }

    /// <summary>The analyst's narrative (Markdown).</summary>
    public string Narrative { get; private set; }

    /// <summary>What was uploaded: the tool's aggregated output, or a patient-level file aggregated on upload.</summary>
    public SegmentationInputKind Kind { get; private set; }

    /// <summary>The protected aggregated output (long CSV with its # header lines).</summary>
    public string OutputCsv { get; private set; }

    /// <summary>The segment rule hierarchy applied.</summary>
    public string Rule { get; private set; }

    /// <summary>The disclosure control rule applied.</summary>
    public string DisclosureControl { get; private set; }

    public decimal Gini { get; private set; }

    /// <summary>Fewer than 95% of people had community and social care linked.</summary>
    public bool Partial { get; private set; }

    /// <summary>The population, rounded to 5 as published.</summary>
    public long People { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public IReadOnlyList<SegmentationOutputWorkStream> WorkStreams => _workStreams;

    /// <summary>Search summaries this output gives the population for (ids: summaries arrive later).</summary>
    public IReadOnlyList<SegmentationOutputSummary> Summaries => _summaries;

    public void Describe(string title, string narrative)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (title.Trim() == Title && narrative == Narrative)
        {
            return;
        }

        Title = title.Trim();
        Narrative = narrative ?? string.Empty;
        Raise(new SegmentationOutputChanged(Id, Title));
    }

    /// <summary>Shows the output on a work stream's page as the population behind its question.</summary>
    public void LinkTo(Guid workStreamId)
    {
        if (_workStreams.Any(w => w.WorkStreamId == workStreamId))
        {
            return;
        }

        _workStreams.Add(new SegmentationOutputWorkStream(Id, workStreamId));
        Raise(new SegmentationOutputChanged(Id, Title));
    }

    public void LinkToSummary(Guid summaryId)
    {
        if (_summaries.Any(s => s.SummaryId == summaryId))
        {
            return;
        }

        _summaries.Add(new SegmentationOutputSummary(Id, summaryId));
        Raise(new SegmentationOutputChanged(Id, Title));
    }
}

public enum SegmentationInputKind
{
    Aggregated = 0,
    PatientLevel = 1,
}

public sealed class SegmentationOutputWorkStream(Guid outputId, Guid workStreamId)
{
    public Guid OutputId { get; private set; } = outputId;

    public Guid WorkStreamId { get; private set; } = workStreamId;
}

public sealed class SegmentationOutputSummary(Guid outputId, Guid summaryId)
{
    public Guid OutputId { get; private set; } = outputId;

    public Guid SummaryId { get; private set; } = summaryId;
}

public sealed record SegmentationOutputPublished(Guid OutputId, string Title, SegmentationInputKind Kind) : IContentChangedEvent
{
    public string SubjectType => nameof(SegmentationOutput);

    public string SubjectId => OutputId.ToString();

    public bool Removed => false;
}

public sealed record SegmentationOutputChanged(Guid OutputId, string Title) : IContentChangedEvent
{
    public string SubjectType => nameof(SegmentationOutput);

    public string SubjectId => OutputId.ToString();

    public bool Removed => false;
}
