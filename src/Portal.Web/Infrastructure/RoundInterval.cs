using System.Globalization;

namespace Portal.Web.Infrastructure;

/// <summary>How often a background round runs, as every round service's setting is read and checked.</summary>
public static class RoundInterval
{
    private static readonly TimeSpan Shortest = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>
    /// The interval at <paramref name="sectionPath"/>:<paramref name="key"/>, or <paramref name="fallback"/>
    /// when it is not set; anything but hh:mm:ss from one second to a day stops start-up, naming the key.
    /// </summary>
    public static TimeSpan Read(IConfiguration section, string sectionPath, string key, TimeSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(section);
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval >= Shortest && interval <= Longest
            ? interval
            : throw new InvalidOperationException($"{sectionPath}:{key} must be a time from 00:00:01 to 1.00:00:00 written hh:mm:ss (for example 01:00:00 for an hour), not '{text}'.");
    }
}
