using System.Globalization;
using System.Text;

namespace Portal.Core;

/// <summary>Readable, stable address parts made from titles: "Maternal choice: perinatal care" → "maternal-choice-perinatal-care".</summary>
public static class Slug
{
    /// <summary>
    /// Lower-case ASCII letters and digits, accents dropped, everything else one hyphen, cut at
    /// <paramref name="maxLength"/> on a word boundary where it can be; empty when nothing is left.
    /// </summary>
    public static string From(string? title, int maxLength = 80)
    {
        var text = new StringBuilder();
        foreach (var c in (title ?? string.Empty).Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        var slug = text.ToString().Trim('-');
        if (slug.Length <= maxLength)
        {
            return slug;
        }

        var cut = slug[..maxLength];
        var lastHyphen = cut.LastIndexOf('-');
        return (lastHyphen > maxLength / 2 ? cut[..lastHyphen] : cut).Trim('-');
    }

    /// <summary>The slug itself when free, else the first of slug-2, slug-3… not among <paramref name="taken"/>.</summary>
    public static string FirstFree(string slug, IEnumerable<string> taken)
    {
        ArgumentException.ThrowIfNullOrEmpty(slug);
        var used = new HashSet<string>(taken, StringComparer.Ordinal);
        var candidate = slug;
        for (var n = 2; used.Contains(candidate); n++)
        {
            candidate = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }
}
