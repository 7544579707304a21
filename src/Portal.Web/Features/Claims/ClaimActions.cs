using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Web.Features.Librarians;
using Portal.Web.Features.Requests;
using Portal.Web.Features.Summaries;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Claims;

/// <summary>
/// The librarian's and the requester's use cases once a request is submitted: claim (first claim
/// wins), release, mentor, the reference conversation and time records — for the pages and the
/// API alike. A request the person may not see is "not found", as everywhere else.
/// </summary>
public sealed class ClaimActions(PortalDbContext db, RequestActions requests, LibrarianDirectory librarians, TimeProvider clock)
{
    public const string MentorField = "MentorId";
    public const string ReasonField = "Reason";
    public const string BodyField = "Body";
    public const int ReasonMaxLength = RequestDetails.LongTextMaxLength;

    private DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// Claims a submitted request, with a mentor when the librarian's profile seeks one. The guard
    /// is the save itself: one UPDATE conditional on the version read here, so of many simultaneous
    /// claims the database lets exactly one through; every other one is told who holds the request.
    /// </summary>
    public async Task<Outcome<EvidenceRequest>> ClaimAsync(Viewer viewer, Guid id, string? mentorId, CancellationToken cancellationToken)
    {
        if (!viewer.MayClaim)
        {
            return Outcome.Forbidden<EvidenceRequest>("Only librarians can claim requests.");
        }

        var found = await requests.FindVisibleAsync(viewer, id, tracked: true, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<EvidenceRequest>();
        }

        var mentor = string.IsNullOrWhiteSpace(mentorId) ? null : mentorId.Trim();
        try
        {
            found.Request.Claim(viewer.UserId, Now, mentor);
        }
        catch (DomainException refusal)
        {
            db.ChangeTracker.Clear();
            return refusal.Kind switch
            {
                RuleViolationKind.WrongState => await HeldAsync<EvidenceRequest>(viewer, id, refusal.Message, cancellationToken),
                RuleViolationKind.Invalid => Outcome.Invalid<EvidenceRequest>([new(MentorField, refusal.Message)]),
                _ => Outcome.Refused<EvidenceRequest>(refusal),
            };
        }

        var profile = await librarians.ProfileOrDefaultAsync(viewer.UserId, tracked: false, cancellationToken);
        if (mentor is not null && await MentorProblemAsync(profile.SeeksMentoring, mentor, cancellationToken) is { } problem)
        {
            db.ChangeTracker.Clear();
            return Outcome.Invalid<EvidenceRequest>([new(MentorField, problem)]);
        }

        try
        {
            // Capacity is a soft limit read beforehand; a coordinator may assign beyond it.
            profile.EnsureRoomFor(await librarians.OpenClaimsOfAsync(viewer.UserId, cancellationToken));
            await db.AddAuthorToUnfinishedSummaryAsync(id, viewer.UserId, Now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(found.Request);
        }
        catch (DomainException full)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused<EvidenceRequest>(full);
        }
        catch (DbUpdateConcurrencyException)
        {
            // UPDATE … WHERE Id = @id AND Version = @read changed no row: someone else got there first.
            db.ChangeTracker.Clear();
            return await HeldAsync<EvidenceRequest>(viewer, id, Outcome.Overtaken<EvidenceRequest>().Message!, cancellationToken);
        }
    }

    /// <summary>The claimant gives the request back to the pool, saying why.</summary>
    public async Task<Outcome<EvidenceRequest>> ReleaseAsync(Viewer viewer, Guid id, string? reason, CancellationToken cancellationToken)
    {
        if (!viewer.MayClaim)
        {
            return Outcome.Forbidden<EvidenceRequest>("Only librarians can release requests.");
        }

        var found = await requests.FindVisibleAsync(viewer, id, tracked: true, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<EvidenceRequest>();
        }

        if (reason is { Length: > ReasonMaxLength })
        {
            return Outcome.Invalid<EvidenceRequest>([new(ReasonField, $"Reason must be {ReasonMaxLength} characters or fewer")]);
        }

        return await SaveAsync(ReasonField, () =>
        {
            found.Request.Release(viewer.UserId, reason ?? string.Empty, Now);
            return found.Request;
        }, cancellationToken);
    }

    /// <summary>A librarian whose profile offers mentoring joins a claimed request as the claimant's reviewer.</summary>
    public async Task<Outcome<EvidenceRequest>> JoinAsMentorAsync(Viewer viewer, Guid id, CancellationToken cancellationToken)
    {
        if (!viewer.MayClaim)
        {
            return Outcome.Forbidden<EvidenceRequest>("Only librarians can mentor a search.");
        }

        var found = await requests.FindVisibleAsync(viewer, id, tracked: true, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<EvidenceRequest>();
        }

        var profile = await librarians.ProfileOrDefaultAsync(viewer.UserId, tracked: false, cancellationToken);
        if (!profile.OffersMentoring)
        {
            return Outcome.Invalid<EvidenceRequest>([new(string.Empty, "Your profile does not say you offer mentoring. Change your profile to join a search as a mentor.")]);
        }

        return await SaveAsync(string.Empty, () =>
        {
            found.Request.JoinAsMentor(viewer.UserId, Now);
            return found.Request;
        }, cancellationToken);
    }

    /// <summary>The claimant asks the requester a question: the request waits for them and the question joins the conversation, in one save.</summary>
    public async Task<Outcome<RequestMessage>> AskRequesterAsync(Viewer viewer, Guid id, string? question, CancellationToken cancellationToken)
    {
        if (!viewer.MayClaim)
        {
            return Outcome.Forbidden<RequestMessage>("Only the librarian who claimed the request can ask the requester a question.");
        }

        var found = await requests.FindVisibleAsync(viewer, id, tracked: true, cancellationToken);
        return found is null
            ? Outcome.NotFound<RequestMessage>()
            : await SaveAsync(BodyField, () =>
            {
                found.Request.AskRequester(viewer.UserId, question ?? string.Empty, Now);
                return Posted(RequestMessage.Post(id, viewer.UserId, question, RequestMessageKind.Question, Now));
            }, cancellationToken);
    }

    /// <summary>The requester answers the claimant's question: the answer joins the conversation and the request goes back to the claimant.</summary>
    public async Task<Outcome<RequestMessage>> AnswerAsync(Viewer viewer, Guid id, string? answer, CancellationToken cancellationToken)
    {
        var found = await requests.FindVisibleAsync(viewer, id, tracked: true, cancellationToken);
        return found is null
            ? Outcome.NotFound<RequestMessage>()
            : await SaveAsync(BodyField, () =>
            {
                found.Request.Answer(viewer.UserId, Now);
                return string.IsNullOrWhiteSpace(answer)
                    ? throw new DomainException("Enter your answer")
                    : Posted(RequestMessage.Post(id, viewer.UserId, answer, RequestMessageKind.Answer, Now));
            }, cancellationToken);
    }

    /// <summary>A message from someone who takes part in the conversation: requester, claimant, mentor, leads, coordinators.</summary>
    public async Task<Outcome<RequestMessage>> PostMessageAsync(Viewer viewer, Guid id, string? body, CancellationToken cancellationToken)
    {
        var found = await requests.FindVisibleAsync(viewer, id, tracked: false, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<RequestMessage>();
        }

        if (!viewer.TakesPartIn(found.Request, found.WorkStream))
        {
            return Outcome.Forbidden<RequestMessage>(NotInTheConversation);
        }

        if (ClosedConversation(found.Request.State) is { } closed)
        {
            return Outcome.Refused<RequestMessage>(new DomainException(closed, RuleViolationKind.WrongState));
        }

        return await SaveAsync(BodyField, () => Posted(RequestMessage.Post(id, viewer.UserId, body, RequestMessageKind.Message, Now)), cancellationToken);
    }

    /// <summary>The conversation on a request, oldest first, for those who take part in it.</summary>
    public async Task<Outcome<Conversation>> ConversationAsync(Viewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var found = await requests.FindVisibleAsync(viewer, id, tracked: false, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<Conversation>();
        }

        if (!viewer.TakesPartIn(found.Request, found.WorkStream))
        {
            return Outcome.Forbidden<Conversation>(NotInTheConversation);
        }

        return Outcome.Done(new Conversation(found.Request, await db.MessagesOfAsync(id, cancellationToken), ClosedConversation(found.Request.State) is null));
    }

    /// <summary>The time recorded on a request, for those who take part in its conversation.</summary>
    public async Task<Outcome<IReadOnlyList<TimeRow>>> TimeRecordsAsync(Viewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var found = await requests.FindVisibleAsync(viewer, id, tracked: false, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<IReadOnlyList<TimeRow>>();
        }

        return viewer.TakesPartIn(found.Request, found.WorkStream)
            ? Outcome.Done(await db.TimeRecordsOfAsync(id, cancellationToken))
            : Outcome.Forbidden<IReadOnlyList<TimeRow>>(NotInTheConversation);
    }

    /// <summary>The claimant or the mentor records time spent on the request on one day.</summary>
    public async Task<Outcome<TimeRecord>> RecordTimeAsync(Viewer viewer, Guid id, TimeInput input, IReadOnlyList<FieldProblem> readProblems, CancellationToken cancellationToken)
    {
        if (!viewer.MayClaim)
        {
            return Outcome.Forbidden<TimeRecord>("Only librarians record time on requests.");
        }

        var found = await requests.FindVisibleAsync(viewer, id, tracked: false, cancellationToken);
        if (found is null)
        {
            return Outcome.NotFound<TimeRecord>();
        }

        if (viewer.UserId != found.Request.ClaimantId && viewer.UserId != found.Request.MentorId)
        {
            return Outcome.Forbidden<TimeRecord>("Only the librarian who claimed the request, or their mentor, can record time on it.");
        }

        // A box that could not be read already has its problem; the checks add the others.
        var checks = input.Check(found.Request, DateOnly.FromDateTime(Now.UtcDateTime));
        var problems = readProblems.Concat(checks.Where(c => readProblems.All(read => read.Field != c.Field))).ToList();
        if (problems.Count > 0)
        {
            return Outcome.Invalid<TimeRecord>(problems);
        }

        return await SaveAsync(string.Empty, () =>
        {
            var record = TimeRecord.Record(found.Request, viewer.UserId, input.On!.Value, input.Minutes!.Value, input.Note, Now);
            db.TimeRecords.Add(record);
            return record;
        }, cancellationToken);
    }

    private const string NotInTheConversation =
        "Only the requester, the librarians working on the request, the leads of its work stream and coordinators take part in its conversation.";

    /// <summary>Why no more messages can be posted in this state, or null while the conversation is open.</summary>
    private static string? ClosedConversation(RequestState state) => state switch
    {
        RequestState.Draft => "Submit the request before starting a conversation about it.",
        RequestState.Withdrawn => "The request was withdrawn, so its conversation has ended.",
        RequestState.Closed => "The request is closed, so its conversation has ended.",
        _ => null,
    };

    private RequestMessage Posted(RequestMessage message)
    {
        db.RequestMessages.Add(message);
        return message;
    }

    /// <summary>
    /// The librarian's profile must seek mentoring, and the mentor must be an active librarian
    /// whose profile offers it; null when all is well.
    /// </summary>
    private async Task<string?> MentorProblemAsync(bool seeksMentoring, string mentorId, CancellationToken cancellationToken)
    {
        if (!seeksMentoring)
        {
            return "Your profile does not say you are looking for a mentor. Change your profile to claim with a mentor.";
        }

        if (!await librarians.IsActiveLibrarianAsync(mentorId, cancellationToken))
        {
            return "Choose a librarian who offers mentoring";
        }

        var mentor = await librarians.ProfileOrDefaultAsync(mentorId, tracked: false, cancellationToken);
        if (mentor.OffersMentoring)
        {
            return null;
        }

        var name = (await db.DisplayNamesAsync([mentorId], cancellationToken)).GetValueOrDefault(mentorId, "This librarian");
        return $"{name} does not offer mentoring. Choose a librarian who does";
    }

    /// <summary>
    /// A claim that lost: read the request again and name who holds it, or, when nobody does
    /// (withdrawn, say), give the <paramref name="otherwise"/> reason.
    /// </summary>
    private async Task<Outcome<T>> HeldAsync<T>(Viewer viewer, Guid id, string otherwise, CancellationToken cancellationToken)
        where T : class
    {
        var now = await db.EvidenceRequests.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.ClaimantId, r.ClaimedAt }).SingleOrDefaultAsync(cancellationToken);
        if (now?.ClaimantId is not { } holder || now.ClaimedAt is not { } at)
        {
            return Conflict<T>(otherwise);
        }

        var who = holder == viewer.UserId
            ? "You"
            : (await db.DisplayNamesAsync([holder], cancellationToken)).GetValueOrDefault(holder, "Another librarian");
        return Conflict<T>(ClaimNotices.Held(who, at));
    }

    private static Outcome<T> Conflict<T>(string message)
        where T : class => Outcome.Refused<T>(new DomainException(message, RuleViolationKind.WrongState));

    /// <param name="field">The field a value rule of the entity is about, or empty for the whole form.</param>
    private Task<Outcome<T>> SaveAsync<T>(string field, Func<T> change, CancellationToken cancellationToken)
        where T : class => db.SaveOutcomeAsync(change, cancellationToken, field);
}

/// <summary>The messages of a request's conversation, and whether new ones may still be posted.</summary>
public sealed record Conversation(EvidenceRequest Request, IReadOnlyList<ConversationMessage> Messages, bool IsOpen);
