using System.Globalization;
using System.Text;
using Portal.Segmentation.Computation;
using Sylvan.Data.Csv;

namespace Portal.Segmentation.PatientLevel;

// The header and each row: what is checked, and how problems are named.
public static partial class PatientLevelReader
{
    private static string Percent(long part, long whole) => (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static bool CheckHeader(CsvDataReader csv, InputErrors errors)
    {
        var expected = PatientColumns.Names;
        var actual = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
        if (actual.Count == 0 || (actual.Count == 1 && actual[0].Length == 0))
        {
            errors.Add(1, null, $"The file is empty. It must start with the header: {string.Join(",", expected)}");
            return false;
        }

        if (actual[0].StartsWith('\uFEFF'))
        {
            errors.Add(1, "1", "The file starts with a byte-order mark (BOM). Save it as UTF-8 without a BOM (Excel: use \"CSV (comma delimited)\", not \"CSV UTF-8\"; or export straight from the database).");
            return false;
        }

        for (var i = 0; i < actual.Count; i++)
        {
            if (actual[i].Contains('\uFFFD', StringComparison.Ordinal))
            {
                errors.Add(1, (i + 1).ToString(CultureInfo.InvariantCulture), NotUtf8);
                return false;
            }
        }

        if (actual.SequenceEqual(expected, StringComparer.Ordinal))
        {
            return true;
        }

        foreach (var missing in expected.Except(actual, StringComparer.Ordinal))
        {
            errors.Add(1, missing, "this column is missing from the header.");
        }

        foreach (var extra in actual.Except(expected, StringComparer.Ordinal))
        {
            errors.Add(1, extra.Length == 0 ? $"{actual.IndexOf(extra) + 1}" : extra, extra.Length == 0 ? "a column has no name." : "this column is not expected.");
        }

        if (!errors.Any)
        {
            var first = Enumerable.Range(0, expected.Count).First(i => actual[i] != expected[i]);
            errors.Add(1, actual[first], $"the columns are in the wrong order: column {first + 1} must be {expected[first]}.");
        }

        errors.Add(1, null, $"The header must be exactly: {string.Join(",", expected)}");
        return false;
    }

    internal const string NotUtf8 = "is not UTF-8 text: the file looks like Windows-1252 (\"ANSI\"). Export it again as UTF-8.";

    private static bool TryRead(CsvDataReader csv, long row, InputErrors errors, TokenSet tokens, out PersonRecord person)
    {
        person = default;
        if (csv.RowFieldCount != PatientColumns.Names.Count)
        {
            errors.Add(row, null, $"has {csv.RowFieldCount} fields; the header has {PatientColumns.Names.Count}.");
            return false;
        }

        var ok = true;
        var token = csv.GetFieldSpan(PatientColumns.PersonToken);
        var tokenOk = true;
        if (token.IsEmpty)
        {
            tokenOk = Fail(errors, row, PatientColumns.PersonToken, "is empty.");
        }
        else if (IsFormula(token))
        {
            tokenOk = Fail(errors, row, PatientColumns.PersonToken, $"starts with '{Printable(token[0])}', which a spreadsheet would run as a formula. Person tokens must not start with =, +, -, @, a tab or a carriage return.");
        }
        else if (token.Contains('\uFFFD'))
        {
            tokenOk = Fail(errors, row, PatientColumns.PersonToken, NotUtf8);
        }
        else if (token.Length > MaxTokenLength)
        {
            tokenOk = Fail(errors, row, PatientColumns.PersonToken, $"is longer than {MaxTokenLength} characters.");
        }

        // Hash now (which starts loading the table slot), add once the rest of the row is parsed.
        var tokenHash = tokenOk ? tokens.HashOf(token) : default;
        ok &= tokenOk;
        ok &= Whole(csv, row, PatientColumns.AgeYears, 0, PatientColumns.MaxAge, errors, out person.Age);
        var sex = csv.GetFieldSpan(PatientColumns.Sex);
        if (sex.Length != 1 || PatientColumns.SexCodes.IndexOf(sex[0], StringComparison.Ordinal) < 0)
        {
            ok = Fail(errors, row, PatientColumns.Sex, Problem(sex, "must be F, M, I (indeterminate) or U (not known)"));
        }

        ok &= Whole(csv, row, PatientColumns.ImdDecile, 1, 10, errors, out person.ImdDecile);
        ok &= Whole(csv, row, PatientColumns.LtcCount, 0, PatientColumns.MaxLtcCount, errors, out person.LtcCount);
        var frailty = csv.GetFieldSpan(PatientColumns.FrailtyBand);
        if (!FrailtyBands.TryParse(frailty, out person.Frailty))
        {
            ok = Fail(errors, row, PatientColumns.FrailtyBand, Problem(frailty, "must be none, mild, moderate or severe"));
        }

        var died = csv.GetFieldSpan(PatientColumns.DiedInPeriod);
        if (died.Length == 1 && died[0] is '0' or '1')
        {
            person.Died = died[0] == '1';
        }
        else
        {
            ok = Fail(errors, row, PatientColumns.DiedInPeriod, Problem(died, "must be 1 (died in the period) or 0"));
        }

        var risk = csv.GetFieldSpan(PatientColumns.RiskScore);
        person.RiskScore = double.NaN;
        if (!risk.IsEmpty)
        {
            if (!FastNumbers.TryParseDouble(risk, out var score) || !double.IsFinite(score))
            {
                ok = Fail(errors, row, PatientColumns.RiskScore, Problem(risk, "must be a number or empty"));
            }
            else if (score < 0)
            {
                ok = Fail(errors, row, PatientColumns.RiskScore, "is negative; risk scores are 0 or more.");
            }
            else
            {
                person.RiskScore = score;
            }
        }

        var sourcesKnown = Sources(csv.GetFieldSpan(PatientColumns.SourcesLinked), row, errors, out person.LinkedMask);
        ok &= sourcesKnown;
        for (var column = PatientColumns.FirstCost; column <= PatientColumns.LastCost; column++)
        {
            var setting = PatientColumns.SettingOfCost(column);
            var linked = (person.LinkedMask & (1 << setting)) != 0;
            var cost = csv.GetFieldSpan(column);
            if (cost.IsEmpty)
            {
                if (linked && sourcesKnown)
                {
                    ok = Fail(errors, row, column, $"is empty, but sources_linked includes {Settings.Names[setting]}. Write 0 for a linked source with no activity.");
                }

                continue;
            }

            if (!FastNumbers.TryParsePence(cost, out var pence))
            {
                ok = Fail(errors, row, column, Problem(cost, "must be an amount in pounds, like 1234.56, or empty when the source is not linked"));
            }
            else if (pence < 0)
            {
                ok = Fail(errors, row, column, "is negative; costs must be 0 or more.");
            }
            else if (pence > PatientColumns.MaxCostPence)
            {
                ok = Fail(errors, row, column, "is more than £100,000,000 for one person.");
            }
            else if (!linked && sourcesKnown)
            {
                ok = Fail(errors, row, column, $"has a cost, but sources_linked does not include {Settings.Names[setting]}. Leave it empty when the source is not linked.");
            }
            else
            {
                person.Costs[setting] += pence;
            }
        }

        if (tokenOk && !tokens.Add(tokenHash))
        {
            ok = Fail(errors, row, PatientColumns.PersonToken, "repeats the person token of an earlier row: each person must appear once.");
        }

        return ok;
    }

    private static bool Whole(CsvDataReader csv, long row, int column, int min, int max, InputErrors errors, out int value)
    {
        var text = csv.GetFieldSpan(column);
        if (FastNumbers.TryParseWhole(text, out value) && value >= min && value <= max)
        {
            return true;
        }

        var range = column == PatientColumns.ImdDecile
            ? "must be a whole number from 1 (most deprived) to 10"
            : $"must be a whole number from {min} to {max}";
        return Fail(errors, row, column, Problem(text, range));
    }

    private const string EverySource = "acute;primary;community;mental_health;social_care";

    private static bool Sources(ReadOnlySpan<char> text, long row, InputErrors errors, out int mask)
    {
        mask = 0;
        if (text.IsEmpty)
        {
            return true;
        }

        if (text.SequenceEqual(EverySource))
        {
            mask = (1 << Settings.Count) - 1;
            return true;
        }

        foreach (var range in text.Split(';'))
        {
            var name = text[range];
            var found = false;
            for (var s = 0; s < Settings.Count; s++)
            {
                if (name.SequenceEqual(Settings.Names[s]))
                {
                    mask |= 1 << s;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return Fail(errors, row, PatientColumns.SourcesLinked, Problem(text, "must list sources separated by ';' from acute, primary, community, mental_health and social_care"));
            }
        }

        return true;
    }

    /// <summary>Describes a bad value: an encoding or formula problem first, else what the column needs.</summary>
    private static string Problem(ReadOnlySpan<char> value, string needs)
    {
        if (value.Contains('\uFFFD'))
        {
            return NotUtf8;
        }

        if (IsFormula(value) && !(value[0] == '-' && value.Length > 1 && char.IsAsciiDigit(value[1])))
        {
            return $"starts with '{Printable(value[0])}', which a spreadsheet would run as a formula; it {needs}.";
        }

        var shown = value.Length > 20 ? string.Concat(value[..20], "…") : value.ToString();
        return value.IsEmpty ? $"is empty; it {needs}." : $"'{shown}' is not valid; it {needs}.";
    }

    private static bool IsFormula(ReadOnlySpan<char> value) => !value.IsEmpty && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static string Printable(char c) => c switch
    {
        '\t' => "a tab",
        '\r' => "a carriage return",
        _ => c.ToString(),
    };

    private static bool Fail(InputErrors errors, long row, int column, string message)
    {
        errors.Add(row, PatientColumns.Names[column], message);
        return false;
    }
}
