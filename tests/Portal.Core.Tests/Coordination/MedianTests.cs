using Portal.Core.Reporting;

namespace Portal.Core.Tests.Coordination;

public sealed class MedianTests
{
    [Fact]
    public void No_values_have_no_median()
    {
        Assert.Null(Median.Of([]));
    }

    [Fact]
    public void One_value_is_its_own_median()
    {
        Assert.Equal(4.5, Median.Of([4.5]));
    }

    [Fact]
    public void An_odd_count_gives_the_middle_value_whatever_the_order()
    {
        Assert.Equal(3, Median.Of([9, 1, 3]));
        Assert.Equal(3, Median.Of([3, 9, 1, 2, 40]));
    }

    [Fact]
    public void An_even_count_gives_the_mean_of_the_two_middle_values()
    {
        Assert.Equal(2.5, Median.Of([4, 1, 2, 3]));
        Assert.Equal(6, Median.Of([2, 10]));
    }

    [Fact]
    public void One_very_slow_request_does_not_drag_the_median()
    {
        Assert.Equal(2, Median.Of([1, 2, 2, 3, 365]));
    }

    [Fact]
    public void The_values_given_are_not_reordered()
    {
        var days = new[] { 5.0, 1.0, 3.0 };

        Median.Of(days);

        Assert.Equal([5.0, 1.0, 3.0], days);
    }

    [Fact]
    public void Not_a_number_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Median.Of([1, double.NaN]));
    }
}
