using Portal.Core.Geography;
using Portal.Core.Topics;
using Portal.Core.WorkStreams;

namespace Portal.Core.Tests;

public class WorkStreamTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 12, 9, 30, 0, TimeSpan.Zero);

    private static readonly Topic Frailty = new("frailty", "Frailty", null);
    private static readonly Topic Falls = new("falls-prevention", "Falls prevention", Frailty);
    private static readonly Topic CareHomes = new("care-homes", "Care homes", Frailty);

    [Fact]
    public void Creating_a_work_stream_raises_WorkStreamCreated()
    {
        var workStream = new WorkStream(" frailty-framework ", " Frailty framework ", "Evidence for frailty.", Areas.System(), Now);

        var created = Assert.IsType<WorkStreamCreated>(Assert.Single(workStream.DomainEvents));
        Assert.Equal(workStream.Id, created.WorkStreamId);
        Assert.Equal("Frailty framework", created.Title);
        Assert.Equal(workStream.Id.ToString(), created.SubjectId);
        Assert.Equal("WorkStream", created.SubjectType);
        Assert.Equal("frailty-framework", workStream.Key);
        Assert.Equal(Now, workStream.CreatedAt);
        Assert.Equal(WorkStreamStatus.Active, workStream.Status);
    }

    [Theory]
    [InlineData(GeoLevel.Country)]
    [InlineData(GeoLevel.Region)]
    [InlineData(GeoLevel.Place)]
    public void An_area_that_is_not_a_system_is_refused_as_the_system(GeoLevel level)
    {
        var area = new GeoArea("A1", "Somewhere", level, null, Areas.Start, null, null);

        var refused = Assert.Throws<DomainException>(() => new WorkStream("ws", "Work stream", "", area, Now));

        Assert.Equal($"Somewhere is a {level}, not a system.", refused.Message);
    }

    [Fact]
    public void A_place_outside_the_system_is_refused()
    {
        var system = Areas.System();
        var workStream = NewWorkStream(system);
        var elsewhere = Areas.Place(system: null);

        var refused = Assert.Throws<DomainException>(() => workStream.Describe("Frailty framework", "", system, elsewhere));

        Assert.Equal("Gateshead is not a place in NHS North East and North Cumbria ICB.", refused.Message);
        Assert.Null(workStream.Place);
        Assert.Empty(workStream.DomainEvents);
    }

    [Fact]
    public void A_neighbourhood_is_refused_as_the_place()
    {
        var system = Areas.System();
        var workStream = NewWorkStream(system);
        var neighbourhood = new GeoArea("EX-PCN-001", "Inner West PCN", GeoLevel.Neighbourhood, Areas.Place(system), Areas.Start, null, null);

        Assert.Throws<DomainException>(() => workStream.Describe("Frailty framework", "", system, neighbourhood));
    }

    [Fact]
    public void A_place_in_the_system_is_accepted()
    {
        var system = Areas.System();
        var workStream = NewWorkStream(system);
        var place = Areas.Place(system);

        workStream.Describe("Frailty framework", "", system, place);

        Assert.Same(place, workStream.Place);
        Assert.IsType<WorkStreamChanged>(Assert.Single(workStream.DomainEvents));
    }

    [Fact]
    public void Describing_a_work_stream_as_it_is_raises_nothing()
    {
        var system = Areas.System();
        var workStream = NewWorkStream(system);

        workStream.Describe(" Frailty framework ", "", system, place: null);

        Assert.Empty(workStream.DomainEvents);
    }

    [Fact]
    public void A_new_title_raises_WorkStreamChanged_with_that_title()
    {
        var system = Areas.System();
        var workStream = NewWorkStream(system);

        workStream.Describe("Frailty and falls", "", system, place: null);

        var changed = Assert.IsType<WorkStreamChanged>(Assert.Single(workStream.DomainEvents));
        Assert.Equal("Frailty and falls", changed.Title);
    }

    [Fact]
    public void Tagging_with_a_different_set_of_topics_raises_WorkStreamChanged()
    {
        var workStream = NewWorkStream(Areas.System());

        workStream.TagWith([Frailty, Falls]);

        Assert.IsType<WorkStreamChanged>(Assert.Single(workStream.DomainEvents));
        Assert.Equal(["frailty", "falls-prevention"], workStream.Topics.Select(t => t.Key));
    }

    [Fact]
    public void Tagging_with_the_same_set_in_another_order_raises_nothing()
    {
        var workStream = NewWorkStream(Areas.System());
        workStream.TagWith([Frailty, Falls]);
        workStream.TakeDomainEvents();

        workStream.TagWith([Falls, Frailty, Falls]);

        Assert.Empty(workStream.DomainEvents);
        Assert.Equal(2, workStream.Topics.Count);
    }

    [Fact]
    public void Replacing_one_topic_replaces_the_set()
    {
        var workStream = NewWorkStream(Areas.System());
        workStream.TagWith([Frailty, Falls]);
        workStream.TakeDomainEvents();

        workStream.TagWith([Frailty, CareHomes]);

        Assert.Single(workStream.DomainEvents);
        Assert.Equal(["frailty", "care-homes"], workStream.Topics.Select(t => t.Key));
    }

    [Fact]
    public void Adding_the_same_lead_twice_adds_them_once()
    {
        var workStream = NewWorkStream(Areas.System());

        workStream.AddLead("user-1");
        workStream.AddLead("user-1");

        var lead = Assert.Single(workStream.Leads);
        Assert.Equal("user-1", lead.UserId);
        Assert.Equal(workStream.Id, lead.WorkStreamId);
        Assert.IsType<WorkStreamChanged>(Assert.Single(workStream.DomainEvents));
    }

    [Fact]
    public void A_second_lead_is_added_beside_the_first()
    {
        var workStream = NewWorkStream(Areas.System());

        workStream.AddLead("user-1");
        workStream.AddLead("user-2");

        Assert.Equal(["user-1", "user-2"], workStream.Leads.Select(l => l.UserId));
        Assert.Equal(2, workStream.DomainEvents.Count);
    }

    [Fact]
    public void Changing_the_status_raises_WorkStreamChanged()
    {
        var workStream = NewWorkStream(Areas.System());

        workStream.SetStatus(WorkStreamStatus.Paused);

        Assert.Equal(WorkStreamStatus.Paused, workStream.Status);
        Assert.IsType<WorkStreamChanged>(Assert.Single(workStream.DomainEvents));
    }

    [Fact]
    public void Setting_the_status_it_already_has_raises_nothing()
    {
        var workStream = NewWorkStream(Areas.System());

        workStream.SetStatus(WorkStreamStatus.Active);

        Assert.Empty(workStream.DomainEvents);
    }

    /// <summary>A saved-looking work stream: its creation event is already handed over.</summary>
    private static WorkStream NewWorkStream(GeoArea system)
    {
        var workStream = new WorkStream("frailty-framework", "Frailty framework", "", system, Now);
        workStream.TakeDomainEvents();
        return workStream;
    }
}
