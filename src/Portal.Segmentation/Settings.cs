namespace Portal.Segmentation;

/// <summary>
/// Care settings. Each is also a data source in <c>sources_linked</c>: a setting's costs are
/// known only for people whose source for it is linked.
/// </summary>
public static class Settings
{
    public const int Acute = 0;
    public const int Primary = 1;
    public const int Community = 2;
    public const int MentalHealth = 3;
    public const int SocialCare = 4;

    /// <summary>The five settings; "total" is their sum and comes after them.</summary>
    public const int Count = 5;

    /// <summary>Index of "total" in tables that carry the five settings and their total.</summary>
    public const int Total = 5;

    public const string TotalName = "total";

    public static IReadOnlyList<string> Names { get; } = ["acute", "primary", "community", "mental_health", "social_care"];

    /// <summary>The five settings then "total": the order of the setting column in the output.</summary>
    public static IReadOnlyList<string> NamesWithTotal { get; } = [.. Names, TotalName];

    public static int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }

        return name == TotalName ? Total : -1;
    }
}

/// <summary>The bands the output is broken down by.</summary>
public static class Bands
{
    public static IReadOnlyList<string> AgeBands { get; } = ["0-17", "18-44", "45-64", "65-74", "75-84", "85+"];

    public static IReadOnlyList<string> ImdDeciles { get; } = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

    public static IReadOnlyList<string> LtcBands { get; } = ["0", "1", "2-3", "4+"];

    public static int AgeBandOf(int age) => age switch
    {
        < 18 => 0,
        < 45 => 1,
        < 65 => 2,
        < 75 => 3,
        < 85 => 4,
        _ => 5,
    };

    public static int LtcBandOf(int ltcCount) => ltcCount switch
    {
        0 => 0,
        1 => 1,
        <= 3 => 2,
        _ => 3,
    };

    /// <summary>Multimorbidity: two or more long-term conditions.</summary>
    public static bool IsMultimorbid(int ltcCount) => ltcCount >= 2;
}

/// <summary>How frail a person is, from the <c>frailty_band</c> column.</summary>
public enum FrailtyBand : byte
{
    None = 0,
    Mild = 1,
    Moderate = 2,
    Severe = 3,
}

public static class FrailtyBands
{
    public static IReadOnlyList<string> Names { get; } = ["none", "mild", "moderate", "severe"];

    public static bool TryParse(ReadOnlySpan<char> text, out FrailtyBand band)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (text.SequenceEqual(Names[i]))
            {
                band = (FrailtyBand)i;
                return true;
            }
        }

        band = FrailtyBand.None;
        return false;
    }
}
