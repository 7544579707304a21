using Portal.Core.Requests;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests.Claims;

/// <summary>Messages of the reference conversation, and the question that pauses the deadline until the answer.</summary>
public class ConversationTests
{
    [Fact]
    public void A_message_keeps_its_trimmed_text_author_kind_and_time_and_raises_an_event()
    {
        var requestId = Guid.NewGuid();

        var message = RequestMessage.Post(requestId, Librarian, "  Which care settings?  ", RequestMessageKind.Question, Now);

        Assert.Equal((requestId, Librarian, "Which care settings?", RequestMessageKind.Question, Now), (message.RequestId, message.AuthorId, message.Body, message.Kind, message.SentAt));
        var posted = Assert.IsType<RequestMessagePosted>(Assert.Single(message.DomainEvents));
        Assert.Equal((requestId, message.Id, Librarian, RequestMessageKind.Question), (posted.RequestId, posted.MessageId, posted.AuthorId, posted.Kind));
        Assert.Equal(requestId.ToString(), posted.SubjectId);
    }

    [Theory]
    [InlineData(null, "Enter a message")]
    [InlineData("", "Enter a message")]
    [InlineData("   \n ", "Enter a message")]
    public void An_empty_message_is_refused(string? body, string error)
    {
        var refused = Assert.Throws<DomainException>(() => RequestMessage.Post(Guid.NewGuid(), Requester, body, RequestMessageKind.Message, Now));

        Assert.Equal((error, RuleViolationKind.Invalid), (refused.Message, refused.Kind));
    }

    [Fact]
    public void A_message_of_up_to_4000_characters_is_kept_and_a_longer_one_refused()
    {
        var longest = new string('m', RequestMessage.BodyMaxLength);

        Assert.Equal(longest, RequestMessage.CheckBody($" {longest} "));
        var refused = Assert.Throws<DomainException>(() => RequestMessage.CheckBody(longest + "m"));
        Assert.Equal("A message must be 4000 characters or fewer", refused.Message);
    }

    [Fact]
    public void Asking_the_requester_waits_for_them_with_the_question_and_the_deadline_paused()
    {
        var request = In(RequestState.Claimed);

        request.AskRequester(Librarian, "  Hospital settings too?  ", Now);

        Assert.Equal(RequestState.AwaitingRequester, request.State);
        Assert.Equal(Now, request.PausedSince);
        Assert.Equal("Hospital settings too?", Assert.IsType<RequestAwaitingRequester>(Assert.Single(request.DomainEvents)).Question);
        Assert.Equal(Today.AddDays(30 + 10), request.EffectiveDeadline(Now.AddDays(10)));
        Assert.False(request.IsOverdue(Now.AddDays(35)), "the deadline does not run while the request waits for the requester");
    }

    [Fact]
    public void The_answer_gives_the_request_back_to_its_claimant_and_the_deadline_runs_again()
    {
        var request = In(RequestState.Claimed);
        request.AskRequester(Librarian, "Hospital settings too?", Now);

        request.Answer(Requester, Now.AddDays(4));

        Assert.Equal(RequestState.Claimed, request.State);
        Assert.Equal(Librarian, request.ClaimantId);
        Assert.Null(request.PausedSince);
        Assert.Equal(Today.AddDays(34), request.EffectiveDeadline(Now.AddDays(20)));
        Assert.True(request.IsOverdue(Now.AddDays(35)));
    }

    [Fact]
    public void The_claimant_asks_only_while_the_request_is_claimed()
    {
        var request = In(RequestState.AwaitingRequester);

        var twice = Assert.Throws<DomainException>(() => request.AskRequester(Librarian, "And another thing?", Now));

        Assert.Equal(RuleViolationKind.WrongState, twice.Kind);
    }
}
