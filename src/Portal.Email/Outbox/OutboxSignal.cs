using System.Threading.Channels;

namespace Portal.Email.Outbox;

/// <summary>
/// Wakes the dispatcher now instead of at its next poll. A feature calls Notify() after it has
/// saved an outbox message; several calls before the dispatcher wakes count as one.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when notified or when the wait is over, whichever comes first.</summary>
    internal async Task WaitAsync(TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(wait, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval has passed.
        }
    }
}
