using System.Globalization;
using System.Text;

namespace Portal.Segmentation.Tests;

/// <summary>
/// The ground truth of a generated file, worked out the plain way: split each line, keep every
/// person in a list, apply the default rules with if-statements. Independent of the streaming code.
/// </summary>
internal sealed record ReferencePerson(int Age, int Imd, int Ltc, string Frailty, bool Died, double? Risk, decimal?[] Settings)
{
    public decimal Total => Settings.Sum(s => s ?? 0);

    public string Segment =>
        Died ? "end_of_life" : Frailty == "severe" ? "severe_frailty" : Ltc >= 4 ? "ltc_4_plus" : Ltc >= 1 ? "ltc_1_3" : "generally_well";

    public string AgeBand => Age switch
    {
        < 18 => "0-17",
        < 45 => "18-44",
        < 65 => "45-64",
        < 75 => "65-74",
        < 85 => "75-84",
        _ => "85+",
    };

    public static List<ReferencePerson> Parse(byte[] file)
    {
        var lines = Encoding.UTF8.GetString(file).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Skip(1).Select(line =>
        {
            var f = line.Split(',');
            decimal? Cost(params int[] columns) => columns.All(c => f[c].Length == 0) ? null : columns.Sum(c => decimal.Parse(f[c], CultureInfo.InvariantCulture));
            return new ReferencePerson(
                int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture),
                f[5], f[6] == "1", f[7].Length == 0 ? null : double.Parse(f[7], CultureInfo.InvariantCulture),
                [Cost(8, 9, 10, 11), Cost(12, 13), Cost(14), Cost(15), Cost(16)]);
        }).ToList();
    }

    /// <summary>Share of total cost held by the top P% (first round(P·N/100) people) of costs sorted highest first.</summary>
    public static double TopShareByCost(IReadOnlyList<ReferencePerson> people, int percent)
    {
        var k = (int)Math.Round(percent * people.Count / 100.0, MidpointRounding.AwayFromZero);
        var sorted = people.Select(p => p.Total).OrderDescending().ToList();
        return (double)(sorted.Take(k).Sum() / sorted.Sum());
    }

    /// <summary>
    /// The same by risk score, highest first. A tied group cut by the boundary contributes the
    /// cut fraction of its cost: every member of a tie is treated alike.
    /// </summary>
    public static double TopShareByRisk(IReadOnlyList<ReferencePerson> people, int percent)
    {
        var scored = people.Where(p => p.Risk is not null).ToList();
        var k = (double)(int)Math.Round(percent * scored.Count / 100.0, MidpointRounding.AwayFromZero);
        decimal held = 0;
        var taken = 0;
        foreach (var group in scored.GroupBy(p => p.Risk!.Value).OrderByDescending(g => g.Key))
        {
            var size = group.Count();
            var cost = group.Sum(p => p.Total);
            if (taken + size <= k)
            {
                held += cost;
                taken += size;
                continue;
            }

            held += cost * (decimal)((k - taken) / size);
            break;
        }

        return (double)(held / scored.Sum(p => p.Total));
    }

    /// <summary>Gini as the mean absolute difference over all pairs, divided by twice the mean.</summary>
    public static double Gini(IReadOnlyList<ReferencePerson> people)
    {
        var x = people.Select(p => (double)p.Total).ToArray();
        double differences = 0;
        foreach (var a in x)
        {
            foreach (var b in x)
            {
                differences += Math.Abs(a - b);
            }
        }

        return differences / (2.0 * x.Length * x.Length * x.Average());
    }
}
