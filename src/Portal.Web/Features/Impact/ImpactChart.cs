using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Portal.Web.Features.Impact;

/// <summary>
/// A horizontal bar chart of shares as accessible SVG: a title and a description that says every
/// figure, so a screen reader gets the chart in words; the page puts a table of the same figures
/// beside it. Presentation attributes only, as the content security policy allows no inline styles.
/// </summary>
public static class ImpactChart
{
    private const string Bar = "#005eb8";
    private const string Grid = "#d8dde0";
    private const string Text = "#212b32";
    private const string Muted = "#4c6272";
    private const int Width = 640;
    private const int Left = 250;
    private const int BarArea = 320;
    private const int RowHeight = 34;

    public static string Bars(string id, string title, IReadOnlyList<ImpactShare> shares, int answers)
    {
        var height = 40 + RowHeight * shares.Count;
        var description = answers == 0
            ? "No answers yet."
            : $"Of {answers} answers: " + string.Join("; ", shares.Select(s => $"{s.Label} {s.Count} ({Percent(s.Percent)})")) + ".";
        var svg = new StringBuilder()
            .Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" "))
            .Append($"aria-labelledby=\"{Encode(id)}-title {Encode(id)}-desc\" id=\"{Encode(id)}\" font-family=\"Frutiger W01, Arial, Helvetica, sans-serif\" font-size=\"14\" fill=\"{Text}\">")
            .Append($"<title id=\"{Encode(id)}-title\">{Encode(title)}</title><desc id=\"{Encode(id)}-desc\">{Encode(description)}</desc>")
            .Append(Invariant($"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>"));
        double X(double percent) => Left + percent / 100 * BarArea;
        for (var tick = 0; tick <= 100; tick += 25)
        {
            svg.Append(Invariant($"<line x1=\"{X(tick):0.#}\" y1=\"8\" x2=\"{X(tick):0.#}\" y2=\"{height - 22}\" stroke=\"{Grid}\" stroke-width=\"1\"/>"))
                .Append(Invariant($"<text x=\"{X(tick):0.#}\" y=\"{height - 6}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Muted}\">{tick}%</text>"));
        }

        for (var i = 0; i < shares.Count; i++)
        {
            var share = shares[i];
            var y = 10 + i * RowHeight;
            svg.Append(Invariant($"<text x=\"{Left - 8}\" y=\"{y + 18}\" text-anchor=\"end\" font-size=\"13\">")).Append(Encode(share.Label)).Append("</text>")
                .Append(Invariant($"<rect x=\"{Left}\" y=\"{y + 4}\" width=\"{Math.Max(0, X(share.Percent) - Left):0.#}\" height=\"20\" fill=\"{Bar}\"/>"))
                .Append(Invariant($"<text x=\"{X(share.Percent) + 6:0.#}\" y=\"{y + 19}\" font-size=\"13\">")).Append(Encode($"{share.Count} ({Percent(share.Percent)})")).Append("</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
