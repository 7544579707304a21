using Portal.Data.SaveHook;

namespace Portal.Email.Outbox;

/// <summary>What a send attempt does to an outbox row. Every outcome releases the claim.</summary>
internal static class OutboxOutcomes
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);
    private const int MaxErrorLength = 500;

    public static void Sent(this OutboxMessage message, DateTimeOffset now)
    {
        message.Attempts++;
        message.Status = OutboxStatus.Sent;
        message.SentAt = now;
        message.LockedUntil = null;
    }

    /// <summary>A failure that may pass (server down, timeout): try again later, or give up after the last attempt.</summary>
    public static void Failed(this OutboxMessage message, string error, DateTimeOffset now, int maxAttempts)
    {
        message.Attempts++;
        message.LastError = Shorten(error);
        message.LockedUntil = null;
        if (message.Attempts >= maxAttempts)
        {
            message.Status = OutboxStatus.DeadLetter;
        }
        else
        {
            message.NextAttemptAt = now + RetryDelay(message.Attempts);
        }
    }

    /// <summary>A message that can never be sent as it stands: a dead letter at once, for an administrator to look at.</summary>
    public static void Refused(this OutboxMessage message, string error)
    {
        message.Status = OutboxStatus.DeadLetter;
        message.LastError = Shorten(error);
        message.LockedUntil = null;
    }

    /// <summary>30 s after the first failure, doubling each time, never more than an hour.</summary>
    public static TimeSpan RetryDelay(int attempts)
    {
        var doublings = Math.Min(Math.Max(attempts - 1, 0), 20);
        var delay = FirstRetry * Math.Pow(2, doublings);
        return delay < LongestWait ? delay : LongestWait;
    }

    private static string Shorten(string error) =>
        error.Length <= MaxErrorLength ? error : error[..(MaxErrorLength - 1)] + "…";
}
