using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Core.WorkStreams;
using Portal.Data;

namespace Portal.Recipes.Steps;

/// <summary>
/// "Requests": evidence requests, each driven to its state the real way, by calling the entity's
/// methods as the people the step names (requester, claimant, mentor). Deadlines are given in days
/// from today, so the recipe stays valid whatever day it runs. A request waiting for its requester
/// has its question in the conversation; "messages" add to the conversation and "time" records
/// time spent. A request in review, delivered or closed has its "summary", which takes it there. A
/// request is found again by its key; one that exists is left as it is, with its messages, time
/// and summary.
/// </summary>
internal sealed class RequestsStep(PortalDbContext db, TimeProvider clock, TurnaroundRules turnaround, RequestSummaries summaries) : IRecipeStepHandler
{
    public string StepName => "Requests";

    private sealed record Data(IReadOnlyList<RequestData> Requests);

    private sealed record RequestData(
        string Key,
        string WorkStream,
        string Requester,
        string Question,
        RequestOutput Output,
        int DeadlineInDays,
        RequestState State = RequestState.Draft,
        int StartedDaysAgo = 0,
        QuestionFrameworkKind Framework = QuestionFrameworkKind.None,
        Parts? Pico = null,
        Parts? Spice = null,
        Parts? Eclipse = null,
        string? Decision = null,
        string? DecisionForum = null,
        int? DecisionInDays = null,
        string? OnBehalfOfName = null,
        string? OnBehalfOfRole = null,
        int? EvidenceFromYear = null,
        int? EvidenceToYear = null,
        string? Geography = null,
        string? CareSettings = null,
        IReadOnlyList<EvidenceTypes>? EvidenceTypes = null,
        string? NotWanted = null,
        string? KnownPapers = null,
        Urgency Urgency = Urgency.Routine,
        string? UrgencyReason = null,
        string? ShortDeadlineReason = null,
        string? Claimant = null,
        string? QuestionForRequester = null,
        RequestState WithdrawnFrom = RequestState.Submitted,
        string? Reason = null,
        string? Mentor = null,
        IReadOnlyList<MessageData>? Messages = null,
        IReadOnlyList<TimeData>? Time = null,
        SummaryData? Summary = null,
        bool PeerReview = false,
        string? AnsweredBy = null,
        SummaryVisibility Consent = SummaryVisibility.RequesterOnly,
        ImpactData? Impact = null);

    /// <summary>The requester's answer to the impact form, <paramref name="DaysAgo"/> days ago.</summary>
    private sealed record ImpactData(
        IReadOnlyList<Core.Impact.ImpactUses> Uses,
        IReadOnlyList<Core.Impact.ImpactContributions>? ContributedTo = null,
        decimal? HoursSaved = null,
        Core.Impact.Recommendation WouldRecommend = Core.Impact.Recommendation.Yes,
        string? Comments = null,
        bool CaseStudyConsent = false,
        int DaysAgo = 0);

    /// <summary>A message in the request's conversation, sent <paramref name="DaysAgo"/> days ago by someone taking part in it.</summary>
    private sealed record MessageData(string From, string Body, int DaysAgo = 0);

    /// <summary>Time the claimant or mentor spent on the request, <paramref name="DaysAgo"/> days ago.</summary>
    private sealed record TimeData(string Librarian, int Minutes, int DaysAgo = 0, string? Note = null);

    /// <summary>A framework's parts; only those of the chosen framework are kept.</summary>
    private sealed record Parts(
        string? Population = null, string? Intervention = null, string? Comparison = null, string? Outcomes = null,
        string? Setting = null, string? Perspective = null, string? Evaluation = null, string? Expectation = null,
        string? ClientGroup = null, string? Location = null, string? Impact = null, string? Professionals = null, string? Service = null);

    /// <summary>The methods that lead from a draft to each state, in order.</summary>
    private static readonly Dictionary<RequestState, RequestState[]> Paths = new Dictionary<RequestState, RequestState[]>
    {
        [RequestState.Draft] = [],
        [RequestState.Submitted] = [RequestState.Submitted],
        [RequestState.Claimed] = [RequestState.Submitted, RequestState.Claimed],
        [RequestState.AwaitingRequester] = [RequestState.Submitted, RequestState.Claimed, RequestState.AwaitingRequester],
        [RequestState.InReview] = [RequestState.Submitted, RequestState.Claimed, RequestState.InReview],
        [RequestState.Delivered] = [RequestState.Submitted, RequestState.Claimed, RequestState.Delivered],
        [RequestState.Closed] = [RequestState.Submitted, RequestState.Claimed, RequestState.Delivered, RequestState.Closed],
    };

    public async Task ExecuteAsync(RecipeStep step, RecipeContext context, CancellationToken cancellationToken)
    {
        var data = StepData.Read<Data>(step);
        var duplicate = data.Requests.GroupBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"Request key {duplicate.Key} is used more than once.");
        }

        var ids = data.Requests.ToDictionary(r => r.Key, r => RecipeIds.For(nameof(EvidenceRequest), r.Key));
        var existing = await db.EvidenceRequests.Where(r => ids.Values.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        var wanted = data.Requests.Where(r => !existing.Contains(ids[r.Key])).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var workStreams = await db.WorkStreams.Include(w => w.Leads).ToDictionaryAsync(w => w.Key, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var emails = wanted.SelectMany(r => new[] { r.Requester, r.Claimant, r.Mentor, r.Summary?.Reviewer }
                .Concat((r.Messages ?? []).Select(m => m.From))
                .Concat((r.Time ?? []).Select(t => t.Librarian)))
            .OfType<string>().Select(e => e.ToUpperInvariant()).Distinct().ToList();
        var users = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!))
            .ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, StringComparer.Ordinal, cancellationToken);
        var librarians = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.Librarian
                select userRole.UserId)
            .ToListAsync(cancellationToken);
        var seekingMentoring = await db.LibrarianProfiles.Where(p => p.SeeksMentoring).Select(p => p.UserId).ToListAsync(cancellationToken);
        var slugs = await db.SearchSummaries.Where(s => s.Slug != null).Select(s => s.Slug!).Distinct().ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var item in wanted)
        {
            if (!workStreams.TryGetValue(item.WorkStream, out var workStream))
            {
                throw new KeyNotFoundException($"Request {item.Key} names work stream {item.WorkStream}, which does not exist.");
            }

            var requester = UserId(users, item.Requester, $"Request {item.Key} names requester");
            if (!workStream.IsLedBy(requester))
            {
                throw new InvalidOperationException($"Request {item.Key}: {item.Requester} does not lead work stream {item.WorkStream}, so cannot request evidence for it.");
            }

            var path = PathTo(item);
            string? claimant = null;
            if (path.Contains(RequestState.Claimed))
            {
                claimant = item.Claimant is null
                    ? throw new FormatException($"Request {item.Key} is to be {item.State}, so it needs a \"claimant\".")
                    : UserId(users, item.Claimant, $"Request {item.Key} names claimant");
                if (!librarians.Contains(claimant))
                {
                    throw new InvalidOperationException($"Request {item.Key} names claimant {item.Claimant}, who is not a librarian.");
                }
            }

            string? mentor = null;
            if (item.Mentor is not null)
            {
                mentor = claimant is null
                    ? throw new FormatException($"Request {item.Key} names a mentor, so it must be claimed.")
                    : UserId(users, item.Mentor, $"Request {item.Key} names mentor");
                if (!librarians.Contains(mentor))
                {
                    throw new InvalidOperationException($"Request {item.Key} names mentor {item.Mentor}, who is not a librarian.");
                }
            }

            if (item.StartedDaysAgo < 0 || (item.Messages ?? []).Any(m => m.DaysAgo < 0) || (item.Time ?? []).Any(t => t.DaysAgo < 0))
            {
                throw new FormatException($"Request {item.Key}: \"startedDaysAgo\" and \"daysAgo\" cannot be negative.");
            }

            var start = now.AddDays(-item.StartedDaysAgo);
            var details = new RequestDetails(
                item.Question,
                Framework(item),
                item.Output,
                today.AddDays(item.DeadlineInDays),
                item.Urgency,
                item.UrgencyReason,
                item.ShortDeadlineReason,
                item.Decision,
                item.DecisionForum,
                item.DecisionInDays is { } days ? today.AddDays(days) : null,
                item.OnBehalfOfName,
                item.OnBehalfOfRole,
                item.EvidenceFromYear,
                item.EvidenceToYear,
                item.Geography,
                item.CareSettings,
                (item.EvidenceTypes ?? []).Aggregate(EvidenceTypes.None, (all, type) => all | type),
                item.NotWanted,
                item.KnownPapers,
                item.PeerReview);
            try
            {
                var request = EvidenceRequest.Draft(workStream, requester, details, start, turnaround, ids[item.Key]);
                var work = new Work(item, requester, claimant, mentor, seekingMentoring.Contains(claimant ?? string.Empty), key => UserId(users, key, $"Request {item.Key} names"), now);
                var at = start;
                for (var i = 0; i < path.Length; i++)
                {
                    // Each step a day after the one before, never later than now.
                    at = start.AddDays(i + 1) < now ? start.AddDays(i + 1) : now;
                    Apply(request, path[i], work, at);
                }

                var afterwards = at.AddDays(1) < now ? at.AddDays(1) : now;
                Share(request, work, slugs, afterwards);
                if (item.Impact is { } impact)
                {
                    db.ImpactAnswers.Add(Answer(request, impact, afterwards, now));
                }

                if (item.Summary is not null && work.Summary is null)
                {
                    // A claimed request may have its summary in draft; earlier states have none.
                    _ = request.State == RequestState.Claimed
                        ? WriteSummary(request, work, now)
                        : throw new FormatException($"Request {item.Key} is {item.State}, so it cannot have a summary.");
                }

                db.EvidenceRequests.Add(request);
                if (work.Summary is not null)
                {
                    db.SearchSummaries.Add(work.Summary);
                    db.SummaryReferences.AddRange(work.References);
                    db.PeerReviews.AddRange(work.Reviews);
                }

                db.RequestMessages.AddRange(work.Conversation);
                db.RequestMessages.AddRange(Messages(item, request, workStream, users, now));
                db.TimeRecords.AddRange((item.Time ?? []).Select(t => TimeRecord.Record(
                    request, UserId(users, t.Librarian, $"Request {item.Key} records time for"), today.AddDays(-t.DaysAgo), t.Minutes, t.Note, now)));
            }
            catch (DomainException refusal)
            {
                throw new InvalidOperationException($"Request {item.Key}: {refusal.Message}", refusal);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static RequestState[] PathTo(RequestData item)
    {
        if (item.AnsweredBy is not null)
        {
            return item.State == RequestState.Closed
                ? [RequestState.Submitted, RequestState.Closed]
                : throw new FormatException($"Request {item.Key} is answered by an existing summary, so its state must be Closed.");
        }

        if (item.State != RequestState.Withdrawn)
        {
            return Paths[item.State];
        }

        if (item.WithdrawnFrom is RequestState.Withdrawn or RequestState.Delivered or RequestState.Closed)
        {
            throw new FormatException($"Request {item.Key} cannot be withdrawn from {item.WithdrawnFrom}.");
        }

        return [.. Paths[item.WithdrawnFrom], RequestState.Withdrawn];
    }

    /// <summary>The step's messages, oldest first; on one day they keep the order the step gives them.</summary>
    private static IEnumerable<RequestMessage> Messages(RequestData item, EvidenceRequest request, WorkStream workStream, Dictionary<string, string> users, DateTimeOffset now)
    {
        var messages = item.Messages ?? [];
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var author = UserId(users, message.From, $"Request {item.Key} has a message from");
            if (author != request.RequesterId && author != request.ClaimantId && author != request.MentorId && !workStream.IsLedBy(author))
            {
                throw new InvalidOperationException($"Request {item.Key} has a message from {message.From}, who does not take part in its conversation.");
            }

            var sentAt = now.AddDays(-message.DaysAgo).AddMinutes(i - messages.Count);
            if (request.SubmittedAt is not { } submitted || sentAt < submitted)
            {
                throw new FormatException($"Request {item.Key} has a message from before it was submitted.");
            }

            yield return RequestMessage.Post(request.Id, author, message.Body, RequestMessageKind.Message, sentAt);
        }
    }

    /// <summary>One request on its way to its state: who takes part, and what the way produced.</summary>
    private sealed class Work(RequestData item, string requester, string? claimant, string? mentor, bool claimantSeeksMentoring, Func<string, string> userId, DateTimeOffset now)
    {
        public RequestData Item { get; } = item;

        public string Requester { get; } = requester;

        public string? Claimant { get; } = claimant;

        public string? Mentor { get; } = mentor;

        public bool ClaimantSeeksMentoring { get; } = claimantSeeksMentoring;

        public Func<string, string> UserId { get; } = userId;

        public DateTimeOffset Now { get; } = now;

        public List<RequestMessage> Conversation { get; } = [];

        public SearchSummary? Summary { get; set; }

        public IReadOnlyList<Reference> References { get; set; } = [];

        public IReadOnlyList<PeerReview> Reviews { get; set; } = [];
    }

    private void Apply(EvidenceRequest request, RequestState next, Work work, DateTimeOffset at)
    {
        var item = work.Item;
        switch (next)
        {
            case RequestState.Submitted:
                request.Submit(work.Requester, at);
                break;
            case RequestState.Claimed:
                request.Claim(work.Claimant!, at, work.Mentor);
                break;
            case RequestState.AwaitingRequester:
                var question = item.QuestionForRequester ?? throw new FormatException($"Request {item.Key} is to be AwaitingRequester, so it needs a \"questionForRequester\".");
                request.AskRequester(work.Claimant!, question, at);
                work.Conversation.Add(RequestMessage.Post(request.Id, work.Claimant!, question, RequestMessageKind.Question, at));
                break;
            case RequestState.InReview:
                RequestSummaries.AskForReview(item.Key, request, WriteSummary(request, work, at), item.Summary!, work.UserId, at);
                break;
            case RequestState.Delivered:
                work.Reviews = summaries.Deliver(item.Key, request, WriteSummary(request, work, at), item.Summary!, work.UserId, work.ClaimantSeeksMentoring, at);
                break;
            case RequestState.Closed when item.AnsweredBy is { } answeredBy:
                request.CloseAsAnswered(work.Requester, RecipeIds.For(nameof(SearchSummary), answeredBy), item.Reason, at);
                break;
            case RequestState.Closed:
                request.Close(work.Requester, item.Reason, at);
                break;
            case RequestState.Withdrawn:
                request.Withdraw(work.Requester, item.Reason, at);
                break;
        }
    }

    /// <summary>
    /// The requester's consent to share, then the summary published as far as the recipe says
    /// (never beyond the consent: the summary refuses), with a slug free among all summaries.
    /// </summary>
    private static void Share(EvidenceRequest request, Work work, List<string> slugs, DateTimeOffset at)
    {
        if (work.Item.Consent != SummaryVisibility.RequesterOnly)
        {
            request.ConsentToSharing(work.Requester, work.Item.Consent, at);
        }

        if (work.Item.Summary is not { Visibility: not SummaryVisibility.RequesterOnly } data)
        {
            return;
        }

        var summary = work.Summary ?? throw new FormatException($"Request {work.Item.Key} has no delivered summary to publish.");
        var slug = Core.Slug.FirstFree(Core.Slug.From(data.Title) is { Length: > 0 } title ? title : "search-summary", slugs);
        summary.Publish(request, work.Claimant!, byCoordinator: false, data.Visibility, slug, at);
        slugs.Add(slug);
    }

    private static Core.Impact.ImpactAnswer Answer(EvidenceRequest request, ImpactData impact, DateTimeOffset earliest, DateTimeOffset now)
    {
        var answeredAt = now.AddDays(-impact.DaysAgo) > earliest ? now.AddDays(-impact.DaysAgo) : earliest;
        request.AskForImpact(answeredAt, afterDays: 0);
        var details = new Core.Impact.ImpactDetails(
            impact.Uses.Aggregate(Core.Impact.ImpactUses.None, (all, use) => all | use),
            (impact.ContributedTo ?? []).Aggregate(Core.Impact.ImpactContributions.None, (all, c) => all | c),
            impact.HoursSaved,
            impact.WouldRecommend,
            impact.Comments,
            impact.CaseStudyConsent);
        return Core.Impact.ImpactAnswer.Record(request, request.RequesterId, details, answeredAt);
    }

    /// <summary>The summary that takes a request into review or to delivery; the recipe must give one.</summary>
    private SearchSummary WriteSummary(EvidenceRequest request, Work work, DateTimeOffset at)
    {
        var data = work.Item.Summary ?? throw new FormatException($"Request {work.Item.Key} is to be {work.Item.State}, so it needs a \"summary\": a request goes into review or is delivered with its search summary.");
        (work.Summary, work.References) = summaries.Write(work.Item.Key, request, data, at, work.Now);
        return work.Summary;
    }

    private static QuestionFramework Framework(RequestData item)
    {
        var parts = item.Framework switch
        {
            QuestionFrameworkKind.Pico => item.Pico,
            QuestionFrameworkKind.Spice => item.Spice,
            QuestionFrameworkKind.Eclipse => item.Eclipse,
            _ => null,
        } ?? new Parts();
        return new QuestionFramework(item.Framework, parts.Population, parts.Intervention, parts.Comparison, parts.Outcomes, parts.Setting,
            parts.Perspective, parts.Evaluation, parts.Expectation, parts.ClientGroup, parts.Location, parts.Impact, parts.Professionals, parts.Service);
    }

    private static string UserId(Dictionary<string, string> users, string email, string what) =>
        users.TryGetValue(email.ToUpperInvariant(), out var id) ? id : throw new KeyNotFoundException($"{what} {email}, who has no account.");
}
