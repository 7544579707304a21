using System.Text;
using System.Text.Encodings.Web;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Html;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Content;
using Portal.Core.Summaries;
using Portal.Data;
using Portal.Testing;

namespace Portal.Benchmarks;

/// <summary>
/// Reading a summary page's findings as the page does: the stored, already sanitised HTML fetched
/// by id from SQLite (no tracking) and written out, never rendered again. The demo recipe's final
/// summaries are given findings of about 20 KB and 200 KB (Markdown with tables, lists and links,
/// rendered once here as a save would). Target: ≤ 1 ms per read.
/// </summary>
[MemoryDiagnoser]
public class SummaryReadBenchmarks
{
    // Compiled once, as a hot read path would be: the LINQ translation is not part of each read.
    private static readonly Func<PortalDbContext, Guid, Task<string>> FindingsOf = EF.CompileAsyncQuery(
        (PortalDbContext db, Guid id) => db.SearchSummaries.AsNoTracking().Where(s => s.Id == id).Select(s => s.FindingsHtml).Single());

    private SqliteTestDatabase _database = null!;
    private Guid _summaryId;

    [Params(20, 200)]
    public int FindingsKilobytes { get; set; }

    [GlobalSetup]
    public async Task SeedAsync()
    {
        _database = await SqliteTestDatabase.CreateDemoAsync();
        await using var scope = _database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var summary = await db.SearchSummaries.FirstAsync(s => s.State == SummaryState.Final);
        _summaryId = summary.Id;
        var html = new MarkdownRenderer().ToSafeHtml(Findings(FindingsKilobytes * 1024));
        await db.SearchSummaries.Where(s => s.Id == _summaryId).ExecuteUpdateAsync(u => u.SetProperty(s => s.FindingsHtml, html));
    }

    [Benchmark]
    public async Task<int> ReadStoredFindings()
    {
        await using var scope = _database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var html = await FindingsOf(db, _summaryId);
        using var writer = new StringWriter(new StringBuilder(html.Length));
        new HtmlString(html).WriteTo(writer, HtmlEncoder.Default);
        return writer.GetStringBuilder().Length;
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _database.DisposeAsync();

    /// <summary>Findings as librarians write them, repeated up to the size wanted.</summary>
    internal static string Findings(int bytes)
    {
        var text = new StringBuilder();
        for (var section = 1; text.Length < bytes; section++)
        {
            text.Append("## Finding ").Append(section).Append("\n\nStructured medication review **reduces** the number of medicines; see [the guideline](https://www.nice.org.uk/guidance/sc1).\n\n")
                .Append("| Approach | Falls | Admissions |\n|---|---|---|\n| Pharmacist-led review | No clear change | Small reduction |\n| Deprescribing | Fewer falls | Not reported |\n\n")
                .Append("- Build review into the pathway.\n- Prioritise psychotropic medicines.\n- Measure falls locally.\n\n");
        }

        return text.ToString();
    }
}
