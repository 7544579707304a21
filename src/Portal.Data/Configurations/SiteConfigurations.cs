using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Site;

namespace Portal.Data.Configurations;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.Ignore(s => s.DomainEvents);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SiteName).HasMaxLength(200);
        builder.Property(s => s.Theme).HasMaxLength(100);
        builder.Property(s => s.SetupRecipe).HasMaxLength(100);
    }
}
