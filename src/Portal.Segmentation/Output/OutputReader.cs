using System.Globalization;
using Portal.Segmentation.Computation;
using Portal.Segmentation.Disclosure;
using Sylvan.Data.Csv;

namespace Portal.Segmentation.Output;

/// <summary>The aggregated output read back, or why it was refused.</summary>
public sealed record OutputReadOutcome(ProtectedOutput? Output, IReadOnlyList<InputError> Errors)
{
    public bool Succeeded => Output is not null;
}

/// <summary>
/// Reads and checks an aggregated output, as the portal does with an upload. It refuses anything the
/// tool would not have written: a count of 1–7, a count not rounded to 5, a missing cell, a cost per
/// head on too few people, or a pattern of suppressed cells that leaves one recoverable from its
/// totals. It never rounds or suppresses anything itself.
/// </summary>
public static class OutputReader
{
    public static async Task<OutputReadOutcome> ReadAsync(TextReader input, int errorLimit = InputErrors.DefaultLimit, CancellationToken cancellationToken = default)
    {
        // An aggregated output is small (the portal caps it at 10 MB): read it whole, without blocking.
        using var reader = new StringReader(await input.ReadToEndAsync(cancellationToken));
        var errors = new InputErrors(errorLimit);
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var line = 0L;
        while (reader.Peek() == '#' || (line == 0 && reader.Peek() == '\uFEFF'))
        {
            var text = (await reader.ReadLineAsync(cancellationToken))!;
            line++;
            if (text.StartsWith('\uFEFF'))
            {
                errors.Add(1, "1", "The file starts with a byte-order mark (BOM). Upload the file exactly as the tool wrote it.");
                return new OutputReadOutcome(null, errors.Items);
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 1)
            {
                header[text[1..colon].Trim()] = text[(colon + 1)..].Trim();
            }
        }

        var parsedHeader = ReadHeader(header, line, errors, out var rules);
        if (parsedHeader is null || rules is null)
        {
            return new OutputReadOutcome(null, errors.Items);
        }

        await using var csv = await CsvDataReader.CreateAsync(reader, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' }, cancellationToken);
        line++;
        var columns = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
        if (!columns.SequenceEqual(Dimensions.Columns, StringComparer.Ordinal))
        {
            foreach (var missing in Dimensions.Columns.Except(columns))
            {
                errors.Add(line, missing, "this column is missing.");
            }

            foreach (var extra in columns.Except(Dimensions.Columns))
            {
                errors.Add(line, extra, "this column is not expected.");
            }

            errors.Add(line, null, $"The columns must be exactly: {string.Join(",", Dimensions.Columns)}");
            return new OutputReadOutcome(null, errors.Items);
        }

        var layout = new OutputLayout(rules.Names);
        var rows = new OutputRow?[layout.Cells.Count];
        var curveRows = new List<OutputRow>();
        var seenCurves = new HashSet<(string, string)>();
        OutputRow? first = null;
        while (!errors.LimitReached && await csv.ReadAsync(cancellationToken))
        {
            line++;
            var row = ReadRow(csv, line, errors);
            if (row is null)
            {
                continue;
            }

            first ??= row;
            if ((row.GeographyLevel, row.GeographyCode, row.Period) != (first.GeographyLevel, first.GeographyCode, first.Period))
            {
                errors.Add(line, "geography_code", "every row must have the same geography_level, geography_code and period as the first.");
            }

            if (row.Dimension is Dimensions.CostPercentile or Dimensions.RiskPercentile)
            {
                if (!int.TryParse(row.DimensionValue, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || !Thresholds.CurvePercents.Contains(percent)
                    || row.Segment != Dimensions.All || row.Setting != Settings.TotalName)
                {
                    errors.Add(line, "dimension_value", $"a {row.Dimension} row must be one of {string.Join(", ", Thresholds.CurvePercents)} with segment all and setting total.");
                }
                else if (!seenCurves.Add((row.Dimension, row.DimensionValue)))
                {
                    errors.Add(line, "dimension_value", "this row appears twice.");
                }
                else if (row.Suppressed || row.PopulationCount is null || row.TotalCostGbp is null)
                {
                    errors.Add(line, "suppressed", "curve points are dropped, never suppressed: give the count and cost, or leave the row out.");
                }
                else
                {
                    CheckValues(row, hasCost: true, line, errors);
                    curveRows.Add(row);
                }

                continue;
            }

            var index = layout.IndexOf(row.Dimension, row.DimensionValue, row.Segment, row.Setting);
            if (index < 0)
            {
                errors.Add(line, "dimension_value", $"{row.Dimension} / {row.DimensionValue} / {row.Segment} / {row.Setting} is not a cell of the output for the segments of its rule.");
                continue;
            }

            if (rows[index] is not null)
            {
                errors.Add(line, "dimension_value", "this cell appears twice.");
                continue;
            }

            rows[index] = row;
            CheckValues(row, layout.Cells[index].HasCost, line, errors);
        }

        if (!errors.LimitReached)
        {
            var missing = Enumerable.Range(0, rows.Length).Where(i => rows[i] is null).Select(i => layout.Cells[i]).ToList();
            if (missing.Count > 0)
            {
                errors.Add(null, null, $"{missing.Count} cell(s) are missing, for example {string.Join("; ", missing.Take(3).Select(c => $"{c.Dimension} {c.Value} {c.Segment} {c.Setting}"))}.");
            }
        }

        if (!errors.Any)
        {
            var suppressed = Enumerable.Range(0, rows.Length).Where(i => rows[i]!.Suppressed).ToHashSet();
            foreach (var exposed in DisclosureControl.Exposed(layout, suppressed).Order().Take(10))
            {
                var cell = layout.Cells[exposed];
                errors.Add(null, null, $"The suppressed cell {cell.Dimension} {cell.Value} {cell.Segment} {cell.Setting} can be worked out from its totals: secondary suppression is missing. Produce the file with the tool.");
            }
        }

        if (errors.Any)
        {
            return new OutputReadOutcome(null, errors.Items);
        }

        var ordered = rows.Select(r => r!).Concat(curveRows.OrderBy(r => r.Dimension == Dimensions.CostPercentile ? 0 : 1)
            .ThenBy(r => int.Parse(r.DimensionValue, CultureInfo.InvariantCulture))).ToList();
        return new OutputReadOutcome(new ProtectedOutput(parsedHeader, ordered), []);
    }

    public static Task<OutputReadOutcome> ReadAsync(string text, CancellationToken cancellationToken = default) =>
        ReadAsync(new StringReader(text), InputErrors.DefaultLimit, cancellationToken);

    private static OutputHeader? ReadHeader(Dictionary<string, string> header, long lines, InputErrors errors, out SegmentRules? rules)
    {
        rules = null;
        if (lines == 0)
        {
            errors.Add(1, null, "The file has no '#' header lines: is it the tool's output?");
            return null;
        }

        string? Need(string key)
        {
            if (header.TryGetValue(key, out var value) && value.Length > 0)
            {
                return value;
            }

            errors.Add(null, null, $"The header line '# {key}: …' is missing.");
            return null;
        }

        var format = Need("format");
        if (format is not null && format != OutputHeader.Format)
        {
            errors.Add(null, null, $"The format is '{format}'; this portal reads {OutputHeader.Format}. Is this the tool's output file?");
        }

        var rule = Need("rule");
        if (rule is not null && !SegmentRules.TryParse(rule, out rules, out var ruleError))
        {
            errors.Add(null, null, $"The rule cannot be read: {ruleError}");
        }

        var disclosure = Need("disclosure_control");
        var sources = new List<SourceLinkage>();
        var sourceText = Need("sources_linked");
        foreach (var part in (sourceText ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && Settings.IndexOf(pair[0]) is >= 0 and < Settings.Count)
            {
                if (pair[1] == Dimensions.SuppressedText)
                {
                    sources.Add(new SourceLinkage(pair[0], null));
                    continue;
                }

                if (pair[1].EndsWith('%') && decimal.TryParse(pair[1][..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent <= 100)
                {
                    sources.Add(new SourceLinkage(pair[0], percent));
                    continue;
                }
            }

            errors.Add(null, null, $"sources_linked: '{part}' is not like 'acute=99.5%'.");
        }

        decimal gini = 0;
        var giniText = Need("gini");
        if (giniText is not null && (!decimal.TryParse(giniText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out gini) || gini > 1))
        {
            errors.Add(null, null, "gini must be a number from 0 to 1.");
        }

        var partial = Need("partial");
        if (partial is not null && partial is not ("true" or "false"))
        {
            errors.Add(null, null, "partial must be true or false.");
        }

        if (errors.Any)
        {
            return null;
        }

        return new OutputHeader(rules!.Text, disclosure!, sources, gini, partial == "true", header.GetValueOrDefault("generated_by", string.Empty));
    }

    private static OutputRow? ReadRow(CsvDataReader csv, long line, InputErrors errors)
    {
        if (csv.RowFieldCount != Dimensions.Columns.Count)
        {
            errors.Add(line, null, $"has {csv.RowFieldCount} fields; the header has {Dimensions.Columns.Count}.");
            return null;
        }

        var ok = true;
        string Text(int i)
        {
            var value = csv.GetString(i);
            if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                errors.Add(line, Dimensions.Columns[i], $"starts with '{value[0]}', which a spreadsheet would run as a formula.");
                ok = false;
            }
            else if (value.Contains('\uFFFD', StringComparison.Ordinal))
            {
                errors.Add(line, Dimensions.Columns[i], "is not UTF-8 text.");
                ok = false;
            }

            return value;
        }

        var dimension = Text(3);
        if (ok && !Dimensions.Names.Contains(dimension))
        {
            errors.Add(line, "dimension", $"'{dimension}' is not one of {string.Join(", ", Dimensions.Names)}.");
            ok = false;
        }

        long? count = null;
        var countText = csv.GetString(7);
        if (countText.Length > 0)
        {
            if (long.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                count = parsed;
            }
            else
            {
                errors.Add(line, "population_count", $"'{Short(countText)}' is not a whole number.");
                ok = false;
            }
        }

        var cost = Money(csv.GetString(8), line, "total_cost_gbp", errors, ref ok);
        var perHead = Money(csv.GetString(9), line, "cost_per_head_gbp", errors, ref ok);
        var suppressedText = csv.GetString(10);
        if (suppressedText is not ("true" or "false"))
        {
            errors.Add(line, "suppressed", "must be true or false.");
            ok = false;
        }

        var row = new OutputRow(Text(0), Text(1), Text(2), dimension, Text(4), Text(5), Text(6), count, cost, perHead, suppressedText == "true");
        return ok ? row : null;
    }

    private static void CheckValues(OutputRow row, bool hasCost, long line, InputErrors errors)
    {
        if (row.Suppressed)
        {
            if (row.PopulationCount is not null || row.TotalCostGbp is not null || row.CostPerHeadGbp is not null)
            {
                errors.Add(line, "population_count", "a suppressed row must leave population_count, total_cost_gbp and cost_per_head_gbp empty.");
            }

            return;
        }

        if (row.PopulationCount is not { } count)
        {
            errors.Add(line, "population_count", "is empty but the row is not suppressed.");
            return;
        }

        if (DisclosureControl.IsSmall(count))
        {
            errors.Add(line, "population_count", $"a count of {count} must never be published: counts of 1 to 7 are suppressed.");
        }
        else if (count % DisclosureControl.RoundTo != 0)
        {
            errors.Add(line, "population_count", $"{count} is not rounded to the nearest {DisclosureControl.RoundTo}.");
        }
        else if (count == DisclosureControl.RoundTo)
        {
            errors.Add(line, "population_count", "a count of 5 can only come from 3 to 7 people, which must be suppressed.");
        }

        if (!hasCost)
        {
            if (row.TotalCostGbp is not null || row.CostPerHeadGbp is not null)
            {
                errors.Add(line, "total_cost_gbp", $"{row.Dimension} rows carry counts only.");
            }

            return;
        }

        if (row.TotalCostGbp is not { } cost)
        {
            errors.Add(line, "total_cost_gbp", "is empty but the row is not suppressed.");
            return;
        }

        if (count == 0)
        {
            if (row.CostPerHeadGbp is not null || cost != 0)
            {
                errors.Add(line, "cost_per_head_gbp", "a row of 0 people has no cost and no cost per head.");
            }

            return;
        }

        var expected = Math.Round(cost / count, 2, MidpointRounding.AwayFromZero);
        if (row.CostPerHeadGbp is not { } perHead)
        {
            errors.Add(line, "cost_per_head_gbp", "is empty: it must be total_cost_gbp divided by population_count.");
        }
        else if (Math.Abs(perHead - expected) > 0.01m)
        {
            errors.Add(line, "cost_per_head_gbp", $"{perHead} is not total_cost_gbp / population_count ({expected}).");
        }
    }

    private static decimal? Money(string text, long line, string column, InputErrors errors, ref bool ok)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value == Math.Round(value, 2))
        {
            return value;
        }

        errors.Add(line, column, text.StartsWith('-') ? "is negative." : $"'{Short(text)}' is not an amount in pounds with at most two decimals.");
        ok = false;
        return null;
    }

    private static string Short(string value) => value.Length > 20 ? value[..20] + "…" : value;
}
