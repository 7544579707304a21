using Portal.Core.WorkStreams;

namespace Portal.Core.Tests;

public class EntityTests
{
    [Fact]
    public void Domain_events_are_handed_over_once()
    {
        var workStream = new WorkStream("frailty-framework", "Frailty framework", "", Areas.System(), DateTimeOffset.UnixEpoch);
        workStream.SetStatus(WorkStreamStatus.Paused);

        var first = workStream.TakeDomainEvents();
        var second = workStream.TakeDomainEvents();

        Assert.Equal([typeof(WorkStreamCreated), typeof(WorkStreamChanged)], first.Select(e => e.GetType()));
        Assert.Empty(second);
        Assert.Empty(workStream.DomainEvents);
    }

    [Fact]
    public void Events_raised_after_a_hand_over_are_kept_for_the_next()
    {
        var workStream = new WorkStream("frailty-framework", "Frailty framework", "", Areas.System(), DateTimeOffset.UnixEpoch);
        workStream.TakeDomainEvents();

        workStream.AddLead("user-1");

        Assert.IsType<WorkStreamChanged>(Assert.Single(workStream.TakeDomainEvents()));
    }
}
