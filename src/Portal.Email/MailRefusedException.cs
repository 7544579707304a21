namespace Portal.Email;

/// <summary>
/// A message that can never be sent as it stands — an unknown template, a broken model, a header
/// value that would inject headers. Retrying cannot help, so the message becomes a dead letter at once.
/// </summary>
public sealed class MailRefusedException : Exception
{
    public MailRefusedException()
    {
    }

    public MailRefusedException(string message)
        : base(message)
    {
    }

    public MailRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
