using System.Text;

namespace Portal.Core.Summaries.Ris;

/// <summary>One tag of a record as read, with the line it started on; continuation lines are added to it.</summary>
internal sealed class RisField(string tag, string value, int line)
{
    private StringBuilder? _more;

    public string Tag { get; } = tag;

    public int Line { get; } = line;

    public string Value => _more is null ? FirstLine : _more.ToString();

    private string FirstLine { get; } = value;

    public void Continue(string text, int blankLinesBefore)
    {
        if (FirstLine.Length == 0 && _more is null)
        {
            _more = new StringBuilder(text);
            return;
        }

        _more ??= new StringBuilder(FirstLine);
        if (RisSyntax.IsSingleLine(Tag))
        {
            _more.Append(' ');
        }
        else
        {
            // Blank lines inside an abstract or note are paragraph breaks.
            _more.Append('\n', blankLinesBefore + 1);
        }

        _more.Append(text);
    }
}

/// <summary>The lines of one record between its TY and ER lines.</summary>
internal sealed class RisRecord(int number, int line, string? type)
{
    public int Number { get; } = number;

    public int Line { get; } = line;

    /// <summary>The TY value, or null when the record did not start with a TY line.</summary>
    public string? Type { get; set; } = type;

    public List<RisField> Fields { get; } = [];

    public RisField? Last { get; private set; }

    public void Add(RisField field)
    {
        Fields.Add(field);
        Last = field;
    }

    /// <summary>The first title, for naming a broken record in a rejection.</summary>
    public string? Title => Fields.FirstOrDefault(f => f.Tag is "TI" or "T1" && f.Value.Length > 0)?.Value;
}
