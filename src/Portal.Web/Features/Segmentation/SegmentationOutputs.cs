using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Geography;
using Portal.Core.Segmentation;
using Portal.Data;
using Portal.Segmentation.Output;

namespace Portal.Web.Features.Segmentation;

/// <summary>Making, listing and reading published outputs: one place for the pages, the API and the recipe step.</summary>
public static class SegmentationOutputs
{
    public static SegmentationOutput Create(
        string title, GeoArea area, string period, string narrative, SegmentationInputKind kind, ProtectedOutput output, string userId, DateTimeOffset now)
    {
        var people = output.Find(Dimensions.Segment, Dimensions.All, Dimensions.All, Portal.Segmentation.Settings.TotalName)?.PopulationCount ?? 0;
        return new SegmentationOutput(title, area, period, narrative, kind, OutputWriter.ToCsv(output),
            output.Header.Rule, output.Header.DisclosureControl, output.Header.Gini, output.Header.Partial, people, userId, now);
    }

    public static async Task<IReadOnlyList<OutputSummary>> ListAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var outputs = await db.SegmentationOutputs.AsNoTracking()
            .OrderByDescending(o => o.UploadedAt)
            .Select(o => new { o.Id, o.Title, Area = o.Area!.Name, AreaCode = o.Area.Code, o.Period, o.People, o.Gini, o.Partial, o.Kind, o.UploadedAt })
            .ToListAsync(cancellationToken);
        return outputs.Select(o => new OutputSummary(o.Id, o.Title, new AreaSummary(o.AreaCode, o.Area), o.Period, o.People, o.Gini, o.Partial, Kind(o.Kind), o.UploadedAt)).ToList();
    }

    /// <summary>Everything the output page shows; the API returns the same record.</summary>
    public static async Task<OutputDetails?> FindAsync(PortalDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var entity = await db.SegmentationOutputs.AsNoTracking()
            .Include(o => o.Area)
            .Include(o => o.WorkStreams)
            .Include(o => o.Summaries)
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        var read = await OutputReader.ReadAsync(entity.OutputCsv, cancellationToken);
        var output = read.Output ?? throw new InvalidOperationException($"Stored segmentation output {id} cannot be read: {string.Join("; ", read.Errors)}");
        var workStreamIds = entity.WorkStreams.Select(w => w.WorkStreamId).ToList();
        var workStreams = await db.WorkStreams.AsNoTracking().Where(w => workStreamIds.Contains(w.Id))
            .OrderBy(w => w.Title).Select(w => new LinkedWorkStream(w.Id, w.Key, w.Title)).ToListAsync(cancellationToken);
        var uploader = await db.Users.AsNoTracking().Where(u => u.Id == entity.UploadedBy).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);

        return new OutputDetails(
            entity.Id, entity.Title, new AreaSummary(entity.Area!.Code, entity.Area.Name, entity.Area.Level.ToString()), entity.Period, Kind(entity.Kind),
            entity.Narrative, output.Header.Rule, output.Header.DisclosureControl, output.Header.Gini, output.Header.Partial,
            output.Header.SourcesLinked, entity.UploadedAt, uploader ?? "the demo recipe", workStreams,
            entity.Summaries.Select(s => s.SummaryId).ToList(), OutputFigures.From(output), output.Rows);
    }

    public static string Kind(SegmentationInputKind kind) => kind == SegmentationInputKind.PatientLevel ? UploadFields.PatientLevelKind : UploadFields.AggregatedKind;

    public static string Money(decimal? pounds) => pounds is { } p ? "£" + p.ToString("#,0", CultureInfo.InvariantCulture) : "suppressed";

    public static string Count(long? count) => count is { } c ? c.ToString("#,0", CultureInfo.InvariantCulture) : "suppressed";

    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "suppressed";
}

public sealed record AreaSummary(string Code, string Name, string? Level = null);

public sealed record OutputSummary(Guid Id, string Title, AreaSummary Area, string Period, long People, decimal Gini, bool Partial, string Kind, DateTimeOffset UploadedAt);

public sealed record LinkedWorkStream(Guid Id, string Key, string Title);

/// <summary>A published output: what it is about, how it was protected, and its figures.</summary>
public sealed record OutputDetails(
    Guid Id,
    string Title,
    AreaSummary Area,
    string Period,
    string Kind,
    string Narrative,
    string Rule,
    string DisclosureControl,
    decimal Gini,
    bool Partial,
    IReadOnlyList<SourceLinkage> SourcesLinked,
    DateTimeOffset UploadedAt,
    string UploadedBy,
    IReadOnlyList<LinkedWorkStream> WorkStreams,
    IReadOnlyList<Guid> SummaryIds,
    OutputFigures Figures,
    IReadOnlyList<OutputRow> Rows);
