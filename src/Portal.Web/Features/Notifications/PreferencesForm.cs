using System.Globalization;
using Portal.Core.Notifications;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Notifications;

/// <summary>
/// The preferences form as posted: Delivery[kind] = Immediately, WeeklyDigest or Off for every
/// notification kind; the ids of the topics and work streams followed.
/// </summary>
public sealed class PreferencesForm
{
    public Dictionary<string, string> Delivery { get; set; } = [];

    public const string DigestOn = "On";

    public const string DigestOff = "Off";

    /// <summary>On or Off; a form without it (an older page) keeps the digest on.</summary>
    public string? Digest { get; set; }

    public List<string> Topics { get; set; } = [];

    public List<string> WorkStreams { get; set; } = [];

    /// <summary>The field of a kind's radios, and the id its first radio takes (for the error summary's link).</summary>
    public static string Field(NotificationKind kind) => $"Delivery[{kind}]";

    public static PreferencesForm From(NotificationChoices saved) => new()
    {
        Delivery = saved.Deliveries.ToDictionary(d => d.Key.ToString(), d => d.Value.ToString()),
        Digest = saved.DigestStopped ? DigestOff : DigestOn,
        Topics = saved.TopicIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList(),
        WorkStreams = saved.WorkStreamIds.Select(id => id.ToString()).ToList(),
    };

    /// <summary>The choices, with a problem for each value that is not one the page offers.</summary>
    public NotificationChoices ToChoices(List<FieldProblem> problems)
    {
        var deliveries = new Dictionary<NotificationKind, NotificationDelivery>();
        if (Delivery.Keys.Any(k => !NotificationKinds.All.Any(i => i.Kind.ToString() == k)))
        {
            problems.Add(new(Field(NotificationKinds.All[0].Kind), "Choose how to hear about only the kinds of notification listed"));
        }

        foreach (var info in NotificationKinds.All)
        {
            if (Delivery.TryGetValue(info.Kind.ToString(), out var text) && Enum.GetNames<NotificationDelivery>().Contains(text, StringComparer.Ordinal))
            {
                deliveries[info.Kind] = Enum.Parse<NotificationDelivery>(text);
            }
            else
            {
                problems.Add(new(Field(info.Kind), $"Choose how you want to hear about {char.ToLowerInvariant(info.Label[0])}{info.Label[1..]}"));
            }
        }

        var topics = new List<int>();
        foreach (var text in Topics.Distinct(StringComparer.Ordinal))
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                topics.Add(id);
            }
            else
            {
                problems.Add(new(nameof(Topics), "Choose only topics from the list"));
                break;
            }
        }

        var workStreams = new List<Guid>();
        foreach (var text in WorkStreams.Distinct(StringComparer.Ordinal))
        {
            if (Guid.TryParse(text, out var id))
            {
                workStreams.Add(id);
            }
            else
            {
                problems.Add(new(nameof(WorkStreams), "Choose only work streams from the list"));
                break;
            }
        }

        if (Digest is not (null or DigestOn or DigestOff))
        {
            problems.Add(new(nameof(Digest), "Choose whether to get the weekly digest"));
        }

        return new NotificationChoices(deliveries, topics, workStreams, Digest == DigestOff);
    }
}
