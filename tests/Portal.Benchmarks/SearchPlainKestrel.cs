using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Portal.Benchmarks;

/// <summary>
/// The baseline scripts/bench.sh measures the search page beside: Kestrel with one minimal-API
/// endpoint returning a fixed small HTML page, in the same runtime and build as the portal, so
/// the difference is the portal's own work (pipeline, authorisation, search, Razor).
/// <code>dotnet Portal.Benchmarks.dll search-plain --urls http://127.0.0.1:5181</code>
/// </summary>
internal static class SearchPlainKestrel
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head><meta charset="utf-8"><title>Search – STEM Portal</title></head>
        <body><main><h1>Search</h1><p>A fixed page for comparison.</p></main></body>
        </html>
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8"));
        app.MapGet("/search", () => Results.Content(Page, "text/html; charset=utf-8"));
        await app.RunAsync();
        return 0;
    }
}
