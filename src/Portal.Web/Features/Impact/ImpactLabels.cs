namespace Portal.Web.Features.Impact;

/// <summary>The words the pages use for the impact form's answers.</summary>
public static class ImpactLabels
{
    public static string Recommendation(Portal.Core.Impact.Recommendation answer) => answer switch
    {
        Portal.Core.Impact.Recommendation.Yes => "Yes",
        Portal.Core.Impact.Recommendation.No => "No",
        _ => "Not sure",
    };
}
