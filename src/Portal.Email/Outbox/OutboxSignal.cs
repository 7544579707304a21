using System.Threading.Channels;
using Portal.Data.SaveHook;

namespace Portal.Email.Outbox;

/// <summary>
/// Wakes the dispatcher now instead of at its next poll. The save hook tells it when a save wrote
/// outbox messages; several calls before the dispatcher wakes count as one.
/// </summary>
public sealed class OutboxSignal : IOutboxObserver
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => _wake.Writer.TryWrite(true);

    void IOutboxObserver.MessagesQueued() => Notify();

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
