using System.Globalization;

namespace Portal.Web.Features.Claims;

/// <summary>
/// What the request page tells a person after a claim action: a banner carried over the redirect
/// in TempData, and the words that name who holds a request.
/// </summary>
public static class ClaimNotices
{
    public const string TextKey = "claims.notice";
    public const string KindKey = "claims.notice.kind";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"Lena Hartley claimed this request on 5 March 2026 at 10:42 UTC."</summary>
    public static string Held(string who, DateTimeOffset claimedAt) =>
        $"{who} claimed this request on {claimedAt.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm", English)} UTC.";

    /// <summary>"2 hours 30 minutes", "45 minutes", "1 hour".</summary>
    public static string Duration(int minutes)
    {
        var hours = minutes / 60;
        var rest = minutes % 60;
        var parts = new List<string>();
        if (hours > 0)
        {
            parts.Add(hours == 1 ? "1 hour" : $"{hours} hours");
        }

        if (rest > 0 || hours == 0)
        {
            parts.Add(rest == 1 ? "1 minute" : $"{rest} minutes");
        }

        return string.Join(' ', parts);
    }
}

/// <summary>A banner on the request page: an error (the action was refused) or a success.</summary>
public sealed record ClaimNotice(string Text, bool IsError);
