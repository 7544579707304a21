using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Core.Summaries.Ris;

/// <summary>A record turned into a reference, or the reason it could not be.</summary>
internal sealed record RisMapped(Reference? Reference, string? Rejection, IReadOnlyList<string> Warnings);

/// <summary>
/// Which RIS tags fill which field of a <see cref="Reference"/>. Where several tags can fill a
/// field, the preferred one wins and the others stay as extra tags, unless they only repeat its
/// value; so exporting gives back what was imported. docs/references.md has the table.
/// </summary>
internal static partial class RisMapping
{
    private static readonly string[] SourceTags = ["T2", "JF", "JO", "JA", "J1", "J2"];
    private static readonly string[] DateTags = ["PY", "Y1", "DA"];
    private static readonly string[] AbstractTags = ["AB", "N2"];
    private static readonly string[] UrlTags = ["UR", "L2", "LK", "L1"];

    /// <summary>Tags in which exporters put a PubMed ID: the accession number, and the spare fields EBSCOhost and Zotero use.</summary>
    private static readonly HashSet<string> PmidTags =
        ["AN", "M1", "M2", "M3", "U1", "U2", "U3", "U4", "U5", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"];

    /// <summary>EBSCOhost writes its short database codes in DB; these are the health ones librarians meet.</summary>
    private static readonly Dictionary<string, string> EbscoDatabases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["c8h"] = "CINAHL",
        ["ccm"] = "CINAHL Complete",
        ["rzh"] = "CINAHL Plus with Full Text",
        ["cmedm"] = "MEDLINE",
        ["mdc"] = "MEDLINE Complete",
        ["mnh"] = "MEDLINE with Full Text",
        ["psyh"] = "APA PsycInfo",
        ["pdh"] = "APA PsycArticles",
        ["amed"] = "AMED",
        ["eric"] = "ERIC",
        ["a9h"] = "Academic Search Complete",
        ["aph"] = "Academic Search Premier",
    };

    public static RisMapped Map(RisRecord record)
    {
        var fields = record.Fields;
        var used = new bool[fields.Count];
        var warnings = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            used[i] = fields[i].Value.Length == 0;
        }

        var type = string.IsNullOrEmpty(record.Type) ? "GEN" : record.Type.ToUpperInvariant();
        if (type.Length > Reference.TypeMaxLength)
        {
            return Rejected($"it has a type ‘{RisParser.Shorten(type, 40)}’ that is not a RIS type (types are short codes such as JOUR or BOOK).");
        }

        var title = Take(fields, used, static f => f.Tag is "TI" or "T1");
        if (title is null)
        {
            return Rejected("it has no title (no ‘TI  - ’ or ‘T1  - ’ line).");
        }

        DropRepeats(fields, used, static tag => tag is "TI" or "T1", title.Value);

        var source = TakeByPriority(fields, used, SourceTags);
        if (source is not null)
        {
            DropRepeats(fields, used, static tag => Array.IndexOf(SourceTags, tag) >= 0, source.Value);
        }

        var year = ReadYear(fields, used);
        var pages = ReadPages(fields, used);
        var doi = ReadDoi(fields, used, warnings);
        var database = ReadDatabase(fields, used);
        var pmid = ReadPmid(fields, used, database);
        var url = ReadUrl(fields, used, warnings);
        var volume = TakeSimple(fields, used, "VL");
        var issue = TakeSimple(fields, used, "IS");

        var abstractField = TakeByPriority(fields, used, AbstractTags);
        if (abstractField is not null)
        {
            DropRepeats(fields, used, static tag => tag is "AB" or "N2", abstractField.Value);
        }

        // EndNote marks a corporate author ("NHS England,") with a trailing comma.
        var authors = TakeAll(fields, used, static tag => tag is "AU" or "A1").Select(a => a.TrimEnd(',').TrimEnd()).Where(a => a.Length > 0).ToList();
        var notes = TakeAll(fields, used, static tag => tag == "N1");
        var keywords = TakeAll(fields, used, static tag => tag == "KW")
            .SelectMany(k => k.Split('\n'))
            .Select(k => k.Trim())
            .Where(k => k.Length > 0)
            .ToList();

        var otherTags = new List<ExtraTag>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (!used[i])
            {
                otherTags.Add(new ExtraTag(fields[i].Tag, Cap(fields[i].Value, Reference.ExtraTagMaxLength, $"the {fields[i].Tag} field", warnings)));
            }
        }

        var reference = new Reference
        {
            Type = type,
            Authors = authors.Select(a => Cap(a, Reference.ShortMaxLength, "an author's name", warnings)).ToList(),
            Title = Cap(title.Value, Reference.TitleMaxLength, "the title", warnings),
            Source = CapOrNull(source?.Value, Reference.ShortMaxLength, "the journal or source", warnings),
            Year = year,
            Volume = CapOrNull(volume, Reference.ShortMaxLength, "the volume", warnings),
            Issue = CapOrNull(issue, Reference.ShortMaxLength, "the issue", warnings),
            Pages = CapOrNull(pages, Reference.ShortMaxLength, "the pages", warnings),
            Doi = doi,
            Pmid = pmid,
            Url = url,
            Abstract = CapOrNull(abstractField?.Value, Reference.AbstractMaxLength, "the abstract", warnings),
            Note = CapOrNull(notes.Count == 0 ? null : string.Join("\n\n", notes), Reference.NoteMaxLength, "the note", warnings),
            Database = CapOrNull(database, Reference.ShortMaxLength, "the database name", warnings),
            Keywords = keywords.Select(k => Cap(k, Reference.ShortMaxLength, "a keyword", warnings)).ToList(),
            OtherTags = otherTags,
        };
        return new RisMapped(reference, null, warnings);

        RisMapped Rejected(string reason) => new(null, reason, []);
    }

    /// <summary>PubMed and MEDLINE (from any platform) number their records with the PMID.</summary>
    public static bool IsPubMedDatabase(string? database) =>
        database is not null
        && (database.Contains("pubmed", StringComparison.OrdinalIgnoreCase)
            || database.Contains("medline", StringComparison.OrdinalIgnoreCase)
            || database.Equals("NLM", StringComparison.OrdinalIgnoreCase));

    /// <summary>Cuts text to at most <paramref name="length"/> characters, ending with an ellipsis, never splitting a character.</summary>
    public static string Truncate(string text, int length)
    {
        var cut = length - 1;
        if (char.IsLowSurrogate(text[cut]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }

    /// <summary>The year from PY, else Y1, else DA; a date tag that says only that year is used up, a fuller date stays as an extra tag.</summary>
    private static int? ReadYear(List<RisField> fields, bool[] used)
    {
        int? year = null;
        foreach (var tag in DateTags)
        {
            for (var i = 0; i < fields.Count && year is null; i++)
            {
                if (!used[i] && fields[i].Tag == tag && YearIn(fields[i].Value) is { } found)
                {
                    year = found;
                }
            }
        }

        for (var i = 0; i < fields.Count && year is not null; i++)
        {
            if (!used[i] && Array.IndexOf(DateTags, fields[i].Tag) >= 0 && YearOnly().IsMatch(fields[i].Value) && YearIn(fields[i].Value) == year)
            {
                used[i] = true;
            }
        }

        return year;
    }

    private static int? YearIn(string value)
    {
        var match = Year().Match(value);
        return match.Success ? int.Parse(match.ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>SP and EP make "start-end"; a start page that is already a range (EndNote, Mendeley) is kept whole.</summary>
    private static string? ReadPages(List<RisField> fields, bool[] used)
    {
        var start = Take(fields, used, static f => f.Tag == "SP");
        var end = Take(fields, used, static f => f.Tag == "EP");
        if (start is null || end is null)
        {
            return start?.Value ?? end?.Value;
        }

        if (start.Value.Contains('-', StringComparison.Ordinal))
        {
            if (!start.Value.EndsWith("-" + end.Value, StringComparison.Ordinal))
            {
                used[fields.IndexOf(end)] = false;
            }

            return start.Value;
        }

        return start.Value == end.Value ? start.Value : start.Value + "-" + end.Value;
    }

    private static string? ReadDoi(List<RisField> fields, bool[] used, List<string> warnings)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (!used[i] && fields[i].Tag == "DO" && CleanDoi(fields[i].Value).Length > Reference.ShortMaxLength)
            {
                used[i] = true;
                warnings.Add($"the DOI on line {fields[i].Line} is longer than {Count(Reference.ShortMaxLength)} characters, so it cannot be a DOI and was left out.");
            }
        }

        var doi = Take(fields, used, static f => f.Tag == "DO");
        if (doi is null)
        {
            return null;
        }

        var clean = CleanDoi(doi.Value);
        for (var i = 0; i < fields.Count; i++)
        {
            if (!used[i] && fields[i].Tag == "DO" && CleanDoi(fields[i].Value) == clean)
            {
                used[i] = true;
            }
        }

        return clean;
    }

    /// <summary>The DOI alone: resolver addresses (Ovid writes https://dx.doi.org/…) and "doi:" prefixes go.</summary>
    private static string CleanDoi(string value)
    {
        var doi = value.Trim();
        foreach (var prefix in (ReadOnlySpan<string>)["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi.org/", "dx.doi.org/", "doi:", "doi "])
        {
            if (doi.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                doi = doi[prefix.Length..].TrimStart();
                break;
            }
        }

        if (doi.EndsWith("[doi]", StringComparison.OrdinalIgnoreCase))
        {
            doi = doi[..^5].TrimEnd();
        }

        return doi;
    }

    /// <summary>
    /// The database the record came from: DB (the database) and DP (the platform or provider)
    /// together as "CINAHL Complete via EBSCOhost", or whichever there is. Further DB or DP lines
    /// are dropped, so that an export and import give the same name back.
    /// </summary>
    private static string? ReadDatabase(List<RisField> fields, bool[] used)
    {
        var db = Take(fields, used, static f => f.Tag == "DB")?.Value;
        var dp = Take(fields, used, static f => f.Tag == "DP")?.Value;
        for (var i = 0; i < fields.Count; i++)
        {
            used[i] |= fields[i].Tag is "DB" or "DP";
        }

        if (db is not null && dp is not null && dp.Contains("EBSCO", StringComparison.OrdinalIgnoreCase) && EbscoDatabases.TryGetValue(db, out var name))
        {
            db = name;
        }

        // EndNote names PubMed by its provider, the National Library of Medicine.
        db = NlmIsPubMed(db);
        dp = NlmIsPubMed(dp);
        if (db is null || dp is null)
        {
            return db ?? dp;
        }

        return db.Contains(dp, StringComparison.OrdinalIgnoreCase) ? db : $"{db} via {dp}";

        static string? NlmIsPubMed(string? name) => name is not null && name.Equals("NLM", StringComparison.OrdinalIgnoreCase) ? "PubMed" : name;
    }

    /// <summary>
    /// The PMID: the accession number (AN) of a PubMed or MEDLINE record, or a "PMID: 12345678"
    /// line in AN or a spare field (EBSCOhost's U2, Zotero's extra in M2). A tag that said nothing
    /// but the PMID is used up; one that says more stays as an extra tag.
    /// </summary>
    private static string? ReadPmid(List<RisField> fields, bool[] used, string? database)
    {
        var accessionIsPmid = IsPubMedDatabase(database);
        string? pmid = null;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (used[i] || !PmidTags.Contains(field.Tag))
            {
                continue;
            }

            string? found = null;
            var whole = false;
            if (accessionIsPmid && field.Tag == "AN" && Digits().IsMatch(field.Value))
            {
                (found, whole) = (field.Value, true);
            }
            else if (WholePmid().Match(field.Value) is { Success: true } wholeMatch)
            {
                (found, whole) = (wholeMatch.Groups[1].Value, true);
            }
            else if (PmidLine().Match(field.Value) is { Success: true } lineMatch)
            {
                found = lineMatch.Groups[1].Value;
            }

            if (found is null)
            {
                continue;
            }

            pmid ??= found;
            used[i] = whole && found == pmid;
        }

        return pmid;
    }

    /// <summary>The first web address from UR, else L2, LK or L1. File links (EndNote's internal-pdf://) stay as extra tags.</summary>
    private static string? ReadUrl(List<RisField> fields, bool[] used, List<string> warnings)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (!used[i] && Array.IndexOf(UrlTags, fields[i].Tag) >= 0 && fields[i].Value.Length > Reference.UrlMaxLength && Reference.IsWebAddress(fields[i].Value))
            {
                used[i] = true;
                warnings.Add($"the link on line {fields[i].Line} is longer than {Count(Reference.UrlMaxLength)} characters and was left out.");
            }
        }

        foreach (var tag in UrlTags)
        {
            if (Take(fields, used, f => f.Tag == tag && Reference.IsWebAddress(f.Value)) is { } url)
            {
                return url.Value;
            }
        }

        return null;
    }

    private static string? TakeSimple(List<RisField> fields, bool[] used, string tag)
    {
        var field = Take(fields, used, f => f.Tag == tag);
        if (field is not null)
        {
            DropRepeats(fields, used, t => t == tag, field.Value);
        }

        return field?.Value;
    }

    private static RisField? TakeByPriority(List<RisField> fields, bool[] used, string[] tags)
    {
        foreach (var tag in tags)
        {
            if (Take(fields, used, f => f.Tag == tag) is { } field)
            {
                return field;
            }
        }

        return null;
    }

    private static RisField? Take(List<RisField> fields, bool[] used, Func<RisField, bool> match)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (!used[i] && match(fields[i]))
            {
                used[i] = true;
                return fields[i];
            }
        }

        return null;
    }

    private static List<string> TakeAll(List<RisField> fields, bool[] used, Func<string, bool> isTag)
    {
        var values = new List<string>();
        for (var i = 0; i < fields.Count; i++)
        {
            if (!used[i] && isTag(fields[i].Tag))
            {
                used[i] = true;
                values.Add(fields[i].Value);
            }
        }

        return values;
    }

    /// <summary>EBSCOhost writes the journal as both JO and JF, the abstract as AB and N2: a repeat adds nothing.</summary>
    private static void DropRepeats(List<RisField> fields, bool[] used, Func<string, bool> isTag, string value)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (!used[i] && isTag(fields[i].Tag) && string.Equals(fields[i].Value, value, StringComparison.OrdinalIgnoreCase))
            {
                used[i] = true;
            }
        }
    }

    private static string Cap(string value, int length, string what, List<string> warnings)
    {
        if (value.Length <= length)
        {
            return value;
        }

        warnings.Add($"{what} was longer than {Count(length)} characters and was shortened.");
        return Truncate(value, length);
    }

    private static string? CapOrNull(string? value, int length, string what, List<string> warnings) =>
        value is null ? null : Cap(value, length, what, warnings);

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![0-9])[12][0-9]{3}(?![0-9])")]
    private static partial Regex Year();

    /// <summary>"2019", "2019///", "2019/": a date that says only the year.</summary>
    [GeneratedRegex(@"^[12][0-9]{3}[/\s-]*$")]
    private static partial Regex YearOnly();

    [GeneratedRegex(@"^[0-9]{1,12}$")]
    private static partial Regex Digits();

    /// <summary>A value that is only a PMID statement: "PMID: 30123456." (EBSCOhost's U2).</summary>
    [GeneratedRegex(@"^PMID\s*:?\s*([0-9]{1,12})\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex WholePmid();

    /// <summary>A PMID statement on a line of a longer value: Zotero's extra field has PMID and PMCID lines.</summary>
    [GeneratedRegex(@"^\s*PMID\s*:?\s*([0-9]{1,12})\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex PmidLine();
}
