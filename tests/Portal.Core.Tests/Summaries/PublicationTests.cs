using Portal.Core.Requests;
using Portal.Core.Summaries;
using static Portal.Core.Tests.Requests;

namespace Portal.Core.Tests.Summaries;

/// <summary>
/// Sharing a summary: the requester agrees (or takes it back) once it is delivered; an author or a
/// coordinator publishes a final summary no further than that, with a slug fixed by the first
/// publication and kept by re-runs.
/// </summary>
public sealed class PublicationTests
{
    private const string Coordinator = "coordinator-1";

    private static (EvidenceRequest Request, SearchSummary Summary) Final()
    {
        var request = In(RequestState.Submitted);
        request.Claim(Librarian, Now);
        var summary = SearchSummary.Start(request, Librarian, Now);
        summary.Edit(Librarian, SummaryContent.ForRequest(request) with
        {
            Title = "Falls prevention: what works?",
            Search = new SearchReport([new SearchSource("MEDLINE", "Ovid", "1946 to present", Today, 12, ["exp Accidental Falls/"], null)], OtherMethods.None, RecordsFound: 12, RecordsSelected: 3),
            Findings = "Exercise works.",
            ReviewDate = Today.AddMonths(12),
        }, "<p>Exercise works.</p>", Now);
        summary.Deliver(request, Librarian, approvalRequired: false, Now);
        summary.TakeDomainEvents();
        request.TakeDomainEvents();
        return (request, summary);
    }

    [Fact]
    public void The_requester_consents_to_sharing_once_delivered_and_can_take_it_back()
    {
        var (request, _) = Final();

        request.ConsentToSharing(Requester, SummaryVisibility.Public, Now.AddDays(1));

        Assert.Equal((SummaryVisibility.Public, Now.AddDays(1)), (request.SharingConsent, request.SharingConsentAt));
        var changed = Assert.IsType<RequestSharingConsentChanged>(Assert.Single(request.DomainEvents));
        Assert.Equal((SummaryVisibility.RequesterOnly, SummaryVisibility.Public), (changed.From, changed.To));

        request.ConsentToSharing(Requester, SummaryVisibility.RequesterOnly, Now.AddDays(2));

        Assert.Equal(SummaryVisibility.RequesterOnly, request.SharingConsent);
        Assert.Null(request.SharingConsentAt);
    }

    [Fact]
    public void Only_the_requester_consents_and_only_after_delivery()
    {
        var (delivered, _) = Final();
        var claimed = In(RequestState.Claimed);

        var someoneElse = Assert.Throws<DomainException>(() => delivered.ConsentToSharing(Librarian, SummaryVisibility.Public, Now));
        var tooEarly = Assert.Throws<DomainException>(() => claimed.ConsentToSharing(Requester, SummaryVisibility.Public, Now));
        var nonsense = Assert.Throws<DomainException>(() => delivered.ConsentToSharing(Requester, (SummaryVisibility)7, Now));

        Assert.Equal(RuleViolationKind.NotYours, someoneElse.Kind);
        Assert.Equal(RuleViolationKind.WrongState, tooEarly.Kind);
        Assert.Equal(RuleViolationKind.Invalid, nonsense.Kind);
        Assert.Equal(SummaryVisibility.RequesterOnly, delivered.SharingConsent);
    }

    [Fact]
    public void Publishing_without_consent_is_refused_and_changes_nothing()
    {
        var (request, summary) = Final();

        var refused = Assert.Throws<DomainException>(() => summary.Publish(request, Librarian, byCoordinator: false, SummaryVisibility.Members, "falls", Now));

        Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
        Assert.Contains("has not agreed", refused.Message, StringComparison.Ordinal);
        Assert.Equal((SummaryVisibility.RequesterOnly, (string?)null, (DateTimeOffset?)null), (summary.Visibility, summary.Slug, summary.PublishedAt));
        Assert.Empty(summary.DomainEvents);
    }

    [Fact]
    public void Publishing_goes_no_further_than_the_consent()
    {
        var (request, summary) = Final();
        request.ConsentToSharing(Requester, SummaryVisibility.Members, Now);

        var toPublic = Assert.Throws<DomainException>(() => summary.Publish(request, Librarian, false, SummaryVisibility.Public, "falls", Now));
        summary.Publish(request, Librarian, false, SummaryVisibility.Members, "falls", Now);

        Assert.Contains("members only", toPublic.Message, StringComparison.Ordinal);
        Assert.Equal(SummaryVisibility.Members, summary.Visibility);
    }

    [Fact]
    public void Someone_elses_summary_is_published_only_by_a_coordinator()
    {
        var (request, summary) = Final();
        request.ConsentToSharing(Requester, SummaryVisibility.Public, Now);

        var notYours = Assert.Throws<DomainException>(() => summary.Publish(request, OtherLibrarian, byCoordinator: false, SummaryVisibility.Public, "falls", Now));
        summary.Publish(request, Coordinator, byCoordinator: true, SummaryVisibility.Public, "falls", Now);

        Assert.Equal(RuleViolationKind.NotYours, notYours.Kind);
        var published = Assert.IsType<SummaryPublished>(Assert.Single(summary.DomainEvents));
        Assert.Equal((Coordinator, SummaryVisibility.RequesterOnly, SummaryVisibility.Public), (published.By, published.From, published.To));
    }

    [Fact]
    public void A_draft_is_not_published()
    {
        var request = In(RequestState.Claimed);
        var draft = SearchSummary.Start(request, Librarian, Now);

        var refused = Assert.Throws<DomainException>(() => draft.Publish(request, Librarian, false, SummaryVisibility.Public, "falls", Now));

        Assert.Equal(RuleViolationKind.WrongState, refused.Kind);
    }

    [Fact]
    public void The_first_publication_fixes_the_slug_and_withdrawal_and_rerun_keep_it()
    {
        var (request, summary) = Final();
        request.ConsentToSharing(Requester, SummaryVisibility.Public, Now);

        summary.Publish(request, Librarian, false, SummaryVisibility.Public, "Falls prevention: what works?", Now);
        summary.Publish(request, Librarian, false, SummaryVisibility.RequesterOnly, "something-else", Now.AddDays(1));
        summary.Publish(request, Librarian, false, SummaryVisibility.Members, "something-else", Now.AddDays(2));
        var rerun = summary.StartRerun(OtherLibrarian, Now.AddDays(3));

        Assert.Equal("falls-prevention-what-works", summary.Slug);
        Assert.Equal(Now.AddDays(2), summary.PublishedAt);
        Assert.Equal("falls-prevention-what-works", rerun.Slug);
        Assert.Equal(SummaryVisibility.RequesterOnly, rerun.Visibility);
    }

    [Fact]
    public void Withdrawing_clears_the_publication_date()
    {
        var (request, summary) = Final();
        request.ConsentToSharing(Requester, SummaryVisibility.Public, Now);
        summary.Publish(request, Librarian, false, SummaryVisibility.Public, "falls", Now);

        summary.Publish(request, Librarian, false, SummaryVisibility.RequesterOnly, "falls", Now.AddDays(1));

        Assert.Equal((SummaryVisibility.RequesterOnly, (DateTimeOffset?)null), (summary.Visibility, summary.PublishedAt));
    }

    [Fact]
    public void Slugs_are_made_free_of_those_taken()
    {
        Assert.Equal("falls-prevention-what-works", Slug.From("Falls prevention: what works?"));
        Assert.Equal("falls-2", Slug.FirstFree("falls", ["falls"]));
        Assert.Equal("falls-3", Slug.FirstFree("falls", ["falls", "falls-2"]));
        Assert.Equal("falls", Slug.FirstFree("falls", ["falls-2"]));
    }
}
