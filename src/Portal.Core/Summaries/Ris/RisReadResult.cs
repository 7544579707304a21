namespace Portal.Core.Summaries.Ris;

/// <summary>A record that was not imported: its number in the file (from 1), the line it starts on, and why.</summary>
/// <param name="Title">The record's title when it had one, so the librarian can find it in their citation manager.</param>
public sealed record RisRejection(int Record, int Line, string Reason, string? Title = null)
{
    public string Message => $"Record {Record} (line {Line}): {Reason}";
}

/// <summary>A record that was imported with something changed or left out, and what.</summary>
public sealed record RisWarning(int Record, int Line, string Reason)
{
    public string Message => $"Record {Record} (line {Line}): {Reason}";
}

/// <summary>
/// What reading a RIS file gave: the references imported, in file order, and the records that
/// were not, each with a reason in plain words. When the file as a whole could not be read
/// (empty, binary, too large, not RIS) <see cref="FileError"/> says why and nothing is imported.
/// </summary>
public sealed class RisReadResult
{
    internal RisReadResult(IReadOnlyList<Reference> references, IReadOnlyList<RisRejection> rejected, IReadOnlyList<RisWarning> warnings, string? fileError)
    {
        References = references;
        Rejected = rejected;
        Warnings = warnings;
        FileError = fileError;
    }

    public IReadOnlyList<Reference> References { get; }

    public IReadOnlyList<RisRejection> Rejected { get; }

    public IReadOnlyList<RisWarning> Warnings { get; }

    /// <summary>Why the whole file was refused, or null when it was read.</summary>
    public string? FileError { get; }

    public bool FileWasRead => FileError is null;

    /// <summary>Records found, imported or not.</summary>
    public int RecordCount => References.Count + Rejected.Count;

    internal static RisReadResult Refused(string reason) => new([], [], [], reason);
}
