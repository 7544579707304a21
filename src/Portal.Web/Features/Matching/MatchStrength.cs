namespace Portal.Web.Features.Matching;

/// <summary>A match score said in words, as the pages show it and the API names it.</summary>
public enum MatchStrength
{
    Weak = 0,
    Good = 1,
    Strong = 2,
}

public static class MatchStrengths
{
    /// <summary>
    /// Strong from 0.7, good from 0.45, weak below. With the default weights, experience in every
    /// topic in the same system with room and no time away is about 0.75; no topic in common but
    /// otherwise free and local is about 0.4.
    /// </summary>
    public static MatchStrength Of(double score) => score switch
    {
        >= 0.7 => MatchStrength.Strong,
        >= 0.45 => MatchStrength.Good,
        _ => MatchStrength.Weak,
    };

    public static string Label(MatchStrength strength) => strength switch
    {
        MatchStrength.Strong => "Strong match",
        MatchStrength.Good => "Good match",
        _ => "Weak match",
    };

    /// <summary>The NHS.UK tag colour for the strength.</summary>
    public static string TagClass(MatchStrength strength) => strength switch
    {
        MatchStrength.Strong => "nhsuk-tag nhsuk-tag--green",
        MatchStrength.Good => "nhsuk-tag nhsuk-tag--blue",
        _ => "nhsuk-tag nhsuk-tag--grey",
    };
}
