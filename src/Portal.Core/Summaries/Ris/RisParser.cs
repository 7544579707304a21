using System.Text;

namespace Portal.Core.Summaries.Ris;

/// <summary>
/// Splits a RIS text into records and hands each finished one to <see cref="RisMapping"/>. A
/// record that is broken (no TY first, no ER before the next TY or the end of the file) is
/// reported and the reading goes on, so the good records either side of it are still imported.
/// </summary>
internal sealed class RisParser
{
    private const int MaxWarnings = 200;

    private readonly List<Reference> _references = [];
    private readonly List<RisRejection> _rejected = [];
    private readonly List<RisWarning> _warnings = [];
    private RisRecord? _record;
    private int _records;
    private int _blankLines;
    private bool _sawType;
    private bool _sawText;
    private bool _looksLikeMedline;
    private long _chars;
    private long _controlChars;

    public RisReadResult Parse(TextReader reader)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            _chars += raw.Length + 1;
            if (_chars > RisReader.MaxFileBytes)
            {
                return RisReadResult.Refused(RisReader.TooLargeMessage);
            }

            if (!TryClean(raw, out var line))
            {
                return RisReadResult.Refused(RisReader.BinaryMessage);
            }

            ReadLine(line, lineNumber);
        }

        // A few stray control characters happen in old exports; text that is mostly them is not text.
        if (_controlChars > 0 && _controlChars * 20 > _chars)
        {
            return RisReadResult.Refused(RisReader.BinaryMessage);
        }

        if (_record is not null)
        {
            RejectUnfinished(_record, $"it has no end line (‘ER  - ’) before the file ends on line {lineNumber}, so the file may have been cut short.");
        }

        if (!_sawText)
        {
            return RisReadResult.Refused(RisReader.EmptyMessage);
        }

        if (!_sawType)
        {
            return RisReadResult.Refused(_looksLikeMedline ? RisReader.MedlineMessage : RisReader.NotRisMessage);
        }

        return new RisReadResult(_references, _rejected, _warnings, null);
    }

    private void ReadLine(string line, int lineNumber)
    {
        if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
        {
            _blankLines++;
            return;
        }

        _sawText = true;
        if (RisSyntax.TryParse(line, out var tag, out var value))
        {
            _blankLines = 0;
            switch (tag)
            {
                case RisSyntax.Start:
                    _sawType = true;
                    if (_record is not null)
                    {
                        RejectUnfinished(_record, $"it has no end line (‘ER  - ’) before the next record starts on line {lineNumber}.");
                    }

                    _record = new RisRecord(++_records, lineNumber, value.Trim());
                    break;
                case RisSyntax.End:
                    if (_record is not null)
                    {
                        Finish(_record);
                        _record = null;
                    }

                    break;
                default:
                    // Tags before any TY: a record whose first line was lost. It runs to its ER and is reported.
                    _record ??= new RisRecord(++_records, lineNumber, type: null);
                    _record.Add(new RisField(tag, value.Trim(), lineNumber));
                    break;
            }

            return;
        }

        if (line.StartsWith("PMID-", StringComparison.Ordinal))
        {
            _looksLikeMedline = true;
        }

        if (_record?.Last is { } field)
        {
            field.Continue(line.Trim(), _blankLines);
        }

        // Text outside a record (a header some exporters write) or straight after TY is ignored.
        _blankLines = 0;
    }

    private void RejectUnfinished(RisRecord record, string reason) =>
        Reject(record, record.Type is null ? NoTypeReason(record) : reason);

    private static string NoTypeReason(RisRecord record)
    {
        var first = record.Fields[0];
        return $"it does not start with a type line (‘TY  - ’); its first line is ‘{first.Tag}  - {Shorten(first.Value, 60)}’.";
    }

    private void Finish(RisRecord record)
    {
        if (record.Type is null)
        {
            Reject(record, NoTypeReason(record));
            return;
        }

        var mapped = RisMapping.Map(record);
        if (mapped.Rejection is { } reason)
        {
            Reject(record, reason);
            return;
        }

        var reference = mapped.Reference!;
        reference.Position = _references.Count + 1;
        _references.Add(reference);
        foreach (var warning in mapped.Warnings)
        {
            if (_warnings.Count < MaxWarnings)
            {
                _warnings.Add(new RisWarning(record.Number, record.Line, warning));
            }
        }
    }

    private void Reject(RisRecord record, string reason)
    {
        var title = record.Title;
        _rejected.Add(new RisRejection(record.Number, record.Line, reason, title is null ? null : Shorten(title, 200)));
    }

    /// <summary>
    /// Drops a byte-order mark, turns tabs into spaces and removes other control characters;
    /// false when the line has a NUL, which text never has and binary files nearly always do.
    /// </summary>
    private bool TryClean(string raw, out string line)
    {
        var start = 0;
        while (start < raw.Length && raw[start] == '\uFEFF')
        {
            start++;
        }

        var needsWork = false;
        for (var i = start; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\0')
            {
                line = string.Empty;
                return false;
            }

            if (char.IsControl(c) || c == '\uFEFF')
            {
                needsWork = true;
                if (c != '\t')
                {
                    _controlChars++;
                }
            }
        }

        if (!needsWork)
        {
            line = start == 0 ? raw : raw[start..];
            return true;
        }

        var builder = new StringBuilder(raw.Length - start);
        for (var i = start; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\t')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c) && c != '\uFEFF')
            {
                builder.Append(c);
            }
        }

        line = builder.ToString();
        return true;
    }

    internal static string Shorten(string text, int length) =>
        text.Length <= length ? text : RisMapping.Truncate(text, length);
}
