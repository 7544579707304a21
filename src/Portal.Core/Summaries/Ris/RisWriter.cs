using System.Globalization;

namespace Portal.Core.Summaries.Ris;

/// <summary>
/// Writes references as RIS that the citation managers read, and that <see cref="RisReader"/>
/// reads back to the same fields, extra tags included. Lines end with CR LF as the format says;
/// each field's preferred tag comes before the extra tags, so reading picks the same values again.
/// </summary>
public static class RisWriter
{
    private const string LineEnd = "\r\n";

    public static void Write(IEnumerable<Reference> references, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var reference in references)
        {
            WriteOne(reference, writer);
        }
    }

    /// <summary>The RIS text of the references, for an API response or a test.</summary>
    public static string Write(IEnumerable<Reference> references)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(references, writer);
        return writer.ToString();
    }

    private static void WriteOne(Reference reference, TextWriter writer)
    {
        Line(writer, "TY", OneLine(reference.Type) is { Length: > 0 } type ? type : "GEN");
        foreach (var author in reference.Authors)
        {
            Line(writer, "AU", OneLine(author));
        }

        Line(writer, "TI", OneLine(reference.Title));
        Line(writer, "T2", OneLine(reference.Source));
        Line(writer, "PY", reference.Year?.ToString(CultureInfo.InvariantCulture));
        Line(writer, "VL", OneLine(reference.Volume));
        Line(writer, "IS", OneLine(reference.Issue));
        WritePages(writer, OneLine(reference.Pages));
        Line(writer, "DO", OneLine(reference.Doi));
        WritePmid(writer, reference);
        Line(writer, "UR", OneLine(reference.Url));
        Line(writer, "DB", OneLine(reference.Database));
        foreach (var keyword in reference.Keywords)
        {
            Line(writer, "KW", OneLine(keyword));
        }

        Line(writer, "AB", reference.Abstract);
        Line(writer, "N1", reference.Note);
        foreach (var extra in reference.OtherTags)
        {
            // TY and ER would break the record; anything that is not a tag cannot be written as one.
            if (RisSyntax.IsValidTag(extra.Tag) && extra.Tag is not (RisSyntax.Start or RisSyntax.End))
            {
                Line(writer, extra.Tag, extra.Value);
            }
        }

        writer.Write("ER  - ");
        writer.Write(LineEnd);
        writer.Write(LineEnd);
    }

    /// <summary>"45-52" as SP and EP, the way most exporters write it; anything else whole in SP.</summary>
    private static void WritePages(TextWriter writer, string? pages)
    {
        var hyphen = pages?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (pages is not null && hyphen > 0 && hyphen < pages.Length - 1 && pages.IndexOf('-', hyphen + 1) < 0
            && !char.IsWhiteSpace(pages[hyphen - 1]) && !char.IsWhiteSpace(pages[hyphen + 1]))
        {
            Line(writer, "SP", pages[..hyphen]);
            Line(writer, "EP", pages[(hyphen + 1)..]);
            return;
        }

        Line(writer, "SP", pages);
    }

    /// <summary>
    /// The PMID as the accession number, bare for a PubMed or MEDLINE record (as Ovid and EndNote
    /// write it), otherwise as "PMID: n" so that it is not taken for another database's number.
    /// </summary>
    private static void WritePmid(TextWriter writer, Reference reference)
    {
        var pmid = OneLine(reference.Pmid);
        if (pmid is not { Length: > 0 })
        {
            return;
        }

        var bare = RisMapping.IsPubMedDatabase(reference.Database) && !reference.OtherTags.Any(t => t.Tag == "AN");
        Line(writer, "AN", bare ? pmid : "PMID: " + pmid);
    }

    private static void Line(TextWriter writer, string tag, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var lines = Clean(value).Trim().Split('\n');
        writer.Write(tag);
        writer.Write("  - ");
        writer.Write(lines[0].TrimEnd());
        writer.Write(LineEnd);
        foreach (var text in lines.AsSpan(1))
        {
            var line = text.Trim();

            // A line of text that would read as a tag is indented; reading trims it again.
            if (RisSyntax.LooksLikeTag(line))
            {
                writer.Write(' ');
            }

            writer.Write(line);
            writer.Write(LineEnd);
        }
    }

    private static string? OneLine(string? value) =>
        value is null ? null : string.Join(' ', Clean(value).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Line breaks as \n, tabs as spaces, no other control characters: a NUL would make the file read as binary.</summary>
    private static string Clean(string value)
    {
        if (!value.AsSpan().ContainsAnyInRange('\0', '\x1F') && !value.AsSpan().ContainsAnyInRange('\x7F', '\x9F'))
        {
            return value;
        }

        var builder = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < value.Length && value[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\t')
            {
                builder.Append(c == '\t' ? ' ' : c);
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
