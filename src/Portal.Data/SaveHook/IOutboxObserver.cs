namespace Portal.Data.SaveHook;

/// <summary>Told when a save has written outbox messages, so the sender need not wait for its next poll.</summary>
public interface IOutboxObserver
{
    void MessagesQueued();
}

/// <summary>Told when a save has written indexing tasks, so this node's index need not wait for its next poll.</summary>
public interface IIndexingObserver
{
    void TasksQueued();
}
