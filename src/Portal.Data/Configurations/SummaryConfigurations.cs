using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Requests;
using Portal.Core.Summaries;
using Portal.Data.Identity;

namespace Portal.Data.Configurations;

internal sealed class SearchSummaryConfiguration : IEntityTypeConfiguration<SearchSummary>
{
    public void Configure(EntityTypeBuilder<SearchSummary> builder)
    {
        builder.Ignore(s => s.DomainEvents);
        builder.Ignore(s => s.IsApproved);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Visibility).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(s => s.Authors).HasField("_authors").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<EvidenceRequest>().WithMany().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SearchSummary>().WithMany().HasForeignKey(s => s.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
        // One version n per series: two re-runs started at once cannot both become version n + 1.
        builder.HasIndex(s => new { s.SeriesId, s.VersionNumber }).IsUnique();
        builder.HasIndex(s => s.RequestId);
        builder.HasIndex(s => new { s.State, s.Visibility });

        builder.ComplexProperty(s => s.Content, content =>
        {
            content.Property(c => c.Title).HasColumnName("Title").HasMaxLength(SummaryContent.TitleMaxLength);
            content.Property(c => c.Question).HasColumnName("Question").HasMaxLength(SummaryContent.QuestionMaxLength);
            content.Property(c => c.Search).HasColumnName("Search").HasJsonConversion();
            content.Property(c => c.Findings).HasColumnName("Findings").HasMaxLength(SummaryContent.FindingsMaxLength);
            content.Property(c => c.Caveats).HasColumnName("Caveats").HasMaxLength(SummaryContent.TextMaxLength);
            content.Property(c => c.AppraisalNotes).HasColumnName("AppraisalNotes").HasMaxLength(SummaryContent.TextMaxLength);
            content.Property(c => c.ReviewDate).HasColumnName("ReviewDate");
            content.Property(c => c.Licence).HasColumnName("Licence").HasMaxLength(100);
        });
    }
}

internal sealed class ReferenceConfiguration : IEntityTypeConfiguration<Reference>
{
    public void Configure(EntityTypeBuilder<Reference> builder)
    {
        builder.ToTable("SummaryReferences");
        builder.Ignore(r => r.FullTextUrl);
        builder.Ignore(r => r.AbstractIsLicensed);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Type).HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(Reference.TitleMaxLength);
        builder.Property(r => r.Source).HasMaxLength(Reference.ShortMaxLength);
        builder.Property(r => r.Volume).HasMaxLength(Reference.ShortMaxLength);
        builder.Property(r => r.Issue).HasMaxLength(Reference.ShortMaxLength);
        builder.Property(r => r.Pages).HasMaxLength(Reference.ShortMaxLength);
        builder.Property(r => r.Doi).HasMaxLength(Reference.ShortMaxLength);
        builder.Property(r => r.Pmid).HasMaxLength(50);
        builder.Property(r => r.Url).HasMaxLength(Reference.TitleMaxLength);
        builder.Property(r => r.Abstract).HasMaxLength(Reference.AbstractMaxLength);
        builder.Property(r => r.Note).HasMaxLength(Reference.NoteMaxLength);
        builder.Property(r => r.Database).HasMaxLength(Reference.ShortMaxLength);
        builder.Property(r => r.Authors).HasJsonConversion();
        builder.Property(r => r.Keywords).HasJsonConversion();
        builder.Property(r => r.OtherTags).HasJsonConversion();
        builder.HasOne<SearchSummary>().WithMany().HasForeignKey(r => r.SummaryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SummaryId, r.Position });
    }
}

internal sealed class PeerReviewConfiguration : IEntityTypeConfiguration<PeerReview>
{
    public void Configure(EntityTypeBuilder<PeerReview> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.OverallComment).HasMaxLength(PressChecklist.CommentMaxLength);
        builder.Property(r => r.Items).HasJsonConversion();
        builder.HasOne<SearchSummary>().WithMany().HasForeignKey(r => r.SummaryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.SummaryId, r.CompletedAt });
    }
}
