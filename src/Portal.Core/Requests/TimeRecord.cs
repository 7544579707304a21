using Portal.Core.Events;

namespace Portal.Core.Requests;

/// <summary>Time a librarian spent on a request on one day, for the service's activity figures.</summary>
public sealed class TimeRecord : Entity
{
    /// <summary>A day's work at most; longer is a typing mistake.</summary>
    public const int MaxMinutes = 24 * 60;

    public const int NoteMaxLength = 500;

    private TimeRecord()
    {
        LibrarianId = string.Empty;
    }

    private TimeRecord(Guid requestId, string librarianId, DateOnly on, int minutes, string? note, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        RequestId = requestId;
        LibrarianId = librarianId;
        On = on;
        Minutes = minutes;
        Note = note;
        RecordedAt = now;
        Raise(new TimeRecorded(requestId, Id, librarianId, minutes));
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public string LibrarianId { get; private set; }

    /// <summary>The day the time was spent.</summary>
    public DateOnly On { get; private set; }

    public int Minutes { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Records time on a request the librarian holds (as claimant or mentor): from 1 minute to a
    /// day, on a day that is not in the future and not before the request was claimed.
    /// </summary>
    public static TimeRecord Record(EvidenceRequest request, string librarianId, DateOnly on, int minutes, string? note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(librarianId);
        if (librarianId != request.ClaimantId && librarianId != request.MentorId)
        {
            throw new DomainException("Only the librarian who claimed the request, or their mentor, can record time on it.", RuleViolationKind.NotYours);
        }

        if (minutes <= 0)
        {
            throw new DomainException("Enter the time spent as a number of minutes greater than 0");
        }

        if (minutes > MaxMinutes)
        {
            throw new DomainException("Time spent on one day must be 24 hours or less");
        }

        if (on > DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainException("The day the time was spent cannot be in the future");
        }

        if (request.SubmittedAt is { } submitted && on < DateOnly.FromDateTime(submitted.UtcDateTime))
        {
            throw new DomainException("The day the time was spent cannot be before the request was submitted");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        return text is { Length: > NoteMaxLength }
            ? throw new DomainException($"A note must be {NoteMaxLength} characters or fewer")
            : new TimeRecord(request.Id, librarianId, on, minutes, text, now);
    }
}
