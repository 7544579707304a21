using System.Reflection;
using Lucene.Net.Analysis.Synonym;

namespace Portal.Search;

/// <summary>
/// The health synonym file: one rule per line in the Solr format Lucene reads. "elderly, older
/// people, older adults" makes the words equivalent; "GP => general practice" maps one way; lines
/// starting with # are comments. Admins edit it; a rule that cannot be read is reported by line.
/// Words are matched by their stems (lower case, accents folded): "care home" is "care homes" too.
/// </summary>
public sealed class SynonymRules
{
    public const int MaxLength = 100_000;

    private SynonymRules(string text, SynonymMap? map)
    {
        Text = text;
        Map = map;
    }

    public string Text { get; }

    internal SynonymMap? Map { get; }

    public static SynonymRules None { get; } = new(string.Empty, null);

    /// <summary>The rules the portal ships with (health terms used in the North East's work streams).</summary>
    public static string DefaultText { get; } = ReadDefault();

    public static SynonymRules Default { get; } = Parse(DefaultText).Rules!;

    /// <summary>The rules, or the problems: each with its line number, so an admin can mend them.</summary>
    public static (SynonymRules? Rules, IReadOnlyList<string> Problems) Parse(string? text)
    {
        text ??= string.Empty;
        if (text.Length > MaxLength)
        {
            return (null, [$"The synonyms must be {MaxLength:N0} characters or fewer."]);
        }

        var problems = new List<string>();
        var rules = new List<string>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        using var words = new SynonymWordsAnalyzer();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (ProblemWith(line, words) is { } problem)
            {
                problems.Add($"Line {i + 1}: {problem}");
            }
            else
            {
                rules.AddRange(AsIndexRules(line));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        // Only the rules read above: a line of spaces would otherwise be a rule of no words to Lucene.
        SynonymMap map;
        try
        {
            var parser = new SolrSynonymParser(dedup: true, expand: true, words);
            parser.Parse(new StringReader(string.Join('\n', rules)));
            map = parser.Build();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Every line reads on its own; together they should too, but an admin is told rather than a 500.
            return (null, [$"The rules cannot be read together ({ex.Message.Trim()})."]);
        }

        return (new SynonymRules(text, map.Fst is null ? null : map), []);
    }

    /// <summary>
    /// Synonyms are added when documents are indexed, not to queries. "a => b" means a search for a
    /// also finds b, so documents saying b are indexed with a as well ("b => b, a"); Lucene's own
    /// reading at index time would replace a by b in documents, and a search for a would find nothing.
    /// </summary>
    private static IEnumerable<string> AsIndexRules(string line)
    {
        var sides = line.Split("=>");
        if (sides.Length == 1)
        {
            return [line];
        }

        var written = sides[0].Split(',').Select(w => w.Trim()).ToList();
        return sides[1].Split(',').Select(w => w.Trim()).Select(found => $"{found} => {found}, {string.Join(", ", written)}");
    }

    private static string? ProblemWith(string line, SynonymWordsAnalyzer words)
    {
        var sides = line.Split("=>");
        if (sides.Length > 2)
        {
            return "use \"=>\" at most once.";
        }

        if (sides.Any(side => side.Split(',').Any(word => string.IsNullOrWhiteSpace(word))))
        {
            return "every word or phrase between commas needs some text.";
        }

        if (sides.Length == 1 && sides[0].Split(',').Length < 2)
        {
            return "list at least two words or phrases separated by commas, or map one to another with \"=>\".";
        }

        try
        {
            var parser = new SolrSynonymParser(dedup: true, expand: true, words);
            parser.Parse(new StringReader(line));
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Lucene says why in its own words (e.g. a phrase made only of characters it drops).
            return $"this rule cannot be read ({ex.Message.Trim()}).";
        }
    }

    private static string ReadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Portal.Search.health-synonyms.txt")
            ?? throw new InvalidOperationException("The default health synonyms are missing from Portal.Search.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
