using Portal.Core.Summaries;

namespace Portal.Core.Tests.Summaries;

/// <summary>What each exporter's RIS turns into: one sample file per exporter, written the way it writes.</summary>
public class RisExporterTests
{
    [Fact]
    public void Ovid_MEDLINE_records_take_the_PMID_from_the_accession_number_and_the_DOI_from_its_resolver_link()
    {
        var result = RisFiles.Read("ovid-medline.ris");

        Assert.True(result.FileWasRead);
        Assert.Empty(result.Rejected);
        Assert.Equal(3, result.References.Count);
        var first = result.References[0];
        Assert.Equal("JOUR", first.Type);
        Assert.Equal(["Hartley, Joanna", "Okafor, Chidi N", "Lindqvist, Maria", "Bramwell, Peter"], first.Authors);
        Assert.StartsWith("Social prescribing for adults with long-term conditions", first.Title, StringComparison.Ordinal);
        Assert.Equal("BMJ Open", first.Source);
        Assert.Equal(2021, first.Year);
        Assert.Equal(("11", "9", "e048321"), (first.Volume, first.Issue, first.Pages));
        Assert.Equal("10.1136/bmjopen-2021-048321", first.Doi);
        Assert.Equal("34518239", first.Pmid);
        Assert.Equal("Ovid MEDLINE(R) ALL", first.Database);
        Assert.Equal("http://ovidsp.ovid.com/ovidweb.cgi?T=JS&PAGE=reference&D=medl&NEWS=N&AN=34518239", first.Url);
        Assert.StartsWith("BACKGROUND: Social prescribing links people", first.Abstract, StringComparison.Ordinal);
        Assert.Equal(["Adult", "*Chronic Disease/th [Therapy]", "Humans", "*Primary Health Care", "*Social Support"], first.Keywords);

        // JA repeats JF, so it adds nothing; the second link and the addresses are kept for export.
        Assert.Equal(["FA", "ID", "CY", "SN", "AD", "AD", "UR"], RisFiles.Tags(first));
        Assert.Equal("https://bmjopen.bmj.com/content/11/9/e048321", first.OtherTags[^1].Value);
        Assert.Equal(1, first.Position);

        Assert.Equal(("Health & Social Care in the Community", "e2107-e2118", "35120977"), (result.References[1].Source, result.References[1].Pages, result.References[1].Pmid));
    }

    [Fact]
    public void An_Embase_accession_number_is_not_taken_for_a_PMID()
    {
        var embase = RisFiles.Read("ovid-medline.ris").References[2];

        Assert.Equal("Embase", embase.Database);
        Assert.Null(embase.Pmid);
        Assert.Contains(new ExtraTag("AN", "2016745291"), embase.OtherTags);
        Assert.Equal("88-97", embase.Pages);
    }

    [Fact]
    public void EBSCOhost_records_name_the_database_from_its_code_and_take_the_PMID_from_U2()
    {
        var result = RisFiles.Read("ebsco-cinahl.ris");

        Assert.Empty(result.Rejected);
        var cinahl = result.References[0];
        Assert.Equal(["Whitmore, Karen", "Fenwick, David", "O'Driscoll, Áine"], cinahl.Authors);
        Assert.Equal("Journal of Advanced Nursing", cinahl.Source);
        Assert.Equal((2020, "76", "3", "812-824"), (cinahl.Year, cinahl.Volume, cinahl.Issue, cinahl.Pages));
        Assert.Equal("CINAHL Complete via EBSCOhost", cinahl.Database);
        Assert.Equal("31829432", cinahl.Pmid);
        Assert.Equal("10.1111/jan.14281", cinahl.Doi);
        Assert.StartsWith("Aims: To evaluate a nurse-led", cinahl.Abstract, StringComparison.Ordinal);
        Assert.True(cinahl.AbstractIsLicensed);

        // JO and N2 repeat JF and AB; the fuller date and EBSCO's own accession number stay.
        Assert.Equal(["Y1", "PB", "SN", "AN"], RisFiles.Tags(cinahl));
        Assert.Equal(new ExtraTag("Y1", "2020/03//"), cinahl.OtherTags[0]);
        Assert.Equal(new ExtraTag("AN", "142178365"), cinahl.OtherTags[3]);

        var medline = result.References[1];
        Assert.Equal("MEDLINE Complete via EBSCOhost", medline.Database);
        Assert.Equal("31675268", medline.Pmid);
        Assert.DoesNotContain(medline.OtherTags, t => t.Tag == "AN");
    }

    [Fact]
    public void EndNote_records_keep_editors_addresses_and_file_links_as_extra_tags_and_split_keyword_lines()
    {
        var result = RisFiles.Read("endnote.ris");

        Assert.Empty(result.Rejected);
        Assert.Equal(["JOUR", "BOOK", "CHAP", "RPRT", "ELEC"], result.References.Select(r => r.Type));
        var article = result.References[0];
        Assert.Equal(["Patel, R.", "Nguyen, T. H.", "Ellis-Barker, M."], article.Authors);
        Assert.Equal("Lancet", article.Source);
        Assert.Equal((2020, "395", "10227", "795-803"), (article.Year, article.Volume, article.Issue, article.Pages));
        Assert.Equal("PubMed", article.Database);
        Assert.Equal("32145678", article.Pmid);
        Assert.Equal(["Aged", "Frail Elderly", "Geriatric Assessment/*methods", "Humans"], article.Keywords);
        Assert.Equal("Cited in the frailty pathway review; cohort of 12,400 people over 75.\nFull text held by the trust library.", article.Note);
        Assert.Null(article.Url);
        Assert.Equal(["AD", "C2", "DA", "ET", "LA", "SN", "ST", "L1"], RisFiles.Tags(article));
        Assert.Equal(
            "Leeds Institute of Health Sciences, University of Leeds, Leeds, UK.\nBradford Institute for Health Research, Bradford Teaching Hospitals NHS Foundation Trust, Bradford, UK.",
            article.OtherTags[0].Value);
        Assert.Equal(new ExtraTag("L1", "internal-pdf://0412345678/Patel-2020-Frailty.pdf"), article.OtherTags[^1]);
        Assert.False(article.AbstractIsLicensed);

        var chapter = result.References[2];
        Assert.Equal(["Lorimer, Hugh"], chapter.Authors);
        Assert.Equal([new ExtraTag("A2", "Brown, Elaine"), new ExtraTag("A2", "Khan, Imran")], chapter.OtherTags.Where(t => t.Tag == "A2"));
        Assert.Equal("Integrated care in the United Kingdom: policy and practice", chapter.Source);

        // EndNote marks a corporate author with a trailing comma.
        Assert.Equal(["National Institute for Health and Care Excellence"], result.References[3].Authors);
        Assert.Equal("https://www.nice.org.uk/guidance/ng56", result.References[3].Url);
        Assert.Equal(["The King's Fund"], result.References[4].Authors);
    }

    [Fact]
    public void Zotero_records_keep_paragraphs_in_the_abstract_and_take_the_PMID_from_the_extra_field()
    {
        var result = RisFiles.Read("zotero.ris");

        Assert.Empty(result.Rejected);
        Assert.Equal(["JOUR", "CONF", "THES"], result.References.Select(r => r.Type));
        var trial = result.References[0];
        Assert.Equal(["Mwangi, Grace", "Holloway, Ben", "Carvalho, Inês"], trial.Authors);
        Assert.Equal("Diabetic Medicine", trial.Source);
        Assert.Equal("1432-1441", trial.Pages);
        Assert.Equal("31532245", trial.Pmid);
        Assert.Equal("PubMed", trial.Database);
        Assert.False(trial.AbstractIsLicensed);
        Assert.Equal(
            "Aims\nWe assessed whether support from community health workers improves glycaemic control.\n\nMethods\n"
            + "Adults with HbA1c of 58 mmol/mol or more were randomised to twelve months of community health worker support or usual care.\n\n"
            + "Results\nAt 12 months mean HbA1c was 4.2 mmol/mol lower in the intervention group (95% CI 1.9 to 6.5).",
            trial.Abstract);
        Assert.Equal(["DA", "ET", "J2", "LA", "SN", "ST", "Y2"], RisFiles.Tags(trial));
        Assert.Equal("Royal College of General Practitioners Annual Conference", result.References[1].Source);
        Assert.Equal(2023, result.References[1].Year);
    }

    [Fact]
    public void Mendeley_files_with_no_blank_lines_bare_end_lines_and_trailing_spaces_are_read()
    {
        var result = RisFiles.Read("mendeley.ris");

        Assert.Empty(result.Rejected);
        Assert.Equal(3, result.References.Count);
        var trial = result.References[0];
        Assert.Equal(["Obi, Nkechi", "Fairclough, James"], trial.Authors);
        Assert.Equal("Pharmacist-led medication reviews in care homes were associated with fewer falls (rate ratio 0.79).", trial.Abstract);
        Assert.Equal(("Age and Ageing", 2021, "2056-2063", "Screened by two reviewers"), (trial.Source, trial.Year, trial.Pages, trial.Note));
        Assert.Equal("10.3399/BJGP.2022.0188", result.References[1].Doi);
        Assert.Equal("https://doi.org/10.3399/BJGP.2022.0188", result.References[1].FullTextUrl);
        Assert.Equal(("GEN", "https://www.england.nhs.uk/personalisedcare/"), (result.References[2].Type, result.References[2].FullTextUrl));
    }
}
