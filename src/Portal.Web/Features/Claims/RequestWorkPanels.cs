using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Requests;
using Portal.Data;
using Portal.Theming.TagHelpers;
using Portal.Web.Features.Librarians;
using Portal.Web.Features.Requests;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Claims;

/// <summary>
/// Builds what the request page shows of the work on a request for the person looking: the claim
/// and mentor buttons, the claimant's and requester's actions, the conversation and the time.
/// Scoped to one HTTP request, so the page's two sections share one build.
/// </summary>
public sealed class RequestWorkPanels(PortalDbContext db, RequestActions requests, LibrarianDirectory librarians, TimeProvider clock)
{
    private static readonly RequestState[] Mentorable = [RequestState.Claimed, RequestState.AwaitingRequester, RequestState.InReview];

    private readonly Dictionary<Guid, RequestWorkPanel?> _built = [];

    /// <summary>The panel, or null when the person may not see the request.</summary>
    public async Task<RequestWorkPanel?> ForAsync(Viewer viewer, Guid requestId, ClaimsForm? form, ITempDataDictionary? tempData, CancellationToken cancellationToken)
    {
        if (!_built.TryGetValue(requestId, out var panel))
        {
            panel = await BuildAsync(viewer, requestId, form, Notice(tempData), cancellationToken);
            _built[requestId] = panel;
        }

        return panel;
    }

    private async Task<RequestWorkPanel?> BuildAsync(Viewer viewer, Guid id, ClaimsForm? form, ClaimNotice? notice, CancellationToken cancellationToken)
    {
        var found = await requests.FindVisibleAsync(viewer, id, tracked: false, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var request = found.Request;
        var me = viewer.UserId;
        var isClaimant = request.ClaimantId == me;
        var isMentor = request.MentorId == me;
        var isRequester = request.RequesterId == me;
        var takesPart = viewer.TakesPartIn(request, found.WorkStream);
        var profile = viewer.MayClaim ? await librarians.ProfileOrDefaultAsync(me, tracked: false, cancellationToken) : null;

        var mayClaim = profile is not null && request.State == RequestState.Submitted && !isRequester;
        string? capacityNote = null;
        IReadOnlyList<SelectOption> mentors = [];
        if (mayClaim)
        {
            var open = await librarians.OpenClaimsOfAsync(me, cancellationToken);
            capacityNote = profile!.Capacity == 0
                ? "Your profile says you are not taking searches at the moment."
                : $"You hold {open} of the {profile.Capacity} searches your profile says you can take at a time.";
            if (profile.SeeksMentoring)
            {
                mentors = await MentorsAsync(except: [me, request.RequesterId], cancellationToken);
            }
        }

        var messages = takesPart ? await db.MessagesOfAsync(id, cancellationToken) : [];
        var times = takesPart ? await db.TimeRecordsOfAsync(id, cancellationToken) : [];
        var names = await db.DisplayNamesAsync(new[] { request.ClaimantId, request.MentorId }.OfType<string>(), cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new RequestWorkPanel(
            id,
            request.Details.Question,
            request.State,
            request.ClaimantId is { } claimant ? names.GetValueOrDefault(claimant, "Unknown") : null,
            request.MentorId is { } mentor ? names.GetValueOrDefault(mentor, "Unknown") : null,
            notice,
            mayClaim,
            capacityNote,
            mentors,
            MayJoinAsMentor: profile is { OffersMentoring: true } && Mentorable.Contains(request.State) && request.MentorId is null && !isClaimant && !isRequester,
            MayRelease: isClaimant && request.State == RequestState.Claimed,
            MayAsk: isClaimant && request.State == RequestState.Claimed,
            MayAnswer: isRequester && request.State == RequestState.AwaitingRequester,
            OpenQuestion: request.State == RequestState.AwaitingRequester ? messages.LastOrDefault(m => m.Kind == RequestMessageKind.Question) : null,
            takesPart,
            MayPost: takesPart && request.State is not (RequestState.Draft or RequestState.Withdrawn or RequestState.Closed),
            messages,
            MayRecordTime: profile is not null && (isClaimant || isMentor),
            times,
            form ?? ClaimsForm.Blank(today));
    }

    /// <summary>Active librarians whose profiles offer mentoring, by name.</summary>
    private async Task<IReadOnlyList<SelectOption>> MentorsAsync(string[] except, CancellationToken cancellationToken)
    {
        var active = await librarians.ActiveLibrarianIdsAsync(cancellationToken);
        var offering = await db.LibrarianProfiles.AsNoTracking()
            .Where(p => p.OffersMentoring && active.Contains(p.UserId) && !except.Contains(p.UserId))
            .Select(p => p.UserId).ToListAsync(cancellationToken);
        var names = await db.DisplayNamesAsync(offering, cancellationToken);
        return offering.Select(m => new SelectOption(m, names.GetValueOrDefault(m, m))).OrderBy(o => o.Text, StringComparer.CurrentCulture).ToList();
    }

    private static ClaimNotice? Notice(ITempDataDictionary? tempData) =>
        tempData?[ClaimNotices.TextKey] is string text ? new ClaimNotice(text, tempData[ClaimNotices.KindKey] as string != "success") : null;
}

/// <summary>What the request page shows of the work on a request, for one person.</summary>
public sealed record RequestWorkPanel(
    Guid RequestId,
    string Question,
    RequestState State,
    string? ClaimantName,
    string? MentorName,
    ClaimNotice? Notice,
    bool MayClaim,
    string? CapacityNote,
    IReadOnlyList<SelectOption> Mentors,
    bool MayJoinAsMentor,
    bool MayRelease,
    bool MayAsk,
    bool MayAnswer,
    ConversationMessage? OpenQuestion,
    bool TakesPart,
    bool MayPost,
    IReadOnlyList<ConversationMessage> Messages,
    bool MayRecordTime,
    IReadOnlyList<TimeRow> TimeRecords,
    ClaimsForm Form)
{
    /// <summary>Whether the claim section has anything to offer this person.</summary>
    public bool HasActions => MayClaim || MayJoinAsMentor || MayRelease || MayAsk || MayAnswer || MentorName is not null;

    public int TotalMinutes => TimeRecords.Sum(t => t.Minutes);
}
