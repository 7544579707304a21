using System.Globalization;
using System.Net;
using System.Text;
using Portal.Core.Geography;
using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Core.Topics;
using Portal.Core.WorkStreams;
using Portal.Search;
using Portal.Web.Features.Search;
using Portal.Web.Features.WorkStreams;
using static Portal.Benchmarks.SearchVocabulary;

namespace Portal.Benchmarks;

/// <summary>One generated summary with what the portal's mapping needs, as the index handler reads them from the database.</summary>
internal sealed record GeneratedSummary(SearchSummary Summary, EvidenceRequest Request, WorkStreamContext WorkStream, IReadOnlyList<Reference> References, bool IsNewestFinal)
{
    /// <summary>The search document, through the portal's own mapping.</summary>
    public SearchDocument ToDocument() => SearchDocuments.Summary(Summary, Request, WorkStream, References, IsNewestFinal);
}

/// <summary>
/// Realistic search summaries for the search benchmarks, the same for a seed on every machine.
/// Each summary's text comes from its own random stream (the seed and its number), so any number
/// of threads can generate them in any order. The entities go through their real life — a request
/// drafted, submitted and claimed, a summary started, written, delivered and published — so the
/// document is the one the portal would index. Findings are written as the HTML the Markdown
/// renderer gives (headings, paragraphs, lists); rendering Markdown for each of 100,000 summaries
/// would time the renderer, which has its own benchmark.
/// </summary>
internal sealed class SearchSummaryGenerator
{
    public const int DefaultSeed = 42;

    /// <summary>The reader queries run as: a signed-in member (public, members' permission, their own user term).</summary>
    public static IReadOnlyCollection<string> MemberReader { get; } =
        [AccessTerms.Public, AccessTerms.Permission(WorkStreamsPermissions.ViewWorkStreams.Name), AccessTerms.User("member-0017")];

    private static readonly TurnaroundRules Turnaround = new();
    private readonly int _seed;
    private readonly List<(WorkStream Stream, WorkStreamContext Context, SearchTheme Theme)> _workStreams = [];

    public SearchSummaryGenerator(int seed = DefaultSeed)
    {
        _seed = seed;
        var random = new Random(seed);
        var topics = Themes.SelectMany(t => t.Topics).Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => new Topic(Portal.Core.Slug.From(name), name, null), StringComparer.Ordinal);
        var england = new GeoArea("E92000001", "England", GeoLevel.Country, null, new DateOnly(2013, 4, 1), null, null);
        var systems = new List<GeoArea>();
        var code = 1;
        foreach (var (region, names) in Regions)
        {
            var area = new GeoArea($"E400000{code++:D2}", region, GeoLevel.Region, england, new DateOnly(2013, 4, 1), null, null);
            systems.AddRange(names.Select(name => new GeoArea($"E540000{code++:D2}", name, GeoLevel.System, area, new DateOnly(2022, 7, 1), null, null)));
        }

        // Four work streams a theme: the first in the club's own system, and a fifth of the others too.
        var created = new DateTimeOffset(2016, 1, 4, 9, 0, 0, TimeSpan.Zero);
        var n = 0;
        foreach (var theme in Themes)
        {
            for (var i = 0; i < 4; i++)
            {
                var system = i == 0 || random.NextDouble() < 0.2 ? systems[0] : systems[random.Next(systems.Count)];
                var place = Places[random.Next(Places.Length)];
                var title = i switch
                {
                    0 => $"{theme.Name} framework",
                    1 => $"{theme.Name}: reducing variation in {place}",
                    2 => $"{theme.Name} and health inequalities",
                    _ => $"{theme.Name} service redesign in {place}",
                };
                var stream = new WorkStream($"ws-{n++:D3}", title, $"The {theme.Name.ToLowerInvariant()} programme of {system.Name}.", system, created);
                stream.TagWith(theme.Topics.Take(random.Next(1, theme.Topics.Length + 1)).Select(t => topics[t]));
                stream.AddLead($"lead-{random.Next(120):D3}");
                if (random.NextDouble() < 0.4)
                {
                    stream.AddLead($"lead-{random.Next(120):D3}");
                }

                _workStreams.Add((stream, WorkStreamContext.Of(stream), theme));
            }
        }
    }

    public int WorkStreams => _workStreams.Count;

    /// <summary>The summary numbered <paramref name="index"/>: the same every time for the same seed.</summary>
    public GeneratedSummary Generate(int index)
    {
        var random = new Random(unchecked((_seed * 1_000_003) + index));
        var (stream, context, theme) = _workStreams[random.Next(_workStreams.Count)];
        var words = new Words(random, theme);

        // Years 2016–2026, more of them recent, as a club grows.
        var year = 2026 - (int)Math.Floor(Math.Pow(random.NextDouble(), 1.6) * 11);
        var day = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, year == 2026 ? 300 : 360)).AddHours(8 + random.Next(9)).AddMinutes(random.Next(60));
        var requester = $"member-{random.Next(5000):D4}";
        var librarian = $"librarian-{random.Next(400):D3}";
        var types = EvidenceTypes.None;
        foreach (var type in Enum.GetValues<EvidenceTypes>().Where(t => t != EvidenceTypes.None))
        {
            if (random.NextDouble() < 0.3)
            {
                types |= type;
            }
        }

        var question = words.Question();
        var details = new RequestDetails(
            question,
            QuestionFramework.Empty,
            (RequestOutput)random.Next(3),
            DateOnly.FromDateTime(day.UtcDateTime).AddDays(30),
            Decision: $"Whether to commission {words.Intervention} across {words.Place}.",
            DecisionForum: random.NextDouble() < 0.5 ? $"{context.System ?? "System"} quality committee" : null,
            Geography: words.Place,
            CareSettings: words.Setting,
            EvidenceTypes: types == EvidenceTypes.None ? EvidenceTypes.SystematicReviews : types);
        var request = EvidenceRequest.Draft(stream, requester, details, day, Turnaround, RandomGuid(random));
        request.Submit(requester, day.AddHours(1));
        request.Claim(librarian, day.AddHours(20));
        var summary = SearchSummary.Start(request, librarian, day.AddDays(1), RandomGuid(random));
        var (markdown, html) = words.Findings(targetWords: random.Next(620, 760));
        var content = new SummaryContent(
            words.Title(),
            question,
            Search(random, words, day),
            markdown,
            Caveats: SummaryContent.CaveatNotAppraised + " " + string.Join(' ', Pick(random, CaveatSentences, random.Next(1, 4))),
            AppraisalNotes: random.NextDouble() < 0.6 ? $"Appraised with {Pick(random, ["CASP", "AMSTAR 2", "the GRADE approach", "the JBI checklists"])}: {Pick(random, CaveatSentences)}" : null);
        summary.Edit(librarian, content, html, day.AddDays(8));

        // Most are delivered and shared with members or the public; some stay drafts or the requester's.
        var share = random.NextDouble();
        if (share >= 0.05)
        {
            var delivered = day.AddDays(10 + random.Next(10));
            summary.Deliver(request, librarian, approvalRequired: false, delivered);
            if (share >= 0.12)
            {
                var visibility = share < 0.4 ? SummaryVisibility.Public : SummaryVisibility.Members;
                request.ConsentToSharing(requester, visibility, delivered.AddDays(2));
                summary.Publish(request, librarian, byCoordinator: false, visibility, $"{Portal.Core.Slug.From(content.Title)}-{index}", delivered.AddDays(3));
            }
        }

        var references = References(random, words, summary.Id, year);
        return new GeneratedSummary(summary, request, context, references, IsNewestFinal: random.NextDouble() >= 0.03);
    }

    private static SearchReport Search(Random random, Words words, DateTimeOffset day)
    {
        var sources = Pick(random, ["Medline", "CINAHL", "Embase", "HMIC", "PsycINFO", "Cochrane Library"], random.Next(2, 5))
            .Select(database => new SearchSource(
                database,
                database is "Cochrane Library" ? "Wiley" : "Ovid",
                "2015 to current",
                DateOnly.FromDateTime(day.UtcDateTime).AddDays(2),
                random.Next(40, 1500),
                [$"exp {words.Keyword()}/", $"({words.Intervention}).ti,ab.", $"({words.Outcome}).ti,ab.", "1 or 2", "3 and 4", "limit 5 to (english language and yr=\"2015 -Current\")"],
                "English language; 2015 to date"))
            .ToList();
        var found = sources.Sum(s => s.Hits ?? 0);
        return new SearchReport(sources, OtherMethods.None, "EndNote duplicate finder, then by hand", found, found * 3 / 4, random.Next(10, 31));
    }

    private static List<Reference> References(Random random, Words words, Guid summaryId, int summaryYear)
    {
        var count = random.Next(10, 31);
        var references = new List<Reference>(count);
        for (var i = 1; i <= count; i++)
        {
            var database = Weighted(random, Databases);
            var authors = Enumerable.Range(0, random.Next(1, 7))
                .Select(_ => $"{Pick(random, Surnames)}, {(char)('A' + random.Next(26))}.{(random.NextDouble() < 0.4 ? $" {(char)('A' + random.Next(26))}." : string.Empty)}")
                .ToList();
            var year = summaryYear - random.Next(0, 10);
            references.Add(new Reference
            {
                SummaryId = summaryId,
                Position = i,
                Type = "JOUR",
                Authors = authors,
                Title = words.ReferenceTitle(),
                Source = Pick(random, Journals),
                Year = year,
                Volume = random.Next(1, 400).ToString(CultureInfo.InvariantCulture),
                Pages = $"{random.Next(1, 900)}-{random.Next(900, 999)}",
                Doi = $"10.{random.Next(1000, 9999)}/{random.Next(100000, 999999)}",
                Database = database,
                // Most records carry an abstract; only those from open sources may be indexed.
                Abstract = random.NextDouble() < 0.8 ? words.Abstract(random.Next(120, 220)) : null,
                Keywords = [.. Pick(random, words.Theme.Keywords, random.Next(2, 5)), .. Pick(random, GeneralKeywords, random.Next(1, 4))],
            });
        }

        return references;
    }

    private static Guid RandomGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    private static T[] Pick<T>(Random random, T[] items, int count)
    {
        var copy = (T[])items.Clone();
        random.Shuffle(copy);
        return copy[..Math.Min(count, copy.Length)];
    }

    private static string Weighted(Random random, (string Value, int Weight)[] items)
    {
        var roll = random.Next(items.Sum(i => i.Weight));
        foreach (var (value, weight) in items)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return items[^1].Value;
    }

    /// <summary>Sentences about one summary's subject: the theme, with a population, intervention, outcome and setting chosen once and others drawn as it goes.</summary>
    private sealed class Words(Random random, SearchTheme theme)
    {
        public SearchTheme Theme { get; } = theme;

        public string Population { get; } = Pick(random, theme.Populations);

        public string Intervention { get; } = Pick(random, theme.Interventions);

        public string Outcome { get; } = Pick(random, theme.Outcomes);

        public string Setting { get; } = Pick(random, theme.Settings);

        public string Place { get; } = Pick(random, Places);

        public string Keyword() => Pick(random, Theme.Keywords);

        public string Question() => random.Next(5) switch
        {
            0 => $"What is the evidence that {Intervention} improves {Outcome} for {Population} in {Setting}?",
            1 => $"Which models of {Intervention} reduce {Outcome} among {Population}, and what do they cost?",
            2 => $"How effective is {Intervention} compared with {Pick(random, Comparisons)} for {Population}?",
            3 => $"What works to improve {Outcome} among {Population} living in {Pick(random, Places)}, and what have other systems learnt?",
            _ => $"Is there evidence on {Intervention} for {Population}, particularly its effect on {Outcome} and on inequalities?",
        };

        public string Title() => random.Next(4) switch
        {
            0 => $"{Capital(Intervention)} for {Population}",
            1 => $"{Capital(Intervention)} and {Outcome}: evidence for {Place}",
            2 => $"{Theme.Name}: {Intervention} in {Setting}",
            _ => $"Reducing {Outcome} among {Population}",
        };

        public string ReferenceTitle()
        {
            var intervention = Pick(random, Theme.Interventions);
            var outcome = Pick(random, Theme.Outcomes);
            var population = Pick(random, Theme.Populations);
            return random.Next(5) switch
            {
                0 => $"Effect of {intervention} on {outcome} in {population}: a {Pick(random, Designs)}",
                1 => $"{Capital(intervention)} for {population}: {Pick(random, Designs)} of {random.Next(3, 80)} studies",
                2 => $"Experiences of {intervention} among {population} in {Pick(random, Countries)}: a {Pick(random, Designs)}",
                3 => $"Cost-effectiveness of {intervention} compared with {Pick(random, Comparisons)}",
                _ => $"{Capital(outcome)} after {intervention}: {random.Next(1, 6)}-year follow-up of a {Pick(random, Designs)}",
            };
        }

        /// <summary>A structured abstract of about <paramref name="target"/> words.</summary>
        public string Abstract(int target)
        {
            var text = new StringBuilder();
            text.Append("Background: ").Append(Sentence()).Append(" Methods: ").Append(Sentence());
            text.Append(" Results: ");
            while (CountWords(text) < target - 25)
            {
                text.Append(Sentence()).Append(' ');
            }

            text.Append("Conclusions: ").Append(Sentence());
            return text.ToString();
        }

        /// <summary>Findings of about <paramref name="targetWords"/> words, as Markdown and as the HTML it renders to.</summary>
        public (string Markdown, string Html) Findings(int targetWords)
        {
            var markdown = new StringBuilder();
            var html = new StringBuilder();
            var words = 0;
            foreach (var heading in Pick(random, SectionHeadings, 6))
            {
                if (words >= targetWords)
                {
                    break;
                }

                markdown.Append("## ").Append(heading).Append("\n\n");
                html.Append("<h2 id=\"").Append(Portal.Core.Slug.From(heading)).Append("\">").Append(WebUtility.HtmlEncode(heading)).Append("</h2>\n");
                for (var p = random.Next(1, 3); p > 0 && words < targetWords; p--)
                {
                    var paragraph = string.Join(' ', Enumerable.Range(0, random.Next(3, 6)).Select(_ => Sentence()));
                    words += CountWords(paragraph);
                    markdown.Append(paragraph).Append("\n\n");
                    html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>\n");
                }

                if (random.NextDouble() < 0.35 && words < targetWords)
                {
                    html.Append("<ul>\n");
                    for (var b = random.Next(2, 5); b > 0; b--)
                    {
                        var bullet = Bullet();
                        words += CountWords(bullet);
                        markdown.Append("- ").Append(bullet).Append('\n');
                        html.Append("<li>").Append(WebUtility.HtmlEncode(bullet)).Append("</li>\n");
                    }

                    markdown.Append('\n');
                    html.Append("</ul>\n");
                }
            }

            return (markdown.ToString(), html.ToString());
        }

        private string Sentence()
        {
            var design = Pick(random, Designs);
            var intervention = random.NextDouble() < 0.6 ? Intervention : Pick(random, Theme.Interventions);
            var outcome = random.NextDouble() < 0.5 ? Outcome : Pick(random, Theme.Outcomes);
            var population = random.NextDouble() < 0.6 ? Population : Pick(random, Theme.Populations);
            var setting = Pick(random, Theme.Settings);
            var n = random.Next(40, 12000).ToString("N0", CultureInfo.InvariantCulture);
            var ratio = Math.Round(0.5 + (random.NextDouble() * 0.6), 2);
            var effect = ratio.ToString("0.00", CultureInfo.InvariantCulture);
            var low = (ratio - 0.12).ToString("0.00", CultureInfo.InvariantCulture);
            var high = (ratio + 0.1).ToString("0.00", CultureInfo.InvariantCulture);
            return random.Next(14) switch
            {
                0 => $"A {design} of {random.Next(4, 60)} studies ({n} participants) found {Pick(random, Strengths)} effects of {intervention} on {outcome} among {population}.",
                1 => $"In {Pick(random, Countries)}, a {design} of {intervention} in {setting} reported {Pick(random, Directions)} {outcome} at {Pick(random, Periods)} (relative risk {effect}, 95% CI {low} to {high}).",
                2 => $"The effect on {outcome} was {Pick(random, Strengths)}, and it was larger where {intervention} was delivered by a named professional.",
                3 => $"Qualitative work with {population} described {intervention} as {Pick(random, ["reassuring", "hard to reach", "welcome but patchy", "valued when continuous", "confusing at first"])}, with {Pick(random, ["transport", "language", "digital exclusion", "caring responsibilities", "stigma", "cost"])} a common barrier.",
                4 => $"{Capital(Pick(random, Guidance))} recommends {intervention} for {population}, though the evidence behind the recommendation is of {Pick(random, ["low", "moderate", "very low", "high"])} certainty.",
                5 => $"An economic evaluation estimated a cost of £{random.Next(2, 40) * 500:N0} per quality-adjusted life year, below the NICE threshold of £20,000 to £30,000.",
                6 => $"Local data for {Place} show {outcome} {Pick(random, ["rising", "falling", "unchanged", "varying widely between practices"])} over {Pick(random, Periods)}, with the highest rates in the most deprived wards.",
                7 => $"Evidence for {population} in the most deprived areas was limited; only {random.Next(1, 6)} studies reported results by deprivation quintile.",
                8 => $"Services in {Pick(random, Places)} and {Pick(random, Places)} combined {intervention} with {Pick(random, Theme.Interventions)} and reported {Pick(random, Directions)} {outcome}.",
                9 => $"Adherence ranged from {random.Next(30, 60)}% to {random.Next(60, 95)}%, and dropout was highest among {Pick(random, Theme.Populations)}.",
                10 => $"No study found harm from {intervention}, although few measured adverse events systematically.",
                11 => $"The {design} was judged at {Pick(random, ["low", "some", "high"])} risk of bias, mainly because outcome assessors were not blinded.",
                12 => $"Implementation depended on {Pick(random, ["workforce capacity", "clear referral routes", "shared records", "leadership from the primary care network", "funding beyond the pilot year", "training for care staff"])} in {setting}.",
                _ => $"Findings were consistent across {Pick(random, Countries)} and {Pick(random, Countries)}, but effects on {outcome} faded after {Pick(random, Periods)}.",
            };
        }

        private string Bullet() => random.Next(4) switch
        {
            0 => $"{Capital(Pick(random, Theme.Interventions))} in {Pick(random, Theme.Settings)}",
            1 => $"{Capital(Pick(random, Theme.Outcomes))} reported in {random.Next(2, 20)} studies",
            2 => $"See {Pick(random, Guidance)}",
            _ => $"{Pick(random, Surnames)} et al. ({random.Next(2015, 2027)}), {Pick(random, Journals)}",
        };

        private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

        private static int CountWords(string text) => text.Count(c => c == ' ') + 1;

        private static int CountWords(StringBuilder text)
        {
            var count = 1;
            foreach (var chunk in text.GetChunks())
            {
                count += chunk.Span.Count(' ');
            }

            return count;
        }
    }
}
