using Portal.Core.Summaries;

namespace Portal.Web.Features.Summaries;

/// <summary>
/// The column sizes a reference must fit, checked before a save so that an over-long field is a
/// message naming the record rather than a database error (PostgreSQL enforces them; SQLite not).
/// </summary>
internal static class ReferenceLimits
{
    private const int TypeMaxLength = 20;
    private const int PmidMaxLength = 50;

    /// <summary>What is wrong with reference <paramref name="number"/>, or null when it fits.</summary>
    public static string? Problem(Reference reference, int number)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var tooLong = new (string Label, string? Value, int Max)[]
        {
            ("type", reference.Type, TypeMaxLength),
            ("title", reference.Title, Reference.TitleMaxLength),
            ("journal or source", reference.Source, Reference.ShortMaxLength),
            ("volume", reference.Volume, Reference.ShortMaxLength),
            ("issue", reference.Issue, Reference.ShortMaxLength),
            ("pages", reference.Pages, Reference.ShortMaxLength),
            ("DOI", reference.Doi, Reference.ShortMaxLength),
            ("PMID", reference.Pmid, PmidMaxLength),
            ("URL", reference.Url, Reference.TitleMaxLength),
            ("abstract", reference.Abstract, Reference.AbstractMaxLength),
            ("note", reference.Note, Reference.NoteMaxLength),
            ("database", reference.Database, Reference.ShortMaxLength),
        }.FirstOrDefault(f => f.Value is { } text && text.Length > f.Max);
        return tooLong.Label is null
            ? null
            : $"Reference {number} has a {tooLong.Label} longer than {tooLong.Max:N0} characters";
    }
}
