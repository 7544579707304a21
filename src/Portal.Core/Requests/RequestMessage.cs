using Portal.Core.Events;

namespace Portal.Core.Requests;

/// <summary>What a message in the reference conversation is.</summary>
public enum RequestMessageKind
{
    /// <summary>A message from anyone in the conversation.</summary>
    Message = 0,

    /// <summary>The claimant's question that put the request on hold for the requester.</summary>
    Question = 1,

    /// <summary>The requester's answer that gave the request back to its claimant.</summary>
    Answer = 2,
}

/// <summary>
/// One message in the reference conversation on a request, between its requester, claimant,
/// mentor and coordinators. Messages are never edited, so the conversation is its own record.
/// </summary>
public sealed class RequestMessage : Entity
{
    public const int BodyMaxLength = 4000;

    private RequestMessage()
    {
        AuthorId = Body = string.Empty;
    }

    private RequestMessage(Guid requestId, string authorId, string body, RequestMessageKind kind, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        RequestId = requestId;
        AuthorId = authorId;
        Body = body;
        Kind = kind;
        SentAt = now;
        Raise(new RequestMessagePosted(requestId, Id, authorId, kind));
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public string AuthorId { get; private set; }

    public string Body { get; private set; }

    public RequestMessageKind Kind { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    /// <summary>A new message; who may write on the request is checked by the caller, the text here.</summary>
    public static RequestMessage Post(Guid requestId, string authorId, string? body, RequestMessageKind kind, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authorId);
        return new RequestMessage(requestId, authorId, CheckBody(body), kind, now);
    }

    /// <summary>The trimmed text, or why it cannot be sent.</summary>
    public static string CheckBody(string? body)
    {
        var text = body?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            throw new DomainException("Enter a message");
        }

        return text.Length > BodyMaxLength
            ? throw new DomainException($"A message must be {BodyMaxLength} characters or fewer")
            : text;
    }
}
