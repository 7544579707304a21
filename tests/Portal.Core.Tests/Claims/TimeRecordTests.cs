using Portal.Core.Requests;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests.Claims;

/// <summary>Time a librarian records on a request: who may, how much, and on which days.</summary>
public class TimeRecordTests
{
    private const string Mentor = "mentor-1";

    private static EvidenceRequest Mentored()
    {
        var request = In(RequestState.Submitted);
        request.Claim(Librarian, Now, Mentor);
        request.TakeDomainEvents();
        return request;
    }

    [Fact]
    public void The_claimant_records_time_with_a_trimmed_note_and_it_raises_an_event()
    {
        var request = Mentored();

        var record = TimeRecord.Record(request, Librarian, Today, 90, "  Medline, CINAHL  ", Now);

        Assert.Equal((request.Id, Librarian, Today, 90, "Medline, CINAHL", Now), (record.RequestId, record.LibrarianId, record.On, record.Minutes, record.Note, record.RecordedAt));
        var recorded = Assert.IsType<TimeRecorded>(Assert.Single(record.DomainEvents));
        Assert.Equal((request.Id, record.Id, Librarian, 90), (recorded.RequestId, recorded.TimeRecordId, recorded.LibrarianId, recorded.Minutes));
    }

    [Fact]
    public void The_mentor_records_time_and_nobody_else_does()
    {
        var request = Mentored();

        var mentors = TimeRecord.Record(request, Mentor, Today, 30, null, Now);
        var other = Assert.Throws<DomainException>(() => TimeRecord.Record(request, OtherLibrarian, Today, 30, null, Now));
        var requester = Assert.Throws<DomainException>(() => TimeRecord.Record(request, Requester, Today, 30, null, Now));

        Assert.Null(mentors.Note);
        Assert.Equal(RuleViolationKind.NotYours, other.Kind);
        Assert.Equal(RuleViolationKind.NotYours, requester.Kind);
    }

    [Theory]
    [InlineData(0, "Enter the time spent as a number of minutes greater than 0")]
    [InlineData(-15, "Enter the time spent as a number of minutes greater than 0")]
    [InlineData(24 * 60 + 1, "Time spent on one day must be 24 hours or less")]
    public void Time_that_is_zero_negative_or_more_than_a_day_is_refused(int minutes, string message)
    {
        var refused = Assert.Throws<DomainException>(() => TimeRecord.Record(Mentored(), Librarian, Today, minutes, null, Now));

        Assert.Equal((message, RuleViolationKind.Invalid), (refused.Message, refused.Kind));
    }

    [Fact]
    public void A_whole_day_is_the_most_and_one_minute_the_least()
    {
        Assert.Equal(TimeRecord.MaxMinutes, TimeRecord.Record(Mentored(), Librarian, Today, TimeRecord.MaxMinutes, null, Now).Minutes);
        Assert.Equal(1, TimeRecord.Record(Mentored(), Librarian, Today, 1, null, Now).Minutes);
    }

    [Theory]
    [InlineData(1, "The day the time was spent cannot be in the future")]
    [InlineData(-1, "The day the time was spent cannot be before the request was submitted")]
    public void Time_on_a_day_in_the_future_or_before_submission_is_refused(int days, string message)
    {
        var refused = Assert.Throws<DomainException>(() => TimeRecord.Record(Mentored(), Librarian, Today.AddDays(days), 30, null, Now));

        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void A_note_longer_than_500_characters_is_refused()
    {
        var refused = Assert.Throws<DomainException>(() => TimeRecord.Record(Mentored(), Librarian, Today, 30, new string('n', 501), Now));

        Assert.Equal("A note must be 500 characters or fewer", refused.Message);
    }
}
