using Portal.Core.Librarians;

namespace Portal.Core.Tests.Librarians;

/// <summary>Reading the matching weights and NotifyTop from configuration text: defaults, and refusals that name the setting.</summary>
public sealed class MatchSettingsTests
{
    private static (MatchSettings? Settings, IReadOnlyList<string> Problems) Read(Dictionary<string, string> weights, string? notifyTop = null) =>
        MatchSettings.Read(key => key == "NotifyTop" ? notifyTop : weights.GetValueOrDefault(key["Weights:".Length..]), prefix: "Portal:Matching:");

    [Fact]
    public void Nothing_set_gives_the_default_weights_and_three_notified()
    {
        var (settings, problems) = Read([]);

        Assert.Empty(problems);
        Assert.Equal(new MatchWeights(), settings!.Weights);
        Assert.Equal(3, settings.NotifyTop);
        Assert.Equal(MatchSettings.Default, settings);
    }

    [Fact]
    public void Set_weights_replace_their_defaults_only()
    {
        var (settings, problems) = Read(new() { ["Topics"] = "0.5", ["Availability"] = " 0 " }, notifyTop: "5");

        Assert.Empty(problems);
        Assert.Equal(new MatchWeights(Topics: 0.5, Availability: 0), settings!.Weights);
        Assert.Equal(5, settings.NotifyTop);
    }

    [Theory]
    [InlineData("Topics", "lots", "Portal:Matching:Weights:Topics must be a number such as 0.25, not 'lots'.")]
    [InlineData("Similarity", "0,3", "Portal:Matching:Weights:Similarity must be a number such as 0.25, not '0,3'.")]
    [InlineData("Geography", "-0.2", "Portal:Matching:Weights:Geography cannot be negative, but it is -0.2.")]
    [InlineData("Capacity", "101", "Portal:Matching:Weights:Capacity must be 100 or less, but it is 101.")]
    [InlineData("Availability", "NaN", "Portal:Matching:Weights:Availability must be a number such as 0.25, not 'NaN'.")]
    [InlineData("Topics", "", "Portal:Matching:Weights:Topics must be a number such as 0.25, not ''.")]
    public void A_bad_weight_is_refused_naming_the_setting(string name, string text, string problem)
    {
        var (settings, problems) = Read(new() { [name] = text });

        Assert.Null(settings);
        Assert.Equal([problem], problems);
    }

    [Fact]
    public void Every_weight_zero_is_refused()
    {
        var zero = MatchSettings.WeightNames.ToDictionary(n => n, _ => "0");

        var (settings, problems) = Read(zero);

        Assert.Null(settings);
        Assert.Contains("must be more than 0", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_setting_is_named_at_once()
    {
        var (_, problems) = Read(new() { ["Topics"] = "x", ["Capacity"] = "-1" }, notifyTop: "many");

        Assert.Equal(3, problems.Count);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("51")]
    [InlineData("2.5")]
    [InlineData("three")]
    public void A_bad_notify_top_is_refused(string text)
    {
        var (settings, problems) = Read([], notifyTop: text);

        Assert.Null(settings);
        Assert.Equal($"Portal:Matching:NotifyTop must be a whole number from 0 (notify nobody) to 50, not '{text}'.", Assert.Single(problems));
    }

    [Fact]
    public void Notify_top_zero_turns_the_notifications_off()
    {
        Assert.Equal(0, Read([], notifyTop: "0").Settings!.NotifyTop);
    }
}
