using System.Text;
using System.Text.Unicode;

namespace Portal.Core.Summaries.Ris;

/// <summary>
/// Reads references from RIS, the tagged text format that Ovid, EBSCOhost, EndNote, Zotero and
/// Mendeley export (PubMed's own download is MEDLINE format; citation managers turn it into RIS).
/// Written from the format itself (docs/references.md says which tag goes where): no RIS package
/// is served. Reading never throws on what is in the file: problems come back in the result.
/// </summary>
public static class RisReader
{
    /// <summary>
    /// The largest file accepted, in bytes. Callers check it before reading a body; the reader
    /// checks again. 5,000 records with abstracts from EBSCOhost (which writes each abstract
    /// twice) come to about 14 MB.
    /// </summary>
    public const int MaxFileBytes = 20 * 1024 * 1024;

    public static string TooLargeMessage { get; } =
        $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB. Export the references in smaller batches and import each file.";

    public static string EmptyMessage { get; } = "The file is empty: there are no references to import.";

    public static string BinaryMessage { get; } =
        "This is not a RIS file: it contains binary data, not text. Export the references from your citation manager or database in RIS format (a .ris file) and import that.";

    public static string NotRisMessage { get; } =
        "No RIS records were found. Each reference in a RIS file starts with a line ‘TY  - ’ and ends with a line ‘ER  - ’. Export the references in RIS format and import that file.";

    public static string MedlineMessage { get; } =
        "This looks like a PubMed (MEDLINE or .nbib) file, not RIS. Import it into your citation manager (EndNote, Zotero or Mendeley) and export the references from there as RIS.";

    public static RisReadResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxFileBytes)
        {
            return RisReadResult.Refused(TooLargeMessage);
        }

        using var reader = new StringReader(text);
        return Read(reader);
    }

    public static RisReadResult Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new RisParser().Parse(reader);
    }

    /// <summary>
    /// Reads a file's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with a mark;
    /// bytes that are not UTF-8 are read as Windows-1252, the "ANSI" the format was defined in and
    /// older exporters still write.
    /// </summary>
    public static RisReadResult Read(ReadOnlySpan<byte> bytes) =>
        bytes.Length > MaxFileBytes ? RisReadResult.Refused(TooLargeMessage) : Read(Decode(bytes));

    /// <summary>Reads at most <see cref="MaxFileBytes"/> from a stream (a request body), refusing a longer one.</summary>
    public static async Task<RisReadResult> ReadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return RisReadResult.Refused(TooLargeMessage);
            }

            buffer.Write(chunk, 0, read);
        }

        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8.GetString(bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }

        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var ansi = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
        return ansi.GetString(bytes);
    }
}
