using System.Net;
using Portal.Testing;
using static Portal.Web.Tests.PublicationSite;
using static Portal.Web.Tests.RequestsSite;
using static Portal.Web.Tests.SummaryReviewSite;

namespace Portal.Web.Tests;

/// <summary>
/// The consent form on the request page, the sharing section on the summary page, the stable
/// address /evidence/{slug} and the listings, for the requester, the author, members and visitors.
/// </summary>
[Collection(Collection)]
public sealed class PublicationPageTests(SummaryReviewSiteFixture site)
{
    private const string LicensedAbstract = "Licensed abstract text that only the requester and the workers may read.";
    private const string OpenAbstract = "Open abstract text from PubMed.";

    private PortalProcess Portal => site.Portal;

    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task The_requester_agrees_on_the_request_page_and_the_author_publishes_on_the_summary_page()
    {
        var title = UniqueTitle("Chair-based exercise and falls");
        var summary = await Portal.PublicationFinalAsync(title);
        using var helen = await Portal.SignedInAsync(Helen);
        using var author = Portal.CreateClient();
        (await author.SignInAsync(summary.Author.Email, TestSite.DemoPassword)).Dispose();

        var requestPage = await helen.GetStringAsync($"/requests/{summary.RequestId}");
        var beforeConsent = await author.GetStringAsync($"/summaries/{summary.SummaryId}");
        using var refused = await author.PostFormAsync($"/summaries/{summary.SummaryId}", $"/summaries/{summary.SummaryId}/publish", [new("Visibility", "Public")]);
        using var consented = await helen.PostFormAsync($"/requests/{summary.RequestId}", $"/requests/{summary.RequestId}/consent", [new("Scope", "Members")]);
        var afterConsent = await author.GetStringAsync($"/summaries/{summary.SummaryId}");
        using var published = await author.PostFormAsync($"/summaries/{summary.SummaryId}", $"/summaries/{summary.SummaryId}/publish", [new("Visibility", "Members")]);

        Assert.Contains("Sharing the summary", requestPage, StringComparison.Ordinal);
        Assert.Contains("name=\"Scope\"", requestPage, StringComparison.Ordinal);
        Assert.Contains("has not agreed to share this summary", beforeConsent, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Visibility\"", beforeConsent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("has not agreed", await HtmlAsync(refused), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, consented.StatusCode);
        Assert.Contains("name=\"Visibility\"", afterConsent, StringComparison.Ordinal);
        // Only as far as the consent goes: no "Public" choice.
        Assert.DoesNotContain("value=\"Public\"", afterConsent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var slug = Core.Slug.From(title);
        Assert.Equal(("Members", slug), await Portal.PublicationRowAsync(summary.SummaryId));
        var summaryPage = await author.GetStringAsync($"/summaries/{summary.SummaryId}");
        Assert.Contains($"/evidence/{slug}", summaryPage, StringComparison.Ordinal);
        Assert.Contains("Reused 0 times", summaryPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_summary_cannot_be_published_from_the_page_without_the_coordinator_role()
    {
        var summary = await Portal.PublicationFinalAsync(UniqueTitle("Not your summary"), consent: "Public");
        using var lena = await Portal.SignedInAsync(TestSite.LibrarianEmail);

        var page = await lena.GetStringAsync($"/summaries/{summary.SummaryId}");
        using var refused = await lena.PostFormAsync($"/summaries/{summary.SummaryId}", $"/summaries/{summary.SummaryId}/publish", [new("Visibility", "Public")]);

        Assert.DoesNotContain("name=\"Visibility\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("RequesterOnly", (await Portal.PublicationRowAsync(summary.SummaryId)).Visibility);
    }

    [Fact]
    public async Task Anyone_reads_a_public_summary_but_only_members_read_a_members_one()
    {
        var open = await Portal.PublicationFinalAsync(UniqueTitle("Open to all"), consent: "Public");
        var closed = await Portal.PublicationFinalAsync(UniqueTitle("Members only"), consent: "Public");
        var unpublished = await Portal.PublicationFinalAsync(UniqueTitle("Never published"), consent: "Public");
        var openSlug = await Portal.PublishedSlugAsync(open, "Public");
        var closedSlug = await Portal.PublishedSlugAsync(closed, "Members");
        // Published once and withdrawn: the slug stays with the series but leads nowhere for others.
        var withdrawnSlug = await Portal.PublishedSlugAsync(unpublished, "Members");
        await Portal.PublishedSlugAsync(unpublished, "RequesterOnly");
        using var anonymous = Portal.CreateClient();
        using var member = await Portal.SignedInAsync(TestSite.MemberEmail);

        using var publicPage = await anonymous.GetAsync($"/evidence/{openSlug}");
        using var membersPage = await anonymous.GetAsync($"/evidence/{closedSlug}");
        using var nothing = await anonymous.GetAsync("/evidence/no-such-summary-at-all");
        using var memberReads = await member.GetAsync($"/evidence/{closedSlug}");
        using var memberWithdrawn = await member.GetAsync($"/evidence/{withdrawnSlug}");
        using var memberNothing = await member.GetAsync("/evidence/no-such-summary-at-all");
        var anonymousList = await anonymous.GetStringAsync("/evidence");
        var memberList = await member.GetStringAsync("/evidence");

        Assert.Equal(HttpStatusCode.OK, publicPage.StatusCode);
        var html = await HtmlAsync(publicPage);
        Assert.Contains("Cite this", html, StringComparison.Ordinal);
        Assert.Contains($"/evidence/{openSlug} (accessed", html, StringComparison.Ordinal);
        Assert.Contains("[search summary, version 1]", html, StringComparison.Ordinal);
        Assert.Contains(TestSite.SiteName, html, StringComparison.Ordinal);
        Assert.Contains("Reused 0 times", html, StringComparison.Ordinal);
        // Visitors are asked to sign in, whether or not the address exists.
        Assert.Equal(HttpStatusCode.Redirect, membersPage.StatusCode);
        Assert.Contains("sign-in", membersPage.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, nothing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, memberReads.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, memberWithdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, memberNothing.StatusCode);
        Assert.Contains($"/evidence/{openSlug}", anonymousList, StringComparison.Ordinal);
        Assert.DoesNotContain($"/evidence/{closedSlug}", anonymousList, StringComparison.Ordinal);
        Assert.Contains($"/evidence/{closedSlug}", memberList, StringComparison.Ordinal);
        Assert.DoesNotContain($"/evidence/{withdrawnSlug}\"", memberList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_reading_a_published_summary_does_not_see_its_peer_reviews()
    {
        // The demo's peer support summary was reviewed and approved by Lena, then published to members.
        var summary = $"/summaries/{RecipeSummary("cmh-peer-support")}";
        using var member = await Portal.SignedInAsync(TestSite.MemberEmail);
        using var reviewer = await Portal.SignedInAsync("lena.hartley@example.org");

        var asMember = await member.GetStringAsync(summary);
        var asReviewer = await reviewer.GetStringAsync(summary);

        Assert.Contains("Peer reviews", asReviewer, StringComparison.Ordinal);
        Assert.Contains("A clear, well-built search.", asReviewer, StringComparison.Ordinal);
        Assert.DoesNotContain("Peer reviews", asMember, StringComparison.Ordinal);
        Assert.DoesNotContain("A clear, well-built search.", asMember, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taking_consent_back_hides_a_published_summary_at_once()
    {
        var summary = await Portal.PublicationFinalAsync(UniqueTitle("Consent taken back"), consent: "Public");
        var slug = await Portal.PublishedSlugAsync(summary, "Public");
        using var anonymous = Portal.CreateClient();
        using var before = await anonymous.GetAsync($"/evidence/{slug}");
        using var helen = await Portal.SignedInAsync(Helen);

        using var takenBack = await helen.PostFormAsync($"/requests/{summary.RequestId}", $"/requests/{summary.RequestId}/consent", [new("Scope", "RequesterOnly")]);
        using var after = await anonymous.GetAsync($"/evidence/{slug}");
        using var requesterStillReads = await helen.GetAsync($"/evidence/{slug}");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, takenBack.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, requesterStillReads.StatusCode);
    }

    [Fact]
    public async Task Licensed_abstracts_are_hidden_from_readers_of_a_published_summary()
    {
        var summary = await Portal.PublicationFinalAsync(UniqueTitle("Abstracts"), consent: "Public");
        await Portal.SummaryReferencesInsertedAsync(summary.SummaryId,
            new SummaryTestReference("A licensed record", ["Smith, J"], Abstract: LicensedAbstract, Database: "Embase"),
            new SummaryTestReference("An open record", ["Jones, K"], Abstract: OpenAbstract, Database: "PubMed"));
        var slug = await Portal.PublishedSlugAsync(summary, "Public");
        using var anonymous = Portal.CreateClient();
        using var member = await Portal.SignedInAsync(TestSite.MemberEmail);
        using var helen = await Portal.SignedInAsync(Helen);

        var visitor = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/evidence/{slug}"));
        var memberPage = WebUtility.HtmlDecode(await member.GetStringAsync($"/summaries/{summary.SummaryId}"));
        var memberCsv = await member.GetStringAsync($"/summaries/{summary.SummaryId}/references.csv");
        var memberRis = await member.GetStringAsync($"/summaries/{summary.SummaryId}/references.ris");
        var requester = WebUtility.HtmlDecode(await helen.GetStringAsync($"/summaries/{summary.SummaryId}"));
        var requesterAtAddress = WebUtility.HtmlDecode(await helen.GetStringAsync($"/evidence/{slug}"));

        Assert.Contains("A licensed record", visitor, StringComparison.Ordinal);
        Assert.DoesNotContain(LicensedAbstract, visitor, StringComparison.Ordinal);
        Assert.DoesNotContain(LicensedAbstract, memberPage, StringComparison.Ordinal);
        // The member cannot open the request, so the page does not send them there.
        Assert.DoesNotContain($"/requests/{summary.RequestId}\"", memberPage, StringComparison.Ordinal);
        Assert.Contains($"/requests/{summary.RequestId}\"", requester, StringComparison.Ordinal);
        Assert.DoesNotContain(LicensedAbstract, memberCsv, StringComparison.Ordinal);
        Assert.DoesNotContain(LicensedAbstract, memberRis, StringComparison.Ordinal);
        Assert.Contains(LicensedAbstract, requester, StringComparison.Ordinal);
        Assert.Contains(LicensedAbstract, requesterAtAddress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Published_summaries_are_listed_on_the_work_stream_the_evidence_page_by_filter_and_the_home_page()
    {
        var summary = await Portal.PublicationFinalAsync(UniqueTitle("Listed everywhere"), consent: "Public");
        var slug = await Portal.PublishedSlugAsync(summary, "Public");
        using var anonymous = Portal.CreateClient();
        using var member = await Portal.SignedInAsync(TestSite.MemberEmail);

        var home = await anonymous.GetStringAsync("/");
        var workStream = await member.GetStringAsync($"/workstreams/{Frailty}");
        var byTopic = await anonymous.GetStringAsync("/evidence?Topic=falls-prevention");
        var bySystem = await anonymous.GetStringAsync("/evidence?System=E54000050");
        var otherTopic = await anonymous.GetStringAsync("/evidence?Topic=no-such-topic");
        var otherStream = await member.GetStringAsync($"/evidence?WorkStream={MentalHealth}");
        var mentalHealth = await member.GetStringAsync($"/workstreams/{MentalHealth}");

        Assert.Contains($"/evidence/{slug}", home, StringComparison.Ordinal);
        Assert.Contains("Recently published evidence", home, StringComparison.Ordinal);
        Assert.Contains($"/evidence/{slug}", workStream, StringComparison.Ordinal);
        Assert.Contains($"/evidence/{slug}", byTopic, StringComparison.Ordinal);
        Assert.Contains($"/evidence/{slug}", bySystem, StringComparison.Ordinal);
        Assert.DoesNotContain($"/evidence/{slug}", otherTopic, StringComparison.Ordinal);
        Assert.DoesNotContain($"/evidence/{slug}", otherStream, StringComparison.Ordinal);
        Assert.DoesNotContain($"/evidence/{slug}", mentalHealth, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_as_answered_with_a_bogus_summary_id_comes_back_with_the_error()
    {
        var requestId = await Portal.SummaryReviewRequestAsync();
        using var helen = await Portal.SignedInAsync(Helen);

        using var bogus = await helen.PostFormAsync($"/requests/{requestId}", $"/requests/{requestId}/close", [new("AnsweredBySummaryId", Guid.NewGuid().ToString())]);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, bogus.StatusCode);
        Assert.Contains("Enter the id of a delivered search summary that you can read", await HtmlAsync(bogus), StringComparison.Ordinal);
        Assert.Equal("Submitted", (await Portal.RequestRowAsync(requestId)).State);
    }
}
