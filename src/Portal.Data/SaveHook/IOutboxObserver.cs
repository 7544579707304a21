namespace Portal.Data.SaveHook;

/// <summary>Told when a save has written outbox messages, so the sender need not wait for its next poll.</summary>
public interface IOutboxObserver
{
    void MessagesQueued();
}
