using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Impact;
using Portal.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Impact;

/// <summary>A case study in the list on the report page.</summary>
public sealed record CaseStudyRow(Guid Id, string Title, Guid RequestId, string CreatedByName, DateTimeOffset UpdatedAt);

/// <summary>
/// Coordinators' impact case studies: started from an answer whose requester agreed to one (else
/// a conflict), then edited. Starting again from the same answer opens the draft already started.
/// </summary>
public sealed class CaseStudies(PortalDbContext db, TimeProvider clock)
{
    public async Task<Outcome<CaseStudy>> StartAsync(string by, Guid answerId, CancellationToken cancellationToken)
    {
        var answer = await db.ImpactAnswers.AsNoTracking().SingleOrDefaultAsync(a => a.Id == answerId, cancellationToken);
        if (answer is null)
        {
            return Outcome.NotFound<CaseStudy>();
        }

        if (await db.CaseStudies.AsNoTracking().FirstOrDefaultAsync(c => c.ImpactAnswerId == answerId, cancellationToken) is { } started)
        {
            return Outcome.Done(started);
        }

        var question = await db.EvidenceRequests.AsNoTracking().Where(r => r.Id == answer.RequestId).Select(r => r.Details.Question).SingleAsync(cancellationToken);
        try
        {
            var study = CaseStudy.StartFrom(answer, question, by, clock.GetUtcNow());
            db.CaseStudies.Add(study);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Done(study);
        }
        catch (DomainException refused)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused<CaseStudy>(refused);
        }
        catch (DbUpdateException)
        {
            // Another coordinator started it at the same moment (one case study an answer): open theirs.
            db.ChangeTracker.Clear();
            var theirs = await db.CaseStudies.AsNoTracking().FirstOrDefaultAsync(c => c.ImpactAnswerId == answerId, cancellationToken);
            return theirs is null ? throw new InvalidOperationException("The case study could not be saved.") : Outcome.Done(theirs);
        }
    }

    public Task<CaseStudy?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.CaseStudies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<Outcome<CaseStudy>> EditAsync(Guid id, string? title, string? story, CancellationToken cancellationToken)
    {
        var study = await db.CaseStudies.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (study is null)
        {
            return Outcome.NotFound<CaseStudy>();
        }

        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > CaseStudy.TitleMaxLength)
        {
            problems.Add(new(nameof(CaseStudyForm.Title), $"Enter a title of {CaseStudy.TitleMaxLength} characters or fewer"));
        }

        if (string.IsNullOrWhiteSpace(story) || story.Trim().Length > CaseStudy.StoryMaxLength)
        {
            problems.Add(new(nameof(CaseStudyForm.Story), $"Enter the story, {CaseStudy.StoryMaxLength:N0} characters or fewer"));
        }

        if (problems.Count > 0)
        {
            return Outcome.Invalid<CaseStudy>(problems);
        }

        study.Edit(title!, story!, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(study);
    }

    /// <summary>Every case study, the latest change first.</summary>
    public async Task<IReadOnlyList<CaseStudyRow>> AllAsync(CancellationToken cancellationToken)
    {
        var studies = await db.CaseStudies.AsNoTracking().ToListAsync(cancellationToken);
        var names = await db.DisplayNamesAsync(studies.Select(s => s.CreatedBy).Distinct(), cancellationToken);
        return studies.OrderByDescending(s => s.UpdatedAt)
            .Select(s => new CaseStudyRow(s.Id, s.Title, s.RequestId, names.GetValueOrDefault(s.CreatedBy, "A coordinator"), s.UpdatedAt))
            .ToList();
    }
}

/// <summary>The case study page's fields.</summary>
public sealed class CaseStudyForm
{
    public string? Title { get; set; }

    public string? Story { get; set; }
}
