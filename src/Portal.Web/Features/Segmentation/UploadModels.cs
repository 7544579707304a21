using Portal.Segmentation;

namespace Portal.Web.Features.Segmentation;

/// <summary>The fields of an upload, as a person or a script sends them (multipart/form-data).</summary>
public sealed class UploadFields
{
    public const string AggregatedKind = "aggregated";
    public const string PatientLevelKind = "patient-level";

    public string? Title { get; set; }

    public string? GeographyCode { get; set; }

    public string? Period { get; set; }

    public string? Narrative { get; set; }

    public string? Kind { get; set; }

    public List<Guid> WorkStreams { get; } = [];

    /// <summary>Search summaries the output gives the population for (ids; summaries arrive in a later issue).</summary>
    public List<Guid> Summaries { get; } = [];
}

/// <summary>What an upload came to: the new output's id, or every reason it was refused.</summary>
public sealed class UploadOutcome
{
    public Guid? Id { get; set; }

    public UploadFields Fields { get; } = new();

    /// <summary>The fields in the order the form shows them, so errors are listed in that order.</summary>
    public static IReadOnlyList<string> FieldOrder { get; } = ["title", "geographyCode", "period", "narrative", "workStreams", "summaries", "kind", "file"];

    /// <summary>Problems with a field, by field name ("title", "file", …).</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, string>> FieldErrorsInFormOrder =>
        FieldErrors.OrderBy(e => FieldOrder.ToList().IndexOf(e.Key) is var i && i < 0 ? int.MaxValue : i);

    /// <summary>Problems inside the file, by row and column.</summary>
    public List<InputError> FileErrors { get; } = [];

    public bool MoreFileErrors { get; set; }

    /// <summary>Set when the request was larger than the endpoint allows: 413.</summary>
    public string? TooLarge { get; set; }

    /// <summary>Set when the antiforgery token was missing or wrong: 400.</summary>
    public bool Forged { get; set; }

    public bool Succeeded => Id is not null;
}

/// <summary>Thrown when part of an upload goes over its own limit.</summary>
public sealed class UploadTooLargeException(string message) : Exception(message);
