namespace Portal.Segmentation.PatientLevel;

/// <summary>The patient-level input's columns, in the one order the header must have.</summary>
public static class PatientColumns
{
    public const int PersonToken = 0;
    public const int AgeYears = 1;
    public const int Sex = 2;
    public const int ImdDecile = 3;
    public const int LtcCount = 4;
    public const int FrailtyBand = 5;
    public const int DiedInPeriod = 6;
    public const int RiskScore = 7;
    public const int FirstCost = 8;
    public const int LastCost = 16;
    public const int SourcesLinked = 17;

    public static IReadOnlyList<string> Names { get; } =
    [
        "person_token", "age_years", "sex", "imd_decile", "ltc_count", "frailty_band", "died_in_period", "risk_score",
        "cost_acute_elective", "cost_acute_nonelective", "cost_ae", "cost_outpatient", "cost_primary_care", "cost_prescribing",
        "cost_community", "cost_mental_health", "cost_social_care", "sources_linked",
    ];

    /// <summary>The setting each cost column adds to: the four acute columns, primary care and prescribing, then one each.</summary>
    public static int SettingOfCost(int column) => column switch
    {
        >= 8 and <= 11 => Settings.Acute,
        12 or 13 => Settings.Primary,
        14 => Settings.Community,
        15 => Settings.MentalHealth,
        16 => Settings.SocialCare,
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>Accepted values of <c>sex</c>, one letter each: female, male, indeterminate, not known.</summary>
    public const string SexCodes = "FMIU";

    public const int MaxAge = 120;

    /// <summary>More conditions than this is a data error rather than a person.</summary>
    public const int MaxLtcCount = 60;

    /// <summary>£100 million for one person in one period is a data error.</summary>
    public const long MaxCostPence = 100_000_000_00L;
}

/// <summary>One person, as read from a valid row.</summary>
#pragma warning disable CA1051 // Plain fields: the reader parses straight into them in the hot loop.
public struct PersonRecord
{
    public int Age;
    public int ImdDecile;
    public int LtcCount;
    public FrailtyBand Frailty;
    public bool Died;

    /// <summary>NaN when the person has no risk score.</summary>
    public double RiskScore;

    /// <summary>Bit i set when setting/source i is linked.</summary>
    public int LinkedMask;

    /// <summary>Cost per setting in pence; zero for a setting that is not linked.</summary>
    public SettingCosts Costs;

    public readonly bool IsLinked(int setting) => (LinkedMask & (1 << setting)) != 0;

    public readonly long TotalPence => Costs[0] + Costs[1] + Costs[2] + Costs[3] + Costs[4];
}
#pragma warning restore CA1051

[System.Runtime.CompilerServices.InlineArray(Settings.Count)]
public struct SettingCosts
{
    private long _element;
}
