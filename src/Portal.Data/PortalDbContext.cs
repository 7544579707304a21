using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Geography;
using Portal.Core.Librarians;
using Portal.Core.Requests;
using Portal.Core.Segmentation;
using Portal.Core.Site;
using Portal.Core.Summaries;
using Portal.Core.Topics;
using Portal.Core.WorkStreams;
using Portal.Data.Identity;
using Portal.Data.SaveHook;

namespace Portal.Data;

/// <summary>
/// The portal's database. Each provider has its own subclass so that each keeps its own
/// migrations; code depends on this base type only.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser, PortalRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();

    public DbSet<GeoArea> GeoAreas => Set<GeoArea>();

    public DbSet<Topic> Topics => Set<Topic>();

    public DbSet<WorkStream> WorkStreams => Set<WorkStream>();

    public DbSet<EvidenceRequest> EvidenceRequests => Set<EvidenceRequest>();

    public DbSet<LibrarianProfile> LibrarianProfiles => Set<LibrarianProfile>();

    public DbSet<RequestMessage> RequestMessages => Set<RequestMessage>();

    public DbSet<TimeRecord> TimeRecords => Set<TimeRecord>();

    public DbSet<SearchSummary> SearchSummaries => Set<SearchSummary>();

    public DbSet<Reference> SummaryReferences => Set<Reference>();

    public DbSet<PeerReview> PeerReviews => Set<PeerReview>();

    public DbSet<Portal.Core.Impact.ImpactAnswer> ImpactAnswers => Set<Portal.Core.Impact.ImpactAnswer>();

    public DbSet<Portal.Core.Impact.CaseStudy> CaseStudies => Set<Portal.Core.Impact.CaseStudy>();

    public DbSet<SegmentationOutput> SegmentationOutputs => Set<SegmentationOutput>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<DigestState> DigestStates => Set<DigestState>();

    public DbSet<IndexingTask> IndexingTasks => Set<IndexingTask>();

    public DbSet<SearchRebuildRequest> SearchRebuildRequests => Set<SearchRebuildRequest>();

    public DbSet<SearchSettings> SearchSettings => Set<SearchSettings>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<PermissionGrant> PermissionGrants => Set<PermissionGrant>();

    public DbSet<DeclaredPermission> DeclaredPermissions => Set<DeclaredPermission>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}

/// <summary>The embedded default: one file under the data folder, in WAL mode.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset stored as text; store UTC ticks, which sort.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>A moment as UTC ticks: exact, and ordered the same as the moments themselves.</summary>
internal sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>The multi-node store: several web nodes share one PostgreSQL database.</summary>
public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
