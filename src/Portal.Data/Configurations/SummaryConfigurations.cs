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
        builder.Property(s => s.Slug).HasMaxLength(100);
        // Versions of one series share a slug; two series never do (NULLs, unpublished, are distinct).
        builder.HasIndex(s => new { s.Slug, s.VersionNumber }).IsUnique();

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

internal sealed class ImpactAnswerConfiguration : IEntityTypeConfiguration<Portal.Core.Impact.ImpactAnswer>
{
    public void Configure(EntityTypeBuilder<Portal.Core.Impact.ImpactAnswer> builder)
    {
        builder.Ignore(a => a.DomainEvents);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<EvidenceRequest>().WithMany().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.RespondentId).OnDelete(DeleteBehavior.Restrict);
        // Answered once: a second answer racing the first fails here.
        builder.HasIndex(a => a.RequestId).IsUnique();
        builder.HasIndex(a => a.AnsweredAt);
        builder.ComplexProperty(a => a.Details, details =>
        {
            details.Property(d => d.Uses).HasColumnName("Uses").HasConversion<int>();
            details.Property(d => d.ContributedTo).HasColumnName("ContributedTo").HasConversion<int>();
            details.Property(d => d.HoursSaved).HasColumnName("HoursSaved").HasPrecision(9, 2);
            details.Property(d => d.WouldRecommend).HasColumnName("WouldRecommend").HasConversion<string>().HasMaxLength(20);
            details.Property(d => d.Comments).HasColumnName("Comments").HasMaxLength(Portal.Core.Impact.ImpactDetails.CommentsMaxLength);
            details.Property(d => d.CaseStudyConsent).HasColumnName("CaseStudyConsent");
        });
    }
}

internal sealed class CaseStudyConfiguration : IEntityTypeConfiguration<Portal.Core.Impact.CaseStudy>
{
    public void Configure(EntityTypeBuilder<Portal.Core.Impact.CaseStudy> builder)
    {
        builder.Ignore(c => c.DomainEvents);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Title).HasMaxLength(Portal.Core.Impact.CaseStudy.TitleMaxLength);
        builder.Property(c => c.Story).HasMaxLength(Portal.Core.Impact.CaseStudy.StoryMaxLength);
        builder.HasOne<Portal.Core.Impact.ImpactAnswer>().WithMany().HasForeignKey(c => c.ImpactAnswerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.CreatedBy).OnDelete(DeleteBehavior.Restrict);
        // One case study an answer: two coordinators starting one at once get the same draft.
        builder.HasIndex(c => c.ImpactAnswerId).IsUnique();
    }
}
