using System.Globalization;
using System.Text;
using Portal.Core.Summaries;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// How a reference reads and where it links, the same on the page, in print and in the document:
/// a citation in a plain author–date style, the DOI resolver, PubMed, or the record's own web
/// address when it is an http(s) one (anything else, such as javascript:, is not a link).
/// </summary>
public static class SummaryCitations
{
    private const int AuthorsShown = 6;

    /// <summary>"Smith J, Jones A (2021). Title. Journal, 12(3), 45–67."</summary>
    public static string Format(Reference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var text = new StringBuilder();
        var authors = reference.Authors.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToList();
        if (authors.Count > 0)
        {
            text.Append(string.Join("; ", authors.Take(AuthorsShown)));
            if (authors.Count > AuthorsShown)
            {
                text.Append(" et al.");
            }

            text.Append(' ');
        }

        text.Append(reference.Year is { } year ? $"({year.ToString(CultureInfo.InvariantCulture)})" : "(no date)");
        text.Append(". ");
        var title = string.IsNullOrWhiteSpace(reference.Title) ? "Untitled" : reference.Title.Trim();
        text.Append(title);
        if (!title.EndsWith('.') && !title.EndsWith('?') && !title.EndsWith('!'))
        {
            text.Append('.');
        }

        if (!string.IsNullOrWhiteSpace(reference.Source))
        {
            text.Append(' ').Append(reference.Source.Trim());
            if (!string.IsNullOrWhiteSpace(reference.Volume))
            {
                text.Append(", ").Append(reference.Volume.Trim());
                if (!string.IsNullOrWhiteSpace(reference.Issue))
                {
                    text.Append('(').Append(reference.Issue.Trim()).Append(')');
                }
            }

            if (!string.IsNullOrWhiteSpace(reference.Pages))
            {
                text.Append(", ").Append(reference.Pages.Trim());
            }

            text.Append('.');
        }

        return text.ToString();
    }

    /// <summary>The DOI's address at the resolver, with the characters a path may not hold escaped.</summary>
    public static string? DoiLink(Reference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var doi = reference.Doi?.Trim();
        if (string.IsNullOrEmpty(doi))
        {
            return null;
        }

        foreach (var prefix in new[] { "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:" })
        {
            if (doi.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                doi = doi[prefix.Length..].Trim();
            }
        }

        return doi.StartsWith("10.", StringComparison.Ordinal)
            ? "https://doi.org/" + Uri.EscapeDataString(doi).Replace("%2F", "/", StringComparison.Ordinal)
            : null;
    }

    /// <summary>The PubMed page of a PMID made of digits; nothing for anything else.</summary>
    public static string? PubMedLink(Reference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var pmid = reference.Pmid?.Trim();
        return !string.IsNullOrEmpty(pmid) && pmid.All(char.IsAsciiDigit) ? $"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" : null;
    }

    /// <summary>The record's own address when there is no DOI, and only when it is http or https.</summary>
    public static string? WebLink(Reference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return DoiLink(reference) is null && SafeWebAddress(reference.Url) is { } url ? url : null;
    }

    /// <summary>The address when it is an absolute http or https one; null otherwise.</summary>
    public static string? SafeWebAddress(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
}
