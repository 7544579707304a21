using System.Globalization;
using System.Text;

namespace Portal.Benchmarks;

/// <summary>
/// Generated, deterministic text for the summary benchmarks: RIS files in the styles of Ovid,
/// EBSCOhost, EndNote and Zotero, and key findings Markdown as librarians write it.
/// </summary>
internal static class ReferenceSamples
{
    private static readonly string[] Words =
    [
        "frailty", "older", "people", "community", "hospital", "discharge", "primary", "care", "social", "prescribing",
        "intervention", "randomised", "controlled", "trial", "cohort", "outcomes", "wellbeing", "loneliness", "falls",
        "prevention", "medication", "review", "pharmacist", "nurse-led", "telephone", "follow-up", "admissions",
        "emergency", "integrated", "services", "multimorbidity", "self-management", "diabetes", "heart", "failure",
        "remote", "monitoring", "virtual", "wards", "workforce", "general", "practice", "quality", "improvement",
        "evaluation", "mixed", "methods", "qualitative", "interviews", "systematic", "meta-analysis", "effectiveness",
        "cost", "utilisation", "mortality", "readmission", "length", "of", "stay", "and", "in", "for", "with", "the", "a",
    ];

    private static readonly string[] Surnames =
    [
        "Hartley", "Okafor", "Lindqvist", "Bramwell", "Fenton", "Adeyemi", "Whitmore", "Fenwick", "O'Driscoll", "Patel",
        "Nguyen", "Ellis-Barker", "Mwangi", "Holloway", "Carvalho", "Sørensen", "Walsh", "Ibrahim", "Obi", "Rossi",
    ];

    private static readonly string[] Journals =
    [
        "BMJ Open", "Age and Ageing", "British Journal of General Practice", "Journal of Advanced Nursing",
        "Health & Social Care in the Community", "Diabetic Medicine", "The Lancet", "BMC Health Services Research",
    ];

    /// <summary>A RIS file of <paramref name="records"/> records, UTF-8 with CR LF, each exporter's style in turn.</summary>
    public static byte[] RisFile(int records, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(records * 1600);
        for (var i = 0; i < records; i++)
        {
            var pmid = (30_000_000 + random.Next(9_000_000)).ToString(CultureInfo.InvariantCulture);
            var year = random.Next(2005, 2025).ToString(CultureInfo.InvariantCulture);
            var journal = Journals[random.Next(Journals.Length)];
            var start = random.Next(1, 900);
            var doi = $"10.{random.Next(1000, 9999)}/{Sentence(random, 1)}.{year}.{random.Next(100_000)}";
            text.Append("TY  - JOUR\r\n");
            switch (i % 4)
            {
                case 0: // Ovid
                    text.Append("DB  - Ovid MEDLINE(R) ALL\r\nAN  - ").Append(pmid).Append("\r\nFA  - Yes\r\n");
                    text.Append("T1  - ").Append(Title(random)).Append("\r\n");
                    Authors(text, random, "A1");
                    text.Append("Y1  - ").Append(year).Append("//\r\nN2  - ").Append(Abstract(random, paragraphs: false)).Append("\r\n");
                    Keywords(text, random);
                    text.Append("JF  - ").Append(journal).Append("\r\nJA  - ").Append(journal).Append("\r\n");
                    text.Append("AD  - ").Append(Surnames[random.Next(Surnames.Length)]).Append(". Department of Primary Care Health Sciences, University of Oxford, Oxford, UK.\r\n");
                    text.Append("UR  - http://ovidsp.ovid.com/ovidweb.cgi?T=JS&PAGE=reference&D=medl&NEWS=N&AN=").Append(pmid).Append("\r\n");
                    text.Append("DO  - https://dx.doi.org/").Append(doi).Append("\r\n");
                    break;
                case 1: // EBSCOhost
                    Authors(text, random, "AU");
                    text.Append("T1  - ").Append(Title(random)).Append("\r\nJO  - ").Append(journal).Append("\r\nJF  - ").Append(journal).Append("\r\n");
                    text.Append("Y1  - ").Append(year).Append("/0").Append(random.Next(1, 10)).Append("//\r\n");
                    var ebscoAbstract = Abstract(random, paragraphs: false);
                    text.Append("AB  - ").Append(ebscoAbstract).Append("\r\nN2  - ").Append(ebscoAbstract).Append("\r\n");
                    Keywords(text, random);
                    text.Append("U2  - PMID: ").Append(pmid).Append(".\r\nDO  - ").Append(doi).Append("\r\nDP  - EBSCOhost\r\nDB  - ccm\r\n");
                    text.Append("AN  - ").Append(random.Next(100_000_000, 199_999_999)).Append("\r\n");
                    text.Append("UR  - https://search.ebscohost.com/login.aspx?direct=true&db=ccm&AN=").Append(random.Next()).Append("&site=ehost-live\r\n");
                    break;
                case 2: // EndNote
                    Authors(text, random, "AU");
                    text.Append("AN  - ").Append(pmid).Append("\r\nDA  - Mar ").Append(random.Next(1, 29)).Append("\r\nDO  - ").Append(doi).Append("\r\nDP  - NLM\r\n");
                    text.Append("J2  - ").Append(journal).Append("\r\nKW  - Humans\r\nAged\r\nFrail Elderly\r\nLA  - eng\r\n");
                    text.Append("N1  - Screened by two reviewers.\r\nIncluded in the synthesis.\r\nPY  - ").Append(year).Append("\r\n");
                    text.Append("SP  - ").Append(start).Append('-').Append(start + random.Next(3, 15)).Append("\r\nT2  - ").Append(journal).Append("\r\n");
                    text.Append("TI  - ").Append(Title(random)).Append("\r\nAB  - ").Append(Abstract(random, paragraphs: true)).Append("\r\n");
                    break;
                default: // Zotero, via PubMed
                    text.Append("TI  - ").Append(Title(random)).Append("\r\n");
                    Authors(text, random, "AU");
                    text.Append("T2  - ").Append(journal).Append("\r\nAB  - ").Append(Abstract(random, paragraphs: true)).Append("\r\n");
                    text.Append("DA  - ").Append(year).Append("/0").Append(random.Next(1, 10)).Append("//\r\nPY  - ").Append(year).Append("\r\n");
                    text.Append("DO  - ").Append(doi).Append("\r\nDP  - PubMed\r\nJ2  - ").Append(journal[..Math.Min(12, journal.Length)]).Append("\r\n");
                    text.Append("Y2  - 2024/02/20/14:32:11\r\nM2  - PMID: ").Append(pmid).Append("\r\n");
                    Keywords(text, random);
                    break;
            }

            text.Append("VL  - ").Append(random.Next(1, 120)).Append("\r\nIS  - ").Append(random.Next(1, 13)).Append("\r\n");
            if (i % 4 != 2)
            {
                text.Append("SP  - ").Append(start).Append("\r\nEP  - ").Append(start + random.Next(3, 15)).Append("\r\n");
            }

            text.Append("ER  - \r\n\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>
    /// Key findings of about <paramref name="bytes"/> bytes: sections with a heading, paragraphs
    /// with links and footnote references, bullet and numbered lists, a table of studies per
    /// section, and the footnotes at the end.
    /// </summary>
    public static string FindingsMarkdown(int bytes, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(bytes + 4096);
        var footnotes = 0;
        for (var section = 1; text.Length < bytes * 9 / 10; section++)
        {
            text.Append("## ").Append(Capitalise(Sentence(random, random.Next(3, 7)))).Append("\n\n");
            for (var p = 0; p < 3; p++)
            {
                text.Append(Capitalise(Sentence(random, random.Next(25, 60)))).Append(" (see [").Append(Surnames[random.Next(Surnames.Length)])
                    .Append(" et al.](https://doi.org/10.").Append(random.Next(1000, 9999)).Append("/x").Append(random.Next()).Append("))")
                    .Append(" and **").Append(Sentence(random, 3)).Append("**.[^").Append(++footnotes).Append("] ")
                    .Append(Capitalise(Sentence(random, random.Next(10, 30)))).Append(".\n\n");
            }

            for (var b = 0; b < 5; b++)
            {
                text.Append("- ").Append(Capitalise(Sentence(random, random.Next(6, 18)))).Append(b % 2 == 0 ? $" [^{++footnotes}]" : string.Empty).Append('\n');
            }

            text.Append('\n');
            text.Append("| Study | Design | Participants | Main finding |\n|:---|:---|---:|:---|\n");
            for (var r = 0; r < 8; r++)
            {
                text.Append("| ").Append(Surnames[random.Next(Surnames.Length)]).Append(' ').Append(random.Next(2005, 2025))
                    .Append(" | ").Append(new[] { "RCT", "Cohort", "Qualitative", "Mixed methods", "Systematic review" }[random.Next(5)])
                    .Append(" | ").Append(random.Next(12, 12_000).ToString("N0", CultureInfo.InvariantCulture))
                    .Append(" | ").Append(Capitalise(Sentence(random, random.Next(5, 12)))).Append(" |\n");
            }

            text.Append('\n');
            for (var n = 1; n <= 3; n++)
            {
                text.Append(n).Append(". ").Append(Capitalise(Sentence(random, random.Next(8, 20)))).Append('\n');
            }

            text.Append('\n');
        }

        for (var f = 1; f <= footnotes; f++)
        {
            text.Append("[^").Append(f).Append("]: ").Append(Surnames[random.Next(Surnames.Length)]).Append(" et al. ")
                .Append(Capitalise(Sentence(random, random.Next(6, 14)))).Append(". ").Append(Journals[random.Next(Journals.Length)])
                .Append(". https://doi.org/10.").Append(random.Next(1000, 9999)).Append("/y").Append(random.Next()).Append('\n');
        }

        return text.ToString();
    }

    private static void Authors(StringBuilder text, Random random, string tag)
    {
        for (var a = random.Next(1, 7); a > 0; a--)
        {
            text.Append(tag).Append("  - ").Append(Surnames[random.Next(Surnames.Length)]).Append(", ").Append((char)('A' + random.Next(26))).Append(". ").Append((char)('A' + random.Next(26))).Append(".\r\n");
        }
    }

    private static void Keywords(StringBuilder text, Random random)
    {
        for (var k = random.Next(2, 8); k > 0; k--)
        {
            text.Append("KW  - ").Append(Capitalise(Sentence(random, random.Next(1, 4)))).Append("\r\n");
        }
    }

    private static string Title(Random random) => Capitalise(Sentence(random, random.Next(8, 20))) + ": " + Sentence(random, random.Next(3, 7));

    private static string Abstract(Random random, bool paragraphs)
    {
        var parts = new[] { "Background", "Methods", "Results", "Conclusions" }
            .Select(h => (paragraphs ? h + "\r\n" : h.ToUpperInvariant() + ": ") + Capitalise(Sentence(random, random.Next(30, 60))) + ".");
        return string.Join(paragraphs ? "\r\n\r\n" : " ", parts);
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)]));

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
