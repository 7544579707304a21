using Portal.Core.Summaries;
using Portal.Core.Summaries.Ris;

namespace Portal.Core.Tests.Summaries;

/// <summary>The sample exports in RisFiles/, read as the portal reads an upload: from the bytes.</summary>
internal static class RisFiles
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Summaries", "RisFiles", name));

    public static RisReadResult Read(string name) => RisReader.Read(Bytes(name));

    /// <summary>Every field compared, lists by their items, so a failure names the field that differs.</summary>
    public static void AssertSameFields(Reference expected, Reference actual)
    {
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.Authors, actual.Authors);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Year, actual.Year);
        Assert.Equal(expected.Volume, actual.Volume);
        Assert.Equal(expected.Issue, actual.Issue);
        Assert.Equal(expected.Pages, actual.Pages);
        Assert.Equal(expected.Doi, actual.Doi);
        Assert.Equal(expected.Pmid, actual.Pmid);
        Assert.Equal(expected.Url, actual.Url);
        Assert.Equal(expected.Abstract, actual.Abstract);
        Assert.Equal(expected.Note, actual.Note);
        Assert.Equal(expected.Database, actual.Database);
        Assert.Equal(expected.Keywords, actual.Keywords);
        Assert.Equal(expected.OtherTags, actual.OtherTags);
    }

    public static string[] Tags(Reference reference) => reference.OtherTags.Select(t => t.Tag).ToArray();
}
