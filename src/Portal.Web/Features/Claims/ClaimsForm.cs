using System.Globalization;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Claims;

/// <summary>
/// The fields of the claim, release, question, answer, message and time forms on the request page.
/// Each has its own name, because several of the forms are on the page at once.
/// </summary>
public sealed class ClaimsForm
{
    public string? MentorId { get; set; }

    public string? ReleaseReason { get; set; }

    public string? Question { get; set; }

    public string? Answer { get; set; }

    public string? Message { get; set; }

    public DateParts TimeOn { get; set; } = new();

    public string? TimeHours { get; set; }

    public string? TimeMinutes { get; set; }

    public string? TimeNote { get; set; }

    /// <summary>Empty forms, with today as the day the time was spent.</summary>
    public static ClaimsForm Blank(DateOnly today) => new() { TimeOn = DateParts.From(today) };

    /// <summary>The time form as the use case takes it: hours and minutes add up; what cannot be read is a problem for its box.</summary>
    public TimeInput ToTimeInput(List<FieldProblem> problems)
    {
        // Problems carry the use case's field names, so its own checks do not repeat them.
        var on = TimeOn.Read(nameof(TimeInput.On), "Date", required: true, problems);
        var hours = Number(TimeHours, "Hours", problems);
        var minutes = Number(TimeMinutes, "Minutes", problems);
        return new TimeInput(on, hours is null && minutes is null ? null : ((hours ?? 0) * 60) + (minutes ?? 0), TimeNote);
    }

    /// <summary>The page's name for a field the use case names.</summary>
    public static string FieldFor(string useCaseField, string textField) => useCaseField switch
    {
        ClaimActions.MentorField => nameof(MentorId),
        ClaimActions.ReasonField => nameof(ReleaseReason),
        ClaimActions.BodyField => textField,
        nameof(TimeInput.On) => nameof(TimeOn),
        nameof(TimeInput.Minutes) => nameof(TimeHours),
        nameof(TimeInput.Note) => nameof(TimeNote),
        _ => useCaseField,
    };

    // Far beyond a day either way, so the sum cannot overflow and the use case says what is wrong.
    private const int TimeRecordLimit = 100_000;

    private static int? Number(string? text, string label, List<FieldProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= TimeRecordLimit)
        {
            return value;
        }

        problems.Add(new(nameof(TimeInput.Minutes), $"{label} must be a whole number, like 2"));
        return null;
    }
}
