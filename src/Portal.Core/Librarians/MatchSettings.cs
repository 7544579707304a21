using System.Globalization;

namespace Portal.Core.Librarians;

/// <summary>How matching is tuned: the weight of each factor and how many librarians hear of a new request.</summary>
public sealed record MatchSettings(MatchWeights Weights, int NotifyTop)
{
    public const int DefaultNotifyTop = 3;
    public const int MaxNotifyTop = 50;
    public const double MaxWeight = 100;

    /// <summary>The names of the weights, as they are spelled in configuration under Weights:.</summary>
    public static IReadOnlyList<string> WeightNames { get; } =
        [nameof(MatchWeights.Topics), nameof(MatchWeights.Similarity), nameof(MatchWeights.Geography), nameof(MatchWeights.Capacity), nameof(MatchWeights.Availability)];

    public static MatchSettings Default { get; } = new(new MatchWeights(), DefaultNotifyTop);

    /// <summary>
    /// Reads the settings from their text. <paramref name="setting"/> gives the text set for a key
    /// ("Weights:Topics", … "NotifyTop"), or null when it is not set and the default applies.
    /// Returns the settings, or the problems, each naming its setting as <paramref name="prefix"/> + key.
    /// </summary>
    public static (MatchSettings? Settings, IReadOnlyList<string> Problems) Read(Func<string, string?> setting, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(setting);
        var problems = new List<string>();
        var defaults = new MatchWeights();
        double Weight(string name, double fallback)
        {
            var text = setting($"Weights:{name}");
            if (text is null)
            {
                return fallback;
            }

            if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                problems.Add($"{prefix}Weights:{name} must be a number such as 0.25, not '{text}'.");
            }
            else if (value < 0)
            {
                problems.Add($"{prefix}Weights:{name} cannot be negative, but it is {text.Trim()}.");
            }
            else if (value > MaxWeight)
            {
                problems.Add($"{prefix}Weights:{name} must be {MaxWeight.ToString(CultureInfo.InvariantCulture)} or less, but it is {text.Trim()}.");
            }

            return value;
        }

        var weights = new MatchWeights(
            Weight(nameof(MatchWeights.Topics), defaults.Topics),
            Weight(nameof(MatchWeights.Similarity), defaults.Similarity),
            Weight(nameof(MatchWeights.Geography), defaults.Geography),
            Weight(nameof(MatchWeights.Capacity), defaults.Capacity),
            Weight(nameof(MatchWeights.Availability), defaults.Availability));
        if (problems.Count == 0 && weights.Topics + weights.Similarity + weights.Geography + weights.Capacity + weights.Availability <= 0)
        {
            problems.Add($"At least one of the weights {prefix}Weights:Topics, Similarity, Geography, Capacity and Availability must be more than 0, or every librarian would score the same.");
        }

        var top = DefaultNotifyTop;
        var notifyTop = setting("NotifyTop");
        if (notifyTop is not null
            && !(int.TryParse(notifyTop, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out top) && top is >= 0 and <= MaxNotifyTop))
        {
            problems.Add($"{prefix}NotifyTop must be a whole number from 0 (notify nobody) to {MaxNotifyTop}, not '{notifyTop}'.");
        }

        return problems.Count == 0 ? (new MatchSettings(weights, top), []) : (null, problems);
    }
}
