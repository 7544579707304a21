using System.Globalization;

using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Coordination;

/// <summary>
/// Portal:Coordination — when an unclaimed request counts as waiting too long, and how often the
/// escalation service looks. Read once at start-up; a value that makes no sense stops the portal
/// with a message naming the key.
/// </summary>
public sealed record CoordinationOptions(int UnclaimedAfterDays, TimeSpan EscalationInterval)
{
    public const string Section = "Portal:Coordination";

    public static readonly CoordinationOptions Defaults = new(5, TimeSpan.FromMinutes(15));


    public static CoordinationOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new CoordinationOptions(Days(section), Interval(section));
    }

    private static int Days(IConfiguration section)
    {
        const string key = nameof(UnclaimedAfterDays);
        var text = section[key];
        if (text is null)
        {
            return Defaults.UnclaimedAfterDays;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is >= 1 and <= 365
            ? days
            : throw new InvalidOperationException($"{Section}:{key} must be a whole number of days from 1 to 365, not '{text}'.");
    }

    private static TimeSpan Interval(IConfiguration section) =>
        RoundInterval.Read(section, Section, nameof(EscalationInterval), Defaults.EscalationInterval);
}
