using System.Text.Json;
using Microsoft.Playwright;

namespace Portal.Browser.Tests;

/// <summary>Runs axe-core on the page for WCAG 2.2 A and AA and fails with what it found.</summary>
public static class Accessibility
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private const string RunAxe = """
        async () => {
          const results = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
          });
          return results.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + n.failureSummary)
          }));
        }
        """;

    public static async Task AssertNoViolationsAsync(this IPage page)
    {
        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        Assert.True(
            violations.GetArrayLength() == 0,
            $"axe-core found WCAG violations on {page.Url}:\n{JsonSerializer.Serialize(violations, Indented)}");
    }
}
