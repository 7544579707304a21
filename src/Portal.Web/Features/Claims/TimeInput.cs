using Portal.Core.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Claims;

/// <summary>
/// Time spent on a request on one day, as the API takes it; the page reads hours and minutes into it.
/// The checks are the entity's, named by field so a form can show each beside its box.
/// </summary>
public sealed record TimeInput(DateOnly? On, int? Minutes, string? Note)
{
    public IReadOnlyList<FieldProblem> Check(EvidenceRequest request, DateOnly today)
    {
        var problems = new List<FieldProblem>();
        if (On is not { } on)
        {
            problems.Add(new(nameof(On), "Enter the day you spent the time"));
        }
        else if (on > today)
        {
            problems.Add(new(nameof(On), "The day the time was spent cannot be in the future"));
        }
        else if (request.SubmittedAt is { } submitted && on < DateOnly.FromDateTime(submitted.UtcDateTime))
        {
            problems.Add(new(nameof(On), "The day the time was spent cannot be before the request was submitted"));
        }

        if (Minutes is not { } minutes)
        {
            problems.Add(new(nameof(Minutes), "Enter the time spent"));
        }
        else if (minutes <= 0)
        {
            problems.Add(new(nameof(Minutes), "Enter the time spent as a number of minutes greater than 0"));
        }
        else if (minutes > TimeRecord.MaxMinutes)
        {
            problems.Add(new(nameof(Minutes), "Time spent on one day must be 24 hours or less"));
        }

        if (Note is { } note && note.Trim().Length > TimeRecord.NoteMaxLength)
        {
            problems.Add(new(nameof(Note), $"A note must be {TimeRecord.NoteMaxLength} characters or fewer"));
        }

        return problems;
    }
}
