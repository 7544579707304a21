namespace Portal.Core.WorkStreams;

public enum WorkStreamStatus
{
    Active = 0,
    Paused = 1,
    Closed = 2,
}
