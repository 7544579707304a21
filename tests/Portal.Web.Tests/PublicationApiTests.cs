using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Summaries;
using Portal.Testing;
using static Portal.Web.Tests.PublicationSite;
using static Portal.Web.Tests.RequestsSite;
using static Portal.Web.Tests.SummaryReviewSite;

namespace Portal.Web.Tests;

/// <summary>/api/v1/requests/{id}/consent, /api/v1/summaries/{id}/publish and GET /api/v1/summaries, and every way to get them wrong.</summary>
[Collection(Collection)]
public sealed class PublicationApiTests(SummaryReviewSiteFixture site)
{
    private PortalProcess Portal => site.Portal;

    private static async Task<IReadOnlyList<JsonElement>> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/v1/summaries{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    [Fact]
    public async Task The_requester_consents_and_the_author_publishes_to_members_at_a_stable_address()
    {
        var title = UniqueTitle("Strength training and falls");
        var summary = await Portal.PublicationFinalAsync(title);
        using var helen = await Portal.ApiAsAsync(Helen);

        using var consent = await helen.PostAsJsonAsync($"/api/v1/requests/{summary.RequestId}/consent", new { scope = "Members" });
        var (status, body) = await Portal.PublishAsync(summary.Author.Token, summary.SummaryId, new { visibility = "Members" });

        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Equal("Members", (await consent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sharingConsent").GetString());
        Assert.Equal(HttpStatusCode.OK, status);
        var slug = body.GetProperty("slug").GetString()!;
        Assert.Equal(Core.Slug.From(title), slug);
        Assert.Equal($"/evidence/{slug}", body.GetProperty("address").GetString());
        Assert.Equal(("Members", slug), await Portal.PublicationRowAsync(summary.SummaryId));
        // The author is told by the requester's consent (SummarySharing).
        Assert.Contains(await Portal.QueryAsync("SELECT Text FROM Notifications WHERE UserId = $user AND Kind = 'SummarySharing'", ("$user", summary.Author.Id)),
            row => ((string)row["Text"]!).Contains("agreed to share", StringComparison.Ordinal));

        using var member = await Portal.ApiAsAsync(TestSite.MemberEmail);
        using var anonymous = Portal.CreateClient();
        Assert.Contains(await ListAsync(member, "?visibility=Members&workstream=" + Frailty), e => e.GetProperty("slug").GetString() == slug);
        Assert.DoesNotContain(await ListAsync(anonymous, string.Empty), e => e.GetProperty("slug").GetString() == slug);
        Assert.DoesNotContain(await ListAsync(member, "?visibility=Public"), e => e.GetProperty("slug").GetString() == slug);
    }

    [Fact]
    public async Task Publishing_without_consent_is_refused_and_nothing_changes()
    {
        var summary = await Portal.PublicationFinalAsync(UniqueTitle("No consent yet"));

        var (status, body) = await Portal.PublishAsync(summary.Author.Token, summary.SummaryId, new { visibility = "Public" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("has not agreed", body.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(("RequesterOnly", (string?)null), await Portal.PublicationRowAsync(summary.SummaryId));
    }

    [Fact]
    public async Task Publishing_beyond_the_consent_is_refused()
    {
        var summary = await Portal.PublicationFinalAsync(UniqueTitle("Members only consent"), consent: "Members");

        var (status, body) = await Portal.PublishAsync(summary.Author.Token, summary.SummaryId, new { visibility = "Public" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("members only", body.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("RequesterOnly", (await Portal.PublicationRowAsync(summary.SummaryId)).Visibility);
    }

    [Fact]
    public async Task Someone_elses_summary_is_403_without_the_coordinator_role_and_a_coordinator_publishes_it()
    {
        var summary = await Portal.PublicationFinalAsync(UniqueTitle("Coordinator publishes"), consent: "Public");
        var other = (await Portal.NewLibrariansAsync(1))[0];

        var (otherStatus, _) = await Portal.PublishAsync(other.Token, summary.SummaryId, new { visibility = "Public" });
        var (coordinatorStatus, coordinatorBody) = await Portal.PublishAsync(TestSite.AdminApiToken, summary.SummaryId, new { visibility = "Public" });

        Assert.Equal(HttpStatusCode.Forbidden, otherStatus);
        Assert.Equal(HttpStatusCode.OK, coordinatorStatus);
        Assert.Equal("Public", coordinatorBody.GetProperty("visibility").GetString());
        // The author hears that someone else published it.
        Assert.Contains(await Portal.QueryAsync("SELECT Text FROM Notifications WHERE UserId = $user AND Kind = 'SummarySharing'", ("$user", summary.Author.Id)),
            row => ((string)row["Text"]!).Contains("to the public", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_visibilities_and_scopes_are_400_and_consent_is_the_requesters_alone()
    {
        var summary = await Portal.PublicationFinalAsync(UniqueTitle("Bad input"));
        using var helen = await Portal.ApiAsAsync(Helen);
        using var author = Portal.Api(summary.Author.Token);

        var (missing, _) = await Portal.PublishAsync(summary.Author.Token, summary.SummaryId, new { });
        var (number, _) = await Portal.PublishAsync(summary.Author.Token, summary.SummaryId, new { visibility = "2" });
        var (nonsense, nonsenseBody) = await Portal.PublishAsync(summary.Author.Token, summary.SummaryId, new { visibility = "Everyone" });
        var (unknown, _) = await Portal.PublishAsync(summary.Author.Token, Guid.NewGuid(), new { visibility = "Public" });
        using var badScope = await helen.PostAsJsonAsync($"/api/v1/requests/{summary.RequestId}/consent", new { scope = "World" });
        using var notTheRequester = await author.PostAsJsonAsync($"/api/v1/requests/{summary.RequestId}/consent", new { scope = "Public" });
        using var badList = await helen.GetAsync("/api/v1/summaries?visibility=RequesterOnly");

        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal(HttpStatusCode.BadRequest, number);
        Assert.Equal(HttpStatusCode.BadRequest, nonsense);
        Assert.True(nonsenseBody.GetProperty("errors").TryGetProperty("visibility", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notTheRequester.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badList.StatusCode);
        Assert.Equal("RequesterOnly", await Portal.ScalarAsync<string>("SELECT SharingConsent FROM EvidenceRequests WHERE Id = $id", ("$id", CoordinationSite.Key(summary.RequestId))));
    }

    [Fact]
    public async Task Consent_before_delivery_is_a_conflict()
    {
        var draft = await Portal.SummaryReviewDraftAsync();
        using var helen = await Portal.ApiAsAsync(Helen);

        using var early = await helen.PostAsJsonAsync($"/api/v1/requests/{draft.RequestId}/consent", new { scope = "Public" });

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
    }

    [Fact]
    public async Task Two_summaries_with_the_same_title_get_different_slugs()
    {
        var title = UniqueTitle("Same title twice");
        var first = await Portal.PublicationFinalAsync(title, consent: "Public");
        var second = await Portal.PublicationFinalAsync(title, consent: "Public");

        var firstSlug = await Portal.PublishedSlugAsync(first, "Public");
        var secondSlug = await Portal.PublishedSlugAsync(second, "Public");

        Assert.Equal(Core.Slug.From(title), firstSlug);
        Assert.Equal(firstSlug + "-2", secondSlug);
        Assert.Equal(("Public", firstSlug), await Portal.PublicationRowAsync(first.SummaryId));
        Assert.Equal(("Public", secondSlug), await Portal.PublicationRowAsync(second.SummaryId));
        using var anonymous = Portal.CreateClient();
        using var firstPage = await anonymous.GetAsync($"/evidence/{firstSlug}");
        using var secondPage = await anonymous.GetAsync($"/evidence/{secondSlug}");
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (firstPage.StatusCode, secondPage.StatusCode));
    }

    [Fact]
    public async Task The_stable_address_survives_a_title_edit_a_withdrawal_and_a_rerun()
    {
        var summary = await Portal.PublicationFinalAsync(UniqueTitle("Before the edit"), consent: "Public");
        var slug = await Portal.PublishedSlugAsync(summary, "Public");
        await Portal.RetitleAsync(summary.SummaryId, "After the edit");
        Assert.Equal(slug, await Portal.PublishedSlugAsync(summary, "RequesterOnly"));
        Assert.Equal(slug, await Portal.PublishedSlugAsync(summary, "Public"));

        using var author = Portal.Api(summary.Author.Token);
        using var rerun = await author.PostAsync($"/api/v1/summaries/{summary.SummaryId}/versions", null);
        Assert.Equal(HttpStatusCode.Created, rerun.StatusCode);
        var secondId = (await rerun.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await Portal.SummaryReviewDbAsync(async db =>
        {
            var second = await db.SearchSummaries.SingleAsync(s => s.Id == secondId);
            var request = await db.EvidenceRequests.SingleAsync(r => r.Id == summary.RequestId);
            second.Edit(summary.Author.Id, SummaryReviewContent(request, "Re-run with a new title"), second.FindingsHtml, DateTimeOffset.UtcNow);
            second.Deliver(request, summary.Author.Id, approvalRequired: false, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            return 0;
        });
        var (status, body) = await Portal.PublishAsync(summary.Author.Token, secondId, new { visibility = "Public" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(slug, body.GetProperty("slug").GetString());
        using var anonymous = Portal.CreateClient();
        var newest = await anonymous.GetStringAsync($"/evidence/{slug}");
        var first = await anonymous.GetStringAsync($"/evidence/{slug}/versions/1");
        Assert.Contains("Re-run with a new title", newest, StringComparison.Ordinal);
        Assert.Contains($"/evidence/{slug}/versions/1", newest, StringComparison.Ordinal);
        Assert.Contains("After the edit", first, StringComparison.Ordinal);
        Assert.Contains("This is an earlier version", first, StringComparison.Ordinal);
        var listed = Assert.Single(await ListAsync(anonymous, $"?workstream={Frailty}"), e => e.GetProperty("slug").GetString() == slug);
        Assert.Equal(2, listed.GetProperty("versionNumber").GetInt32());
    }

    [Fact]
    public async Task Closing_as_answered_needs_a_delivered_summary_the_closer_may_read_and_counts_as_reuse()
    {
        var published = await Portal.PublicationFinalAsync(UniqueTitle("Reused summary"), consent: "Members");
        var slug = await Portal.PublishedSlugAsync(published, "Members");
        var draft = await Portal.SummaryReviewDraftAsync();
        var requestId = await Portal.SummaryReviewRequestAsync();
        using var helen = await Portal.ApiAsAsync(Helen);

        async Task<HttpResponseMessage> CloseAsync(string id) =>
            await helen.PostAsJsonAsync($"/api/v1/requests/{requestId}/close", new { answeredBySummaryId = id, reason = "Already answered." });

        using var bogus = await CloseAsync(Guid.NewGuid().ToString());
        using var notDelivered = await CloseAsync(draft.SummaryId.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        Assert.True((await bogus.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("answeredBySummaryId", out _));
        Assert.Equal(HttpStatusCode.BadRequest, notDelivered.StatusCode);
        Assert.Equal("Submitted", (await Portal.RequestRowAsync(requestId)).State);

        using var closed = await CloseAsync(published.SummaryId.ToString());

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        using var member = await Portal.SignedInAsync(TestSite.MemberEmail);
        Assert.Contains("Reused 1 time", await member.GetStringAsync($"/evidence/{slug}"), StringComparison.Ordinal);
        using var requester = await Portal.SignedInAsync(Helen);
        Assert.Contains("Reused 1 time", await requester.GetStringAsync($"/summaries/{published.SummaryId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_digest_lists_summaries_published_on_a_subscription_since_the_last_one()
    {
        var claire = await Portal.UserIdAsync(TestSite.MemberEmail);
        await Portal.ExecuteAsync("DELETE FROM Subscriptions WHERE UserId = $user", ("$user", claire));
        await Portal.SetLastDigestAsync(claire, DateTimeOffset.UtcNow.AddMinutes(-1));
        var summary = await Portal.PublicationFinalAsync(UniqueTitle("For the digest"), consent: "Members");
        var slug = await Portal.PublishedSlugAsync(summary, "Members");
        using var member = await Portal.SignedInAsync(TestSite.MemberEmail);
        var unsubscribed = WebUtility.HtmlDecode(await member.GetStringAsync("/account/digest"));

        await Portal.ExecuteAsync("INSERT INTO Subscriptions (UserId, WorkStreamId, CreatedAt) VALUES ($user, $stream, $now)",
            ("$user", claire), ("$stream", CoordinationSite.Key((await Portal.WorkStreamAsync(Frailty)).GetProperty("id").GetGuid())), ("$now", DateTimeOffset.UtcNow.UtcTicks));
        var subscribed = WebUtility.HtmlDecode(await member.GetStringAsync("/account/digest"));
        await Portal.SetLastDigestAsync(claire, DateTimeOffset.UtcNow.AddSeconds(1));
        var afterTheDigest = WebUtility.HtmlDecode(await member.GetStringAsync("/account/digest"));

        Assert.DoesNotContain("New summaries on your subscriptions", unsubscribed, StringComparison.Ordinal);
        Assert.Contains("New summaries on your subscriptions", subscribed, StringComparison.Ordinal);
        Assert.Contains($"/evidence/{slug}", subscribed, StringComparison.Ordinal);
        Assert.DoesNotContain($"/evidence/{slug}", afterTheDigest, StringComparison.Ordinal);
    }
}
