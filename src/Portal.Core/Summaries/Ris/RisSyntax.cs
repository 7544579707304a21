namespace Portal.Core.Summaries.Ris;

/// <summary>
/// The shape of a RIS line. The format says "TAG  - value": a capital letter, a capital letter or
/// digit, two spaces, a hyphen and a space. Exporters drift from it (one space before the hyphen,
/// nothing after "ER  -", trailing spaces), so those are read too; anything else is text that
/// continues the previous value.
/// </summary>
internal static class RisSyntax
{
    public const string Start = "TY";
    public const string End = "ER";

    /// <summary>Reads a tag line; false for a line that is not one (a continuation or stray text).</summary>
    public static bool TryParse(string line, out string tag, out string value)
    {
        tag = value = string.Empty;
        if (line.Length < 4 || !IsTagStart(line[0]) || !IsTagSecond(line[1]))
        {
            // "ER" alone on a line ends a record in some hand-edited files.
            if (line.AsSpan().TrimEnd() is "ER")
            {
                tag = End;
                return true;
            }

            return false;
        }

        var i = 2;
        while (i < line.Length && i < 4 && line[i] == ' ')
        {
            i++;
        }

        if (i == 2 || i >= line.Length || line[i] != '-')
        {
            return false;
        }

        i++;
        if (i < line.Length && line[i] != ' ')
        {
            // "AB  -text" is text that happens to look like a tag, not a tag.
            return false;
        }

        tag = line[..2];
        value = i < line.Length ? line[(i + 1)..] : string.Empty;
        return true;
    }

    /// <summary>Whether a text line, written as it is, would be read back as a tag line.</summary>
    public static bool LooksLikeTag(string line) => TryParse(line, out _, out _);

    public static bool IsValidTag(string tag) => tag.Length == 2 && IsTagStart(tag[0]) && IsTagSecond(tag[1]);

    /// <summary>
    /// Tags whose lines run on as one line (a wrapped title or journal name): a continuation is
    /// joined with a space. Everything else keeps its line breaks (abstracts, notes, addresses).
    /// </summary>
    public static bool IsSingleLine(string tag) => tag switch
    {
        "TY" or "TI" or "T1" or "T2" or "T3" or "JF" or "JO" or "JA" or "J1" or "J2" or "BT" or "ST"
            or "AU" or "A1" or "A2" or "A3" or "A4" or "ED" or "PY" or "Y1" or "Y2" or "DA"
            or "VL" or "IS" or "SP" or "EP" or "DO" or "AN" or "UR" or "L1" or "L2" or "LK"
            or "DB" or "DP" or "SN" or "PB" or "CY" or "LA" or "ET" => true,
        _ => false,
    };

    private static bool IsTagStart(char c) => c is >= 'A' and <= 'Z';

    private static bool IsTagSecond(char c) => c is >= 'A' and <= 'Z' or >= '0' and <= '9';
}
