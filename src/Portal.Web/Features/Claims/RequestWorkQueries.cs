using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Claims;

/// <summary>The conversation and the time records of a request, with people's names, for the page and the API.</summary>
internal static class RequestWorkQueries
{
    public static async Task<IReadOnlyList<ConversationMessage>> MessagesOfAsync(this PortalDbContext db, Guid requestId, CancellationToken cancellationToken)
    {
        var messages = await db.RequestMessages.AsNoTracking().Where(m => m.RequestId == requestId)
            .OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var names = await db.DisplayNamesAsync(messages.Select(m => m.AuthorId), cancellationToken);
        return messages.Select(m => new ConversationMessage(m.Id, m.Kind, m.AuthorId, names.GetValueOrDefault(m.AuthorId, "Unknown"), m.Body, m.SentAt)).ToList();
    }

    public static async Task<IReadOnlyList<TimeRow>> TimeRecordsOfAsync(this PortalDbContext db, Guid requestId, CancellationToken cancellationToken)
    {
        var records = await db.TimeRecords.AsNoTracking().Where(t => t.RequestId == requestId)
            .OrderBy(t => t.On).ThenBy(t => t.RecordedAt).ToListAsync(cancellationToken);
        var names = await db.DisplayNamesAsync(records.Select(t => t.LibrarianId), cancellationToken);
        return records.Select(t => new TimeRow(t.Id, t.LibrarianId, names.GetValueOrDefault(t.LibrarianId, "Unknown"), t.On, t.Minutes, t.Note, t.RecordedAt)).ToList();
    }
}

/// <summary>One message of a request's conversation, with its author's name.</summary>
public sealed record ConversationMessage(Guid Id, Core.Requests.RequestMessageKind Kind, string AuthorId, string AuthorName, string Body, DateTimeOffset SentAt);

/// <summary>Time a librarian recorded on a request, with their name.</summary>
public sealed record TimeRow(Guid Id, string LibrarianId, string LibrarianName, DateOnly On, int Minutes, string? Note, DateTimeOffset RecordedAt);
