using System.Globalization;

using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Digest;

/// <summary>
/// Portal:Digest — how often the digest service looks for digests that are due, and the weekly
/// moment (UTC) from which this week's digest goes. Read once at start-up; a value that makes no
/// sense stops the portal with a message naming the key.
/// </summary>
public sealed record DigestOptions(TimeSpan CheckInterval, DayOfWeek DayOfWeek, int Hour)
{
    public const string Section = "Portal:Digest";

    public static readonly DigestOptions Defaults = new(TimeSpan.FromMinutes(30), DayOfWeek.Monday, 7);


    public static DigestOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new DigestOptions(Interval(section), Day(section), HourOfDay(section));
    }

    /// <summary>The latest weekly moment at or before <paramref name="now"/>: a person is due when no digest went to them since.</summary>
    public DateTimeOffset LatestSlot(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var today = new DateTimeOffset(utc.Year, utc.Month, utc.Day, Hour, 0, 0, TimeSpan.Zero);
        var slot = today.AddDays(-(((int)utc.DayOfWeek - (int)DayOfWeek + 7) % 7));
        return slot > utc ? slot.AddDays(-7) : slot;
    }

    private static TimeSpan Interval(IConfiguration section) =>
        RoundInterval.Read(section, Section, nameof(CheckInterval), Defaults.CheckInterval);

    private static DayOfWeek Day(IConfiguration section)
    {
        const string key = nameof(DayOfWeek);
        var text = section[key];
        if (text is null)
        {
            return Defaults.DayOfWeek;
        }

        return Enum.GetNames<DayOfWeek>().FirstOrDefault(d => string.Equals(d, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<DayOfWeek>(name)
            : throw new InvalidOperationException($"{Section}:{key} must be a day of the week in English, for example Monday, not '{text}'.");
    }

    private static int HourOfDay(IConfiguration section)
    {
        const string key = nameof(Hour);
        var text = section[key];
        if (text is null)
        {
            return Defaults.Hour;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23
            ? hour
            : throw new InvalidOperationException($"{Section}:{key} must be a whole hour from 0 to 23 (UTC), not '{text}'.");
    }
}
