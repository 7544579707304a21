using Microsoft.AspNetCore.DataProtection;
using Portal.Email.Unsubscribe;

namespace Portal.Email.Tests;

/// <summary>The unsubscribe token names one person and one kind of mail, and nothing else passes for it.</summary>
public class UnsubscribeTokenTests
{
    private readonly EphemeralDataProtectionProvider _keys = new();
    private readonly TestClock _clock = new(MailTestDatabase.Start);

    [Fact]
    public void A_token_reads_back_as_the_person_and_the_kind_it_was_made_for()
    {
        var tokens = new UnsubscribeTokens(_keys, _clock);

        var read = tokens.Read(tokens.Create("user-1", "RequestClaimed"));

        Assert.Equal(new UnsubscribeToken(UnsubscribeTokenStatus.Valid, "user-1", "RequestClaimed"), read);
    }

    [Fact]
    public void A_token_is_safe_in_a_query_string()
    {
        var token = new UnsubscribeTokens(_keys, _clock).Create("user-1", "RequestClaimed");

        Assert.Equal(token, Uri.EscapeDataString(token));
        Assert.Equal($"/notifications/unsubscribe?token={token}", UnsubscribeTokens.PathFor(token));
    }

    [Fact]
    public void A_token_works_for_a_year_and_then_reads_as_expired()
    {
        var tokens = new UnsubscribeTokens(_keys, _clock);
        var token = tokens.Create("user-1", "RequestClaimed");

        _clock.Advance(UnsubscribeTokens.Lifetime - TimeSpan.FromMinutes(1));
        Assert.Equal(UnsubscribeTokenStatus.Valid, tokens.Read(token).Status);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(UnsubscribeTokenStatus.Expired, tokens.Read(token).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    public void Anything_else_is_not_a_token(string? token)
    {
        Assert.Equal(UnsubscribeToken.Invalid, new UnsubscribeTokens(_keys, _clock).Read(token));
    }

    [Fact]
    public void A_token_with_one_character_changed_is_refused()
    {
        var tokens = new UnsubscribeTokens(_keys, _clock);
        var token = tokens.Create("user-1", "RequestClaimed");
        var tampered = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];

        Assert.Equal(UnsubscribeToken.Invalid, tokens.Read(tampered));
    }

    [Fact]
    public void A_token_protected_for_another_purpose_or_by_other_keys_is_refused()
    {
        var tokens = new UnsubscribeTokens(_keys, _clock);
        var otherPurpose = _keys.CreateProtector("Something else").Protect("u1\nuser-1\nRequestClaimed\n99999999999");
        var otherKeys = new UnsubscribeTokens(new EphemeralDataProtectionProvider(), _clock).Create("user-1", "RequestClaimed");

        Assert.Equal(UnsubscribeToken.Invalid, tokens.Read(otherPurpose));
        Assert.Equal(UnsubscribeToken.Invalid, tokens.Read(otherKeys));
    }
}
