using Portal.Data.SaveHook;

namespace Portal.Email.Outbox;

/// <summary>Wakes the dispatcher when a save wrote outbox messages.</summary>
public sealed class OutboxSignal : WakeSignal, IOutboxObserver
{
    void IOutboxObserver.MessagesQueued() => Notify();
}
