using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Segmentation;
using Portal.Data;
using Portal.Recipes;
using Portal.Segmentation.Disclosure;
using Portal.Segmentation.Output;
using Portal.Segmentation.PatientLevel;
using Portal.Segmentation.Synthetic;

namespace Portal.Recipes.Steps;

/// <summary>
/// Recipe step "Segmentation": outputs made from synthetic people by the generator (a fixed seed,
/// so every demo site shows the same figures), linked to work streams by key. An output with the
/// same title, area and period is left as it is, apart from adding missing links.
/// <c>{ "name": "Segmentation", "outputs": [ { "title", "geography", "period", "people", "seed", "narrative", "workStreams": [ ... ] } ] }</c>
/// </summary>
internal sealed class SegmentationStep(PortalDbContext db, TimeProvider clock) : IRecipeStepHandler
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Recorded as the uploader of the demo's outputs.</summary>
    public const string RecipeUploader = "recipe";

    public string StepName => "Segmentation";

    private sealed record Data(IReadOnlyList<OutputData> Outputs);

    private sealed record OutputData(string Title, string Geography, string Period, int People, ulong Seed, string Narrative = "", IReadOnlyList<string>? WorkStreams = null);

    public async Task ExecuteAsync(RecipeStep step, RecipeContext context, CancellationToken cancellationToken)
    {
        var data = step.Data.Deserialize<Data>(Options) ?? throw new FormatException("The step needs \"outputs\".");
        foreach (var item in data.Outputs)
        {
            if (item.People is < 1000 or > 3_000_000)
            {
                throw new FormatException($"Output '{item.Title}': people must be from 1,000 to 3,000,000.");
            }

            var area = await db.GeoAreas.SingleOrDefaultAsync(a => a.Code == item.Geography, cancellationToken)
                ?? throw new KeyNotFoundException($"Output '{item.Title}' names area {item.Geography}, which does not exist.");
            var output = await db.SegmentationOutputs.Include(o => o.WorkStreams)
                .SingleOrDefaultAsync(o => o.Title == item.Title && o.AreaId == area.Id && o.Period == item.Period, cancellationToken);
            if (output is null)
            {
                output = await CreateAsync(item, area, cancellationToken);
                db.SegmentationOutputs.Add(output);
            }

            foreach (var key in item.WorkStreams ?? [])
            {
                var workStream = await db.WorkStreams.Where(w => w.Key == key).Select(w => (Guid?)w.Id).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new KeyNotFoundException($"Output '{item.Title}' names work stream {key}, which does not exist.");
                output.LinkTo(workStream);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<SegmentationOutput> CreateAsync(OutputData item, Portal.Core.Geography.GeoArea area, CancellationToken cancellationToken)
    {
        using var file = new MemoryStream();
        await PopulationGenerator.WriteAsync(file, item.People, item.Seed, cancellationToken: cancellationToken);
        file.Position = 0;
        var read = PatientLevelReader.Read(file, new PatientLevelOptions { ExpectedPeople = item.People });
        if (!read.Succeeded)
        {
            throw new InvalidOperationException($"The generated people for '{item.Title}' were refused: {read.Errors[0]}");
        }

        var output = DisclosureControl.Protect(read.Result!, new OutputContext(area.Level.ToString(), area.Code, item.Period, "STEM Portal demo recipe (synthetic people)"));
        var people = output.Find(Dimensions.Segment, Dimensions.All, Dimensions.All, Portal.Segmentation.Settings.TotalName)?.PopulationCount ?? 0;
        return new SegmentationOutput(item.Title, area, item.Period, item.Narrative, SegmentationInputKind.PatientLevel, OutputWriter.ToCsv(output),
            output.Header.Rule, output.Header.DisclosureControl, output.Header.Gini, output.Header.Partial, people, RecipeUploader, clock.GetUtcNow());
    }
}
