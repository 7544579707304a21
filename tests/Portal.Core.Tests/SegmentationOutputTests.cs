using Portal.Core.Segmentation;

namespace Portal.Core.Tests;

public class SegmentationOutputTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static SegmentationOutput Output(string title = " Segmentation 2024-25 ", string narrative = "") =>
        new(title, Areas.System(), " 2024-25 ", narrative, SegmentationInputKind.Aggregated, "# format: x\n", "a: otherwise", "sdc/1", 0.71m, partial: false, people: 2_800_000, "user-1", Now);

    [Fact]
    public void Publishing_an_output_raises_SegmentationOutputPublished_for_the_index()
    {
        var output = Output();

        var published = Assert.IsType<SegmentationOutputPublished>(Assert.Single(output.DomainEvents));
        Assert.Equal((output.Id, "Segmentation 2024-25", "SegmentationOutput"), (published.OutputId, published.Title, published.SubjectType));
        Assert.Equal(("2024-25", "E54000050", Now), (output.Period, output.Area!.Code, output.UploadedAt));
    }

    [Fact]
    public void Linking_a_work_stream_or_summary_twice_changes_nothing_the_second_time()
    {
        var output = Output();
        output.TakeDomainEvents();
        var workStream = Guid.NewGuid();
        var summary = Guid.NewGuid();

        output.LinkTo(workStream);
        output.LinkTo(workStream);
        output.LinkToSummary(summary);
        output.LinkToSummary(summary);

        Assert.Equal([workStream], output.WorkStreams.Select(w => w.WorkStreamId));
        Assert.Equal([summary], output.Summaries.Select(s => s.SummaryId));
        Assert.Equal(2, output.DomainEvents.Count);
        Assert.All(output.DomainEvents, e => Assert.IsType<SegmentationOutputChanged>(e));
    }

    [Fact]
    public void A_title_too_long_is_refused()
    {
        Assert.Throws<DomainException>(() => Output(title: new string('x', SegmentationOutput.TitleMaxLength + 1)));
        Assert.Throws<DomainException>(() => Output(narrative: new string('x', SegmentationOutput.NarrativeMaxLength + 1)));
    }
}
