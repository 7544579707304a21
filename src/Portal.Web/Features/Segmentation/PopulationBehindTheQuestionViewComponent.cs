using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Web.Features.Segmentation;

/// <summary>
/// The segmentation outputs linked to a work stream, for its page: the population behind the
/// question. Another feature's view shows it with
/// <c>@await Component.InvokeAsync("PopulationBehindTheQuestion", new { workStreamId = Model.Id })</c>.
/// </summary>
public sealed class PopulationBehindTheQuestionViewComponent(PortalDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid workStreamId)
    {
        var outputs = await db.SegmentationOutputs.AsNoTracking()
            .Where(o => o.WorkStreams.Any(w => w.WorkStreamId == workStreamId))
            .OrderByDescending(o => o.UploadedAt)
            .Select(o => new OutputSummary(o.Id, o.Title, new AreaSummary(o.Area!.Code, o.Area.Name, null), o.Period, o.People, o.Gini, o.Partial, string.Empty, o.UploadedAt))
            .ToListAsync();
        return View("/Features/Segmentation/Views/Components/PopulationBehindTheQuestion.cshtml", outputs);
    }
}
