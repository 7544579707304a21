using System.Threading.Channels;

namespace Portal.Data.SaveHook;

/// <summary>
/// Wakes a background loop now instead of at its next poll: the save hook tells it when a save
/// wrote rows it handles. Several calls before the loop wakes count as one.
/// </summary>
public class WakeSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Notify() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when notified or when the wait is over, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan wait, TimeProvider clock, CancellationToken cancellationToken)
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
