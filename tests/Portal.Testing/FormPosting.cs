using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Testing;

/// <summary>Posts forms as a browser would: fetch the page for its antiforgery token, then post the fields.</summary>
public static partial class FormPosting
{
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pagePath, string postPath, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await AntiforgeryTokenAsync(client, pagePath);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(postPath, content);
    }

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields) =>
        client.PostFormAsync(path, path, fields);

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string pagePath)
    {
        using var page = await client.GetAsync(pagePath);
        var html = await page.Content.ReadAsStringAsync();
        var match = TokenField().Match(html);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups["token"].Value)
            : throw new InvalidOperationException($"No antiforgery token on {pagePath} ({(int)page.StatusCode}).");
    }

    /// <summary>Signs in through the sign-in form; the client keeps the cookie.</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/account/sign-in", [new("Email", email), new("Password", password)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex TokenField();
}
