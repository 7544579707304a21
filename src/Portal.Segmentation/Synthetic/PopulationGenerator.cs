using System.Globalization;
using System.Text;
using Portal.Segmentation.PatientLevel;

namespace Portal.Segmentation.Synthetic;

/// <summary>
/// Synthetic patient-level files with the shape of a real system's linked data: costs heavily
/// skewed, multimorbidity rising with age and deprivation, a noisy risk score, about 1% of people
/// dying in the period with high costs, social care mostly among frail and older people. The same
/// seed always gives the same file. For tests, the demo and benchmarks; never real people.
/// </summary>
public static class PopulationGenerator
{
    private static readonly double[] AgeBandWeights = [0.21, 0.35, 0.25, 0.10, 0.065, 0.025];
    private static readonly (int From, int To)[] AgeBandRanges = [(0, 17), (18, 44), (45, 64), (65, 74), (75, 84), (85, 89)];

    /// <summary>Writes a file of <paramref name="people"/> people as UTF-8 without a BOM.</summary>
    public static async Task WriteAsync(Stream output, int people, ulong seed, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', PatientColumns.Names) + "\n");
        var random = new Xoshiro(seed);
        var tokenKey = Xoshiro.Mix(seed ^ 0x5DEECE66DUL);
        var line = new StringBuilder(256);
        for (var i = 0; i < people; i++)
        {
            line.Clear();
            Person(random, Xoshiro.Mix((ulong)i ^ tokenKey), line);
            await writer.WriteAsync(line, cancellationToken);
            if ((i + 1) % 100_000 == 0)
            {
                progress?.Report(i + 1);
            }
        }

        progress?.Report(people);
    }

    public static byte[] Generate(int people, ulong seed)
    {
        using var memory = new MemoryStream();
        WriteAsync(memory, people, seed).GetAwaiter().GetResult();
        return memory.ToArray();
    }

    private static void Person(Xoshiro random, ulong token, StringBuilder line)
    {
        var age = Age(random);
        var sex = random.Chance(0.001) ? 'U' : random.Chance(0.51) ? 'F' : 'M';
        var imd = Imd(random);
        var deprivation = (10 - imd) / 9.0; // 1 in the most deprived decile
        var ltc = Math.Min(15, random.Poisson((0.08 + 2.6 * Math.Pow(age / 90.0, 2.3)) * (1 + 0.6 * deprivation)));
        var frailty = Frailty(random, age, ltc, deprivation);
        var died = random.Chance(Logistic(-10.6 + 0.075 * age + 0.22 * ltc + 0.55 * frailty));

        var acute = random.Chance(0.993);
        var primary = random.Chance(0.996);
        var community = random.Chance(0.975);
        var mentalHealth = random.Chance(0.985);
        // Community and social care records tend to be linked together (the same local authority feed).
        var socialCare = random.Chance(community ? 0.985 : 0.6);

        var elective = random.Chance(Math.Min(0.5, 0.04 + 0.03 * ltc)) ? random.LogNormal(2800, 0.7) : 0;
        var nonElective = random.Chance(Math.Min(0.95, 0.03 + 0.035 * ltc + 0.08 * frailty + (died ? 0.7 : 0)))
            ? random.LogNormal(3500 * (1 + 0.15 * ltc), 0.9) * (died ? 2.5 : 1) : 0;
        var ae = random.Chance(0.18 + 0.04 * Math.Min(ltc, 8) + 0.05 * deprivation) ? 180.0 * (1 + random.Poisson(0.4 + 0.2 * ltc)) : 0;
        var outpatient = random.Chance(Math.Min(0.9, 0.25 + 0.08 * ltc)) ? 140.0 * (1 + random.Poisson(0.8 + 0.6 * ltc)) : 0;
        var primaryCare = random.LogNormal(160, 0.4) + 90 * ltc;
        var prescribing = random.Chance(Math.Min(0.98, 0.55 + 0.1 * ltc)) ? random.LogNormal(60 + 180 * ltc, 0.8) : 0;
        var communityCost = random.Chance(Math.Min(0.9, 0.02 + 0.03 * ltc + 0.15 * frailty + (age >= 75 ? 0.1 : 0)))
            ? random.LogNormal(1200, 1.0) * (1 + frailty) : 0;
        if (died && random.Chance(0.6))
        {
            communityCost += random.LogNormal(3000, 0.6);
        }

        var mentalHealthCost = random.Chance(0.025 + 0.02 * deprivation + (ltc >= 2 ? 0.01 : 0)) ? random.LogNormal(2500, 1.3) : 0;
        var socialCareChance = frailty switch
        {
            3 => 0.55,
            2 => 0.25,
            1 => 0.07,
            _ => age >= 65 ? 0.015 : 0.003,
        };
        var socialCareCost = random.Chance(socialCareChance) ? random.LogNormal(14000, 0.8) : 0;

        var total = (acute ? elective + nonElective + ae + outpatient : 0) + (primary ? primaryCare + prescribing : 0)
            + (community ? communityCost : 0) + (mentalHealth ? mentalHealthCost : 0) + (socialCare ? socialCareCost : 0);
        var scored = random.Chance(0.992);
        var risk = Logistic(-4.6 + 0.5 * Math.Log(1 + total / 1000) + 0.22 * ltc + 0.012 * age + 0.9 * random.Normal());

        var c = CultureInfo.InvariantCulture;
        line.Append(c, $"{token:x16},{age},{sex},{imd},{ltc},{FrailtyBands.Names[frailty]},{(died ? 1 : 0)},");
        if (scored)
        {
            line.Append(Math.Round(risk, 4).ToString("0.####", c));
        }

        line.Append(',');
        Cost(line, acute, elective);
        Cost(line, acute, nonElective);
        Cost(line, acute, ae);
        Cost(line, acute, outpatient);
        Cost(line, primary, primaryCare);
        Cost(line, primary, prescribing);
        Cost(line, community, communityCost);
        Cost(line, mentalHealth, mentalHealthCost);
        Cost(line, socialCare, socialCareCost);
        var first = true;
        foreach (var (linked, name) in new[] { (acute, "acute"), (primary, "primary"), (community, "community"), (mentalHealth, "mental_health"), (socialCare, "social_care") })
        {
            if (linked)
            {
                line.Append(first ? string.Empty : ";").Append(name);
                first = false;
            }
        }

        line.Append('\n');
    }

    private static void Cost(StringBuilder line, bool linked, double pounds)
    {
        if (linked)
        {
            line.Append(pounds == 0 ? "0" : Math.Round(pounds, 2).ToString("0.00", CultureInfo.InvariantCulture));
        }

        line.Append(',');
    }

    private static int Age(Xoshiro random)
    {
        var pick = random.NextDouble();
        var band = 0;
        while (band < AgeBandWeights.Length - 1 && pick >= AgeBandWeights[band])
        {
            pick -= AgeBandWeights[band];
            band++;
        }

        var (from, to) = AgeBandRanges[band];
        var age = from + (int)(random.NextDouble() * (to - from + 1));
        // The oldest band thins out gradually towards 105.
        return band == AgeBandWeights.Length - 1 ? Math.Min(105, age + (int)(-4 * Math.Log(1 - random.NextDouble()))) : age;
    }

    /// <summary>The North East leans deprived: decile 1 is the most common.</summary>
    private static int Imd(Xoshiro random)
    {
        var pick = random.NextDouble() * 10.4;
        for (var decile = 1; decile <= 10; decile++)
        {
            pick -= 1.4 - 0.08 * (decile - 1);
            if (pick < 0)
            {
                return decile;
            }
        }

        return 10;
    }

    private static int Frailty(Xoshiro random, int age, int ltc, double deprivation)
    {
        if (age < 50)
        {
            return random.Chance(0.005) ? 1 : 0;
        }

        var score = (age - 50) / 12.0 + 0.45 * ltc + 0.8 * deprivation + random.Normal();
        return score switch
        {
            < 2.5 => 0,
            < 3.8 => 1,
            < 4.8 => 2,
            _ => 3,
        };
    }

    private static double Logistic(double z) => 1 / (1 + Math.Exp(-z));
}
