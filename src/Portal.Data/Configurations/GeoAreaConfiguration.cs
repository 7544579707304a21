using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Geography;

namespace Portal.Data.Configurations;

internal sealed class GeoAreaConfiguration : IEntityTypeConfiguration<GeoArea>
{
    public void Configure(EntityTypeBuilder<GeoArea> builder)
    {
        builder.Ignore(a => a.DomainEvents);
        builder.Property(a => a.Code).HasMaxLength(20);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.Property(a => a.OdsCode).HasMaxLength(20);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(a => a.Parent).WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
