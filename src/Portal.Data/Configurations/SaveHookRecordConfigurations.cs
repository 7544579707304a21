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
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
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
