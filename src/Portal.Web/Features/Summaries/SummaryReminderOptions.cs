
using Portal.Web.Infrastructure;

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


    public static SummaryReminderOptions Read(IConfiguration configuration) =>
        new(RoundInterval.Read(configuration.GetSection(Section), Section, nameof(ReminderInterval), Defaults.ReminderInterval));
}
