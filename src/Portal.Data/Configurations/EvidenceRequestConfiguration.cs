using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Core.Requests;
using Portal.Core.WorkStreams;
using Portal.Data.Identity;

namespace Portal.Data.Configurations;

internal sealed class EvidenceRequestConfiguration : IEntityTypeConfiguration<EvidenceRequest>
{
    public void Configure(EntityTypeBuilder<EvidenceRequest> builder)
    {
        builder.Ignore(r => r.DomainEvents);
        builder.Ignore(r => r.IsOpen);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(30);
        // The app bumps Version on every change; an update that finds another version fails (409).
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.EndReason).HasMaxLength(RequestDetails.LongTextMaxLength);
        builder.Property(r => r.PausedTotal).HasConversion(v => v.Ticks, v => TimeSpan.FromTicks(v));
        builder.HasOne<WorkStream>().WithMany().HasForeignKey(r => r.WorkStreamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.ClaimantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.MentorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.State, r.SubmittedAt });
        builder.HasIndex(r => r.RequesterId);
        builder.HasIndex(r => r.ClaimantId);
        builder.HasIndex(r => r.MentorId);
        builder.HasIndex(r => r.WorkStreamId);
        builder.Property(r => r.SharingConsent).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => r.AnsweredBySummaryId);

        builder.ComplexProperty(r => r.Details, details =>
        {
            details.Property(d => d.Question).HasColumnName("Question").HasMaxLength(RequestDetails.QuestionMaxLength);
            details.Property(d => d.Output).HasColumnName("Output").HasConversion<string>().HasMaxLength(30);
            details.Property(d => d.Deadline).HasColumnName("Deadline");
            details.Property(d => d.Urgency).HasColumnName("Urgency").HasConversion<string>().HasMaxLength(20);
            details.Property(d => d.UrgencyReason).HasColumnName("UrgencyReason").HasMaxLength(RequestDetails.LongTextMaxLength);
            details.Property(d => d.ShortDeadlineReason).HasColumnName("ShortDeadlineReason").HasMaxLength(RequestDetails.LongTextMaxLength);
            details.Property(d => d.Decision).HasColumnName("Decision").HasMaxLength(RequestDetails.LongTextMaxLength);
            details.Property(d => d.DecisionForum).HasColumnName("DecisionForum").HasMaxLength(RequestDetails.ShortTextMaxLength);
            details.Property(d => d.DecisionDate).HasColumnName("DecisionDate");
            details.Property(d => d.OnBehalfOfName).HasColumnName("OnBehalfOfName").HasMaxLength(RequestDetails.ShortTextMaxLength);
            details.Property(d => d.OnBehalfOfRole).HasColumnName("OnBehalfOfRole").HasMaxLength(RequestDetails.ShortTextMaxLength);
            details.Property(d => d.EvidenceFromYear).HasColumnName("EvidenceFromYear");
            details.Property(d => d.EvidenceToYear).HasColumnName("EvidenceToYear");
            details.Property(d => d.Geography).HasColumnName("Geography").HasMaxLength(RequestDetails.ShortTextMaxLength);
            details.Property(d => d.CareSettings).HasColumnName("CareSettings").HasMaxLength(RequestDetails.ShortTextMaxLength);
            details.Property(d => d.EvidenceTypes).HasColumnName("EvidenceTypes");
            details.Property(d => d.NotWanted).HasColumnName("NotWanted").HasMaxLength(RequestDetails.LongTextMaxLength);
            details.Property(d => d.KnownPapers).HasColumnName("KnownPapers").HasMaxLength(RequestDetails.LongTextMaxLength);
            details.Property(d => d.PeerReview).HasColumnName("PeerReviewWanted");
            details.ComplexProperty(d => d.Framework, framework =>
            {
                framework.Property(f => f.Kind).HasColumnName("Framework").HasConversion<string>().HasMaxLength(20);
                framework.Property(f => f.Population).HasColumnName("Population").HasMaxLength(RequestDetails.LongTextMaxLength);
                framework.Property(f => f.Intervention).HasColumnName("Intervention").HasMaxLength(RequestDetails.LongTextMaxLength);
                framework.Property(f => f.Comparison).HasColumnName("Comparison").HasMaxLength(RequestDetails.LongTextMaxLength);
                framework.Property(f => f.Outcomes).HasColumnName("Outcomes").HasMaxLength(RequestDetails.LongTextMaxLength);
                framework.Property(f => f.Setting).HasColumnName("Setting").HasMaxLength(RequestDetails.LongTextMaxLength);
                framework.Property(f => f.Perspective).HasColumnName("Perspective").HasMaxLength(RequestDetails.LongTextMaxLength);
                framework.Property(f => f.Evaluation).HasColumnName("Evaluation").HasMaxLength(RequestDetails.LongTextMaxLength);
                framework.Property(f => f.Expectation).HasColumnName("Expectation").HasMaxLength(RequestDetails.LongTextMaxLength);
                framework.Property(f => f.ClientGroup).HasColumnName("ClientGroup").HasMaxLength(RequestDetails.LongTextMaxLength);
                framework.Property(f => f.Location).HasColumnName("Location").HasMaxLength(RequestDetails.LongTextMaxLength);
                framework.Property(f => f.Impact).HasColumnName("Impact").HasMaxLength(RequestDetails.LongTextMaxLength);
                framework.Property(f => f.Professionals).HasColumnName("Professionals").HasMaxLength(RequestDetails.LongTextMaxLength);
                framework.Property(f => f.Service).HasColumnName("Service").HasMaxLength(RequestDetails.LongTextMaxLength);
            });
        });
    }
}
