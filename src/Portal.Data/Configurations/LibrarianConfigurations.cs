using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Geography;
using Portal.Core.Librarians;
using Portal.Core.Requests;
using Portal.Core.Topics;
using Portal.Data.Identity;

namespace Portal.Data.Configurations;

internal sealed class LibrarianProfileConfiguration : IEntityTypeConfiguration<LibrarianProfile>
{
    public void Configure(EntityTypeBuilder<LibrarianProfile> builder)
    {
        builder.Ignore(p => p.DomainEvents);
        builder.HasKey(p => p.UserId);
        builder.HasOne<PortalUser>().WithOne().HasForeignKey<LibrarianProfile>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.Service).HasMaxLength(200);
        builder.Property(p => p.Organisation).HasMaxLength(200);
        builder.HasOne<GeoArea>().WithMany().HasForeignKey(p => p.SystemId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Skills).HasConversion<int>();
        builder.PrimitiveCollection(p => p.Databases).HasField("_databases").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.Topics, topic =>
        {
            topic.ToTable("LibrarianTopics");
            topic.WithOwner().HasForeignKey("UserId");
            topic.Property<int>("Id");
            topic.HasKey("Id");
            topic.Property(t => t.Level).HasConversion<string>().HasMaxLength(20);
            topic.HasOne<Topic>().WithMany().HasForeignKey(t => t.TopicId).OnDelete(DeleteBehavior.Cascade);
            topic.HasIndex(t => t.TopicId);
        });
        builder.Navigation(p => p.Topics).HasField("_topics").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.TimeAway, away =>
        {
            away.ToTable("LibrarianTimeAway");
            away.WithOwner().HasForeignKey("UserId");
            away.Property<int>("Id");
            away.HasKey("Id");
        });
        builder.Navigation(p => p.TimeAway).HasField("_timeAway").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RequestMessageConfiguration : IEntityTypeConfiguration<RequestMessage>
{
    public void Configure(EntityTypeBuilder<RequestMessage> builder)
    {
        builder.Ignore(m => m.DomainEvents);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Body).HasMaxLength(RequestMessage.BodyMaxLength);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<EvidenceRequest>().WithMany().HasForeignKey(m => m.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.RequestId, m.SentAt });
    }
}

internal sealed class TimeRecordConfiguration : IEntityTypeConfiguration<TimeRecord>
{
    public void Configure(EntityTypeBuilder<TimeRecord> builder)
    {
        builder.Ignore(t => t.DomainEvents);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Note).HasMaxLength(TimeRecord.NoteMaxLength);
        builder.HasOne<EvidenceRequest>().WithMany().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(t => t.LibrarianId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.RequestId);
        builder.HasIndex(t => new { t.LibrarianId, t.On });
    }
}
