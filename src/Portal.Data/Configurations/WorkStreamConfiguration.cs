using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.WorkStreams;
using Portal.Data.Identity;

namespace Portal.Data.Configurations;

internal sealed class WorkStreamConfiguration : IEntityTypeConfiguration<WorkStream>
{
    public void Configure(EntityTypeBuilder<WorkStream> builder)
    {
        builder.Ignore(w => w.DomainEvents);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Key).HasMaxLength(100);
        builder.HasIndex(w => w.Key).IsUnique();
        builder.Property(w => w.Title).HasMaxLength(200);
        builder.Property(w => w.Summary).HasMaxLength(20_000);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Decisions).HasMaxLength(20_000);
        builder.HasOne(w => w.System).WithMany().HasForeignKey(w => w.SystemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.Place).WithMany().HasForeignKey(w => w.PlaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(w => w.Topics).WithMany().UsingEntity("WorkStreamTopics");
        builder.Navigation(w => w.Topics).HasField("_topics");
        builder.HasMany(w => w.Leads).WithOne().HasForeignKey(l => l.WorkStreamId);
        builder.Navigation(w => w.Leads).HasField("_leads");
    }
}

internal sealed class WorkStreamLeadConfiguration : IEntityTypeConfiguration<WorkStreamLead>
{
    public void Configure(EntityTypeBuilder<WorkStreamLead> builder)
    {
        builder.HasKey(l => new { l.WorkStreamId, l.UserId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
