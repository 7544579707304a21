namespace Portal.Core.Reporting;

/// <summary>The middle value of a set: the "typical" time an activity report gives, which one very slow request cannot drag.</summary>
public static class Median
{
    /// <summary>
    /// The median of <paramref name="values"/>, or null when there are none. With an even count it
    /// is the mean of the two middle values. The values need not be sorted.
    /// </summary>
    public static double? Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        if (sorted.Any(double.IsNaN))
        {
            throw new ArgumentException("A median of values that include NaN has no meaning.", nameof(values));
        }

        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
