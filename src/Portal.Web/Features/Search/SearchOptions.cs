using Portal.Data;
using Portal.Web.Infrastructure;

namespace Portal.Web.Features.Search;

/// <summary>
/// Portal:Search — where this node keeps its index (IndexPath; by default "search-index" in the
/// data folder: every node needs its own), how often it looks for changes (PollInterval), how long
/// a skipped task id is waited for (GapTimeout: longer than any transaction stays open), and how
/// many tasks it applies at once (BatchSize). Read once at start-up; a bad value stops the portal
/// with a message naming the key.
/// </summary>
public sealed record SearchOptions(string IndexPath, TimeSpan PollInterval, TimeSpan GapTimeout, int BatchSize)
{
    public const string Section = "Portal:Search";

    public static SearchOptions Read(IConfiguration configuration, DataFolder data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var section = configuration.GetSection(Section);
        var path = section[nameof(IndexPath)];
        var batch = section[nameof(BatchSize)];
        var batchSize = 500;
        if (batch is not null && (!int.TryParse(batch, System.Globalization.CultureInfo.InvariantCulture, out batchSize) || batchSize is < 1 or > 10_000))
        {
            throw new InvalidOperationException($"{Section}:{nameof(BatchSize)} must be a whole number from 1 to 10000, not '{batch}'.");
        }

        return new SearchOptions(
            string.IsNullOrWhiteSpace(path) ? System.IO.Path.Combine(data.Path, "search-index") : System.IO.Path.GetFullPath(path, data.Path),
            RoundInterval.Read(section, Section, nameof(PollInterval), TimeSpan.FromSeconds(2)),
            RoundInterval.Read(section, Section, nameof(GapTimeout), TimeSpan.FromMinutes(10)),
            batchSize);
    }
}
