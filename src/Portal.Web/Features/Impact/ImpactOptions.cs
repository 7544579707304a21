using System.Globalization;

using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Impact;

/// <summary>
/// Portal:Impact — how many days after delivery the requester is sent the impact form, how many
/// days later an unanswered form is reminded of, and how often the service looks. Read once at
/// start-up; a value that makes no sense stops the portal with a message naming the key.
/// </summary>
public sealed record ImpactOptions(TimeSpan CheckInterval, int AskAfterDays, int ReminderAfterDays)
{
    public const string Section = "Portal:Impact";

    public static readonly ImpactOptions Defaults = new(TimeSpan.FromHours(1), 28, 7);


    public static ImpactOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new ImpactOptions(
            Interval(section),
            Days(section, nameof(AskAfterDays), Defaults.AskAfterDays, 0, 365),
            Days(section, nameof(ReminderAfterDays), Defaults.ReminderAfterDays, 1, 90));
    }

    private static TimeSpan Interval(IConfiguration section) =>
        RoundInterval.Read(section, Section, nameof(CheckInterval), Defaults.CheckInterval);

    private static int Days(IConfiguration section, string key, int fallback, int least, int most)
    {
        var text = section[key];
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days >= least && days <= most
            ? days
            : throw new InvalidOperationException($"{Section}:{key} must be a whole number of days from {least} to {most}, not '{text}'.");
    }
}
