using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Segmentation;
using Portal.Core.WorkStreams;

namespace Portal.Data.Configurations;

internal sealed class SegmentationOutputConfiguration : IEntityTypeConfiguration<SegmentationOutput>
{
    public void Configure(EntityTypeBuilder<SegmentationOutput> builder)
    {
        builder.Ignore(o => o.DomainEvents);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Title).HasMaxLength(SegmentationOutput.TitleMaxLength);
        builder.Property(o => o.Period).HasMaxLength(SegmentationOutput.PeriodMaxLength);
        builder.Property(o => o.Narrative).HasMaxLength(SegmentationOutput.NarrativeMaxLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Rule).HasMaxLength(2_000);
        builder.Property(o => o.DisclosureControl).HasMaxLength(2_000);
        builder.Property(o => o.Gini).HasPrecision(6, 4);
        builder.Property(o => o.UploadedBy).HasMaxLength(450);
        builder.HasOne(o => o.Area).WithMany().HasForeignKey(o => o.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.UploadedAt);
        builder.HasMany(o => o.WorkStreams).WithOne().HasForeignKey(l => l.OutputId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.WorkStreams).HasField("_workStreams");
        builder.HasMany(o => o.Summaries).WithOne().HasForeignKey(l => l.OutputId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Summaries).HasField("_summaries");
    }
}

internal sealed class SegmentationOutputWorkStreamConfiguration : IEntityTypeConfiguration<SegmentationOutputWorkStream>
{
    public void Configure(EntityTypeBuilder<SegmentationOutputWorkStream> builder)
    {
        builder.ToTable("SegmentationOutputWorkStreams");
        builder.HasKey(l => new { l.OutputId, l.WorkStreamId });
        builder.HasOne<WorkStream>().WithMany().HasForeignKey(l => l.WorkStreamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.WorkStreamId);
    }
}

internal sealed class SegmentationOutputSummaryConfiguration : IEntityTypeConfiguration<SegmentationOutputSummary>
{
    public void Configure(EntityTypeBuilder<SegmentationOutputSummary> builder)
    {
        // Summaries arrive in a later issue: the id is kept without a foreign key until then.
        builder.ToTable("SegmentationOutputSummaries");
        builder.HasKey(l => new { l.OutputId, l.SummaryId });
        builder.HasIndex(l => l.SummaryId);
    }
}
