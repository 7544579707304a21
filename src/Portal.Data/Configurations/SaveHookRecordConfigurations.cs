using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Data.SaveHook;

namespace Portal.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(a => a.Actor).HasMaxLength(450);
        builder.Property(a => a.EventType).HasMaxLength(100);
        builder.Property(a => a.SubjectType).HasMaxLength(100);
        builder.Property(a => a.SubjectId).HasMaxLength(100);
        builder.HasIndex(a => new { a.SubjectType, a.SubjectId });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.ToAddress).HasMaxLength(320);
        builder.Property(m => m.Template).HasMaxLength(100);
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(1000);
        builder.Property(n => n.Link).HasMaxLength(500);
        builder.Property(n => n.Kind).HasMaxLength(40);
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasIndex(n => new { n.UserId, n.ForDigest, n.DigestedAt });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.HasKey(p => new { p.UserId, p.Kind });
        builder.Property(p => p.Kind).HasMaxLength(40);
        builder.Property(p => p.Delivery).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Identity.PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.HasOne<Identity.PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Portal.Core.Topics.Topic>().WithMany().HasForeignKey(s => s.TopicId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Portal.Core.WorkStreams.WorkStream>().WithMany().HasForeignKey(s => s.WorkStreamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.UserId, s.TopicId, s.WorkStreamId }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("CK_Subscriptions_OneTarget", "(\"TopicId\" IS NULL) <> (\"WorkStreamId\" IS NULL)"));
    }
}

internal sealed class DigestStateConfiguration : IEntityTypeConfiguration<DigestState>
{
    public void Configure(EntityTypeBuilder<DigestState> builder)
    {
        builder.HasKey(d => d.UserId);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<Identity.PortalUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndexingTaskConfiguration : IEntityTypeConfiguration<IndexingTask>
{
    public void Configure(EntityTypeBuilder<IndexingTask> builder)
    {
        builder.Property(t => t.ContentType).HasMaxLength(100);
        builder.Property(t => t.ContentId).HasMaxLength(100);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class SearchRebuildRequestConfiguration : IEntityTypeConfiguration<SearchRebuildRequest>
{
    public void Configure(EntityTypeBuilder<SearchRebuildRequest> builder)
    {
        builder.Property(r => r.RequestedBy).HasMaxLength(450);
        builder.Property(r => r.Reason).HasMaxLength(500);
    }
}

internal sealed class SearchSettingsConfiguration : IEntityTypeConfiguration<SearchSettings>
{
    public void Configure(EntityTypeBuilder<SearchSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Synonyms).HasMaxLength(100_000);
        builder.Property(s => s.UpdatedBy).HasMaxLength(450);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
