using Portal.Core.Topics;

namespace Portal.Core.Tests;

public class TopicTests
{
    [Fact]
    public void A_topic_sits_under_its_parent()
    {
        var frailty = new Topic("frailty", "Frailty", null);

        var falls = new Topic("falls-prevention", " Falls prevention ", frailty);

        Assert.Same(frailty, falls.Parent);
        Assert.Equal("Falls prevention", falls.Name);
    }

    [Fact]
    public void A_topic_cannot_be_its_own_parent()
    {
        var frailty = new Topic("frailty", "Frailty", null);

        var refused = Assert.Throws<DomainException>(() => frailty.Rename("Frailty", frailty));

        Assert.Equal("Topic frailty cannot be its own parent.", refused.Message);
        Assert.Null(frailty.Parent);
    }

    [Fact]
    public void A_new_topic_cannot_name_a_parent_with_its_own_key()
    {
        var first = new Topic("frailty", "Frailty", null);

        Assert.Throws<DomainException>(() => new Topic("frailty", "Frailty again", first));
    }

    [Fact]
    public void A_topic_cannot_move_under_one_of_its_own_descendants()
    {
        var frailty = new Topic("frailty", "Frailty", null);
        var falls = new Topic("falls-prevention", "Falls prevention", frailty);
        var exercise = new Topic("strength-and-balance", "Strength and balance", falls);

        var refused = Assert.Throws<DomainException>(() => frailty.Rename("Frailty", exercise));

        Assert.Equal("Topic frailty cannot move under strength-and-balance, which is inside it.", refused.Message);
        Assert.Null(frailty.Parent);
    }
}
