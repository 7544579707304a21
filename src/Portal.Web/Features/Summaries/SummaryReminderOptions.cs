using System.Globalization;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// Portal:Summaries:ReminderInterval — how often the portal looks for summaries whose review date
/// has come (default an hour, as the deadline reminders). A value that makes no sense stops the
/// portal at start-up with a message naming the key.
/// </summary>
public sealed record SummaryReminderOptions(TimeSpan ReminderInterval)
{
    public const string Section = "Portal:Summaries";

    public static readonly SummaryReminderOptions Defaults = new(TimeSpan.FromHours(1));

    private static readonly TimeSpan ShortestInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestInterval = TimeSpan.FromDays(1);

    public static SummaryReminderOptions Read(IConfiguration configuration)
    {
        const string key = nameof(ReminderInterval);
        var text = configuration.GetSection(Section)[key];
        if (text is null)
        {
            return Defaults;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval >= ShortestInterval && interval <= LongestInterval
            ? new SummaryReminderOptions(interval)
            : throw new InvalidOperationException($"{Section}:{key} must be a time from 00:00:01 to 1.00:00:00 written hh:mm:ss (for example 01:00:00 for an hour), not '{text}'.");
    }
}
