namespace Portal.Data.Tests;

/// <summary>A clock that always reads the same moment, so saved times can be compared exactly.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
