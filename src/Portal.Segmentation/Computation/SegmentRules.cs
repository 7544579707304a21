using System.Globalization;
using System.Text.RegularExpressions;
using Portal.Segmentation.PatientLevel;

namespace Portal.Segmentation.Computation;

/// <summary>
/// The rule hierarchy: segments in priority order, each with a condition; a person belongs to the
/// first segment whose condition holds. The last rule must be <c>otherwise</c>, so the segments
/// are exclusive and cover everyone. Written as text, e.g.
/// <c>end_of_life: died_in_period = 1; severe_frailty: frailty_band = severe; ltc_4_plus: ltc_count &gt;= 4; ltc_1_3: ltc_count &gt;= 1; generally_well: otherwise</c>,
/// and that text is recorded in the output as the rule applied.
/// </summary>
public sealed partial class SegmentRules
{
    public const string DefaultText =
        "end_of_life: died_in_period = 1; severe_frailty: frailty_band = severe; ltc_4_plus: ltc_count >= 4; ltc_1_3: ltc_count >= 1; generally_well: otherwise";

    /// <summary>Names a segment may not take: they mean something else in the output.</summary>
    public static IReadOnlyList<string> ReservedNames { get; } = ["all", "multimorbid", "not_multimorbid"];

    private readonly Clause[][] _conditions;

    private SegmentRules(string text, IReadOnlyList<string> names, Clause[][] conditions)
    {
        Text = text;
        Names = names;
        _conditions = conditions;
    }

    public static SegmentRules Default { get; } = Parse(DefaultText);

    /// <summary>The rules in their normal written form.</summary>
    public string Text { get; }

    /// <summary>Segment names, highest priority first.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The index of the first segment whose condition the person meets.</summary>
    public int SegmentOf(in PersonRecord person)
    {
        for (var s = 0; s < _conditions.Length; s++)
        {
            var clauses = _conditions[s];
            var all = true;
            foreach (var clause in clauses)
            {
                if (!clause.Holds(person))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return s;
            }
        }

        // Unreachable: the last rule is "otherwise".
        return _conditions.Length - 1;
    }

    /// <summary>Reads rules written as <c>name: condition; name: condition; …; name: otherwise</c>.</summary>
    public static SegmentRules Parse(string text)
    {
        if (!TryParse(text, out var rules, out var error))
        {
            throw new FormatException(error);
        }

        return rules;
    }

    public static bool TryParse(string? text, out SegmentRules rules, out string error)
    {
        rules = null!;
        error = string.Empty;
        var parts = (text ?? string.Empty).Split([';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            error = "Give at least two segments, the last one 'otherwise', e.g. 'ltc_1_plus: ltc_count >= 1; generally_well: otherwise'.";
            return false;
        }

        var names = new List<string>();
        var conditions = new List<Clause[]>();
        var written = new List<string>();
        for (var i = 0; i < parts.Length; i++)
        {
            var colon = parts[i].IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? string.Empty : parts[i][..colon].Trim();
            if (!SegmentName().IsMatch(name))
            {
                error = $"Rule {i + 1} ('{parts[i]}') must start with a segment name of lower-case letters, digits and underscores, then a colon.";
                return false;
            }

            if (ReservedNames.Contains(name) || names.Contains(name))
            {
                error = $"Segment name '{name}' is {(names.Contains(name) ? "used twice" : "reserved")}.";
                return false;
            }

            var condition = parts[i][(colon + 1)..].Trim();
            var isLast = i == parts.Length - 1;
            if (condition == "otherwise")
            {
                if (!isLast)
                {
                    error = $"Only the last rule may be 'otherwise' (rule {i + 1}, {name}).";
                    return false;
                }

                conditions.Add([]);
            }
            else
            {
                if (isLast)
                {
                    error = $"The last rule ({name}) must be 'otherwise', so that every person has a segment.";
                    return false;
                }

                var clauses = new List<Clause>();
                foreach (var clauseText in condition.Split(" and ", StringSplitOptions.TrimEntries))
                {
                    if (!Clause.TryParse(clauseText, out var clause, out var clauseError))
                    {
                        error = $"Rule {i + 1} ({name}): {clauseError}";
                        return false;
                    }

                    clauses.Add(clause);
                }

                conditions.Add([.. clauses]);
                condition = string.Join(" and ", clauses);
            }

            names.Add(name);
            written.Add($"{name}: {condition}");
        }

        rules = new SegmentRules(string.Join("; ", written), names, [.. conditions]);
        return true;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex SegmentName();

    private enum Field
    {
        Age,
        Imd,
        Ltc,
        Frailty,
        Died,
    }

    private enum Op
    {
        Equal,
        NotEqual,
        AtLeast,
        AtMost,
        Above,
        Below,
        In,
    }

    /// <summary>One comparison: <c>ltc_count &gt;= 4</c>, <c>frailty_band in (moderate, severe)</c>.</summary>
    private sealed partial class Clause
    {
        private static readonly (string Name, Field Field)[] Fields =
        [
            ("age_years", Field.Age), ("imd_decile", Field.Imd), ("ltc_count", Field.Ltc),
            ("frailty_band", Field.Frailty), ("died_in_period", Field.Died),
        ];

        private static readonly (string Text, Op Op)[] Ops =
        [
            (">=", Op.AtLeast), ("<=", Op.AtMost), ("!=", Op.NotEqual), ("=", Op.Equal), (">", Op.Above), ("<", Op.Below), ("in", Op.In),
        ];

        private Field _field;
        private Op _op;
        private int _value;
        private int _set; // bit per value for "in"
        private string _written = string.Empty;

        public bool Holds(in PersonRecord p)
        {
            var actual = _field switch
            {
                Field.Age => p.Age,
                Field.Imd => p.ImdDecile,
                Field.Ltc => p.LtcCount,
                Field.Frailty => (int)p.Frailty,
                _ => p.Died ? 1 : 0,
            };
            return _op switch
            {
                Op.Equal => actual == _value,
                Op.NotEqual => actual != _value,
                Op.AtLeast => actual >= _value,
                Op.AtMost => actual <= _value,
                Op.Above => actual > _value,
                Op.Below => actual < _value,
                _ => (_set & (1 << actual)) != 0,
            };
        }

        public override string ToString() => _written;

        [GeneratedRegex(@"^(?<field>[a-z_]+)\s*(?<op>>=|<=|!=|=|>|<|\bin\b)\s*(?<value>.+)$")]
        private static partial Regex Shape();

        public static bool TryParse(string text, out Clause clause, out string error)
        {
            clause = new Clause();
            error = string.Empty;
            var match = Shape().Match(text);
            if (!match.Success)
            {
                error = $"'{text}' is not a comparison like 'ltc_count >= 4' or 'frailty_band in (moderate, severe)'.";
                return false;
            }

            var fieldName = match.Groups["field"].Value;
            var field = Array.FindIndex(Fields, f => f.Name == fieldName);
            if (field < 0)
            {
                error = $"'{fieldName}' is not a column rules can use; use {string.Join(", ", Fields.Select(f => f.Name))}.";
                return false;
            }

            clause._field = Fields[field].Field;
            clause._op = Ops.First(o => o.Text == match.Groups["op"].Value).Op;
            var valueText = match.Groups["value"].Value.Trim();
            var values = new List<int>();
            var items = clause._op == Op.In
                ? valueText.StartsWith('(') && valueText.EndsWith(')') ? valueText[1..^1].Split(',', StringSplitOptions.TrimEntries) : null
                : [valueText];
            if (items is null || items.Length == 0)
            {
                error = $"'in' needs a list in brackets, e.g. '{fieldName} in (moderate, severe)'.";
                return false;
            }

            foreach (var item in items)
            {
                if (!clause.TryValue(item, out var value))
                {
                    error = $"'{item}' is not a value of {fieldName}.";
                    return false;
                }

                values.Add(value);
            }

            clause._value = values[0];
            clause._set = values.Aggregate(0, (set, v) => v is >= 0 and < 31 ? set | (1 << v) : set);
            if (clause._op == Op.In && values.Any(v => v is < 0 or >= 31))
            {
                error = $"'in' takes values from 0 to 30 for {fieldName}.";
                return false;
            }

            if (clause._field == Field.Frailty && clause._op is not (Op.Equal or Op.NotEqual or Op.In))
            {
                error = "frailty_band takes =, != or in.";
                return false;
            }

            var op = clause._op;
            var shown = clause._field == Field.Frailty ? values.Select(v => FrailtyBands.Names[v]) : values.Select(v => v.ToString(CultureInfo.InvariantCulture));
            var opText = Ops.First(o => o.Op == op).Text;
            clause._written = clause._op == Op.In ? $"{fieldName} in ({string.Join(", ", shown)})" : $"{fieldName} {opText} {shown.First()}";
            return true;
        }

        private bool TryValue(string text, out int value)
        {
            if (_field == Field.Frailty)
            {
                var ok = FrailtyBands.TryParse(text, out var band);
                value = (int)band;
                return ok;
            }

            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
                && (_field != Field.Died || value is 0 or 1);
        }
    }
}
