using System.Globalization;
using System.Text;

namespace Portal.Segmentation.Charts;

/// <summary>
/// A small SVG writer. Everything user-facing is escaped; styling is by presentation attributes
/// only, because the portal's content security policy allows no inline styles.
/// </summary>
internal sealed class Svg
{
    public const string Text = "#212b32";
    public const string Grid = "#d8dde0";
    public const string Muted = "#4c6272";
    private const string Font = "Frutiger W01, Arial, Helvetica, sans-serif";
    private readonly StringBuilder _body = new();

    public Svg(string id, int width, int height, string title, string description)
    {
        _body.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"100%\" role=\"img\" "))
            .Append($"aria-labelledby=\"{Escape(id)}-title {Escape(id)}-desc\" id=\"{Escape(id)}\" font-family=\"{Font}\" font-size=\"14\" fill=\"{Text}\">")
            .Append($"<title id=\"{Escape(id)}-title\">{Escape(title)}</title>")
            .Append($"<desc id=\"{Escape(id)}-desc\">{Escape(description)}</desc>")
            .Append(Invariant($"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"));
    }

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null)
    {
        _body.Append(Invariant($"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"{stroke}\" stroke-width=\"{width:0.#}\""))
            .Append(dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"").Append("/>");
        return this;
    }

    public Svg Rect(double x, double y, double width, double height, string fill, string? stroke = null)
    {
        _body.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(0, width):0.#}\" height=\"{Math.Max(0, height):0.#}\" fill=\"{fill}\""))
            .Append(stroke is null ? string.Empty : $" stroke=\"{stroke}\"").Append("/>");
        return this;
    }

    public Svg Circle(double x, double y, double radius, string fill)
    {
        _body.Append(Invariant($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{radius:0.#}\" fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"));
        return this;
    }

    public Svg Polyline(IEnumerable<(double X, double Y)> points, string stroke, double width)
    {
        var path = string.Join(' ', points.Select(p => Invariant($"{p.X:0.#},{p.Y:0.#}")));
        _body.Append(Invariant($"<polyline points=\"{path}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width:0.#}\" stroke-linejoin=\"round\"/>"));
        return this;
    }

    public Svg Label(double x, double y, string text, string anchor = "start", string? fill = null, int size = 14, bool bold = false)
    {
        _body.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"{size}\""))
            .Append(fill is null ? string.Empty : $" fill=\"{fill}\"")
            .Append(bold ? " font-weight=\"bold\"" : string.Empty)
            .Append('>').Append(Escape(text)).Append("</text>");
        return this;
    }

    /// <summary>Text turned to run upwards, for a vertical axis title.</summary>
    public Svg VerticalLabel(double x, double y, string text)
    {
        _body.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"middle\" transform=\"rotate(-90 {x:0.#} {y:0.#})\">")).Append(Escape(text)).Append("</text>");
        return this;
    }

    public override string ToString() => _body + "</svg>";

    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public static string Percent(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Pounds(decimal value) => "£" + value.ToString("#,0", CultureInfo.InvariantCulture);
}
