using System.Globalization;

using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// Portal:Notifications — how often the reminder service looks for claims near their deadline,
/// and how many days before the deadline it reminds. Read once at start-up; a value that makes
/// no sense stops the portal with a message naming the key.
/// </summary>
public sealed record NotificationOptions(TimeSpan ReminderInterval, int ReminderDaysBefore)
{
    public const string Section = "Portal:Notifications";

    public static readonly NotificationOptions Defaults = new(TimeSpan.FromHours(1), 2);


    public static NotificationOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new NotificationOptions(Interval(section), DaysBefore(section));
    }

    private static TimeSpan Interval(IConfiguration section) =>
        RoundInterval.Read(section, Section, nameof(ReminderInterval), Defaults.ReminderInterval);

    private static int DaysBefore(IConfiguration section)
    {
        const string key = nameof(ReminderDaysBefore);
        var text = section[key];
        if (text is null)
        {
            return Defaults.ReminderDaysBefore;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 0 and <= 60
            ? days
            : throw new InvalidOperationException($"{Section}:{key} must be a whole number of days from 0 to 60, not '{text}'.");
    }
}
