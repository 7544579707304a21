using Portal.Core;
using Portal.Web.Infrastructure.Authorization;

namespace Portal.Web.Features.Segmentation;

public sealed class SegmentationPermissions : IPermissionProvider
{
    public static readonly Permission ViewSegmentationOutputs = new("ViewSegmentationOutputs", "See published population segmentation outputs", Roles.All);

    public static readonly Permission PublishSegmentationOutputs = new("PublishSegmentationOutputs", "Upload and publish population segmentation outputs", [Roles.Analyst, Roles.Coordinator]);

    public IEnumerable<Permission> Permissions => [ViewSegmentationOutputs, PublishSegmentationOutputs];
}

/// <summary>Portal:Segmentation settings.</summary>
public sealed class SegmentationOptions
{
    /// <summary>An aggregated output is a few hundred rows; 10 MB leaves room and refuses anything else.</summary>
    public const long AggregatedMaxBytes = 10 * 1024 * 1024;

    /// <summary>A patient-level file for the largest system (2.8 million people) is about 370 MB.</summary>
    public const long PatientLevelMaxBytes = 1024L * 1024 * 1024;

    /// <summary>
    /// Whether the portal accepts a patient-level file and aggregates it while streaming the request
    /// body (no temporary file, nothing logged). Off by default: run the tool where the data lives.
    /// </summary>
    public bool AllowPatientLevelUpload { get; set; }

    public static string Describe(long bytes) => $"{bytes / (1024 * 1024)} MB";
}
