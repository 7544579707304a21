using Xunit;

namespace Portal.Testing;

/// <summary>One portal per test class, on its own copy of the set-up site.</summary>
public class SetUpSiteFixture : IAsyncLifetime
{
    private PortalProcess? _portal;

    public PortalProcess Portal => _portal ?? throw new InvalidOperationException("Not started.");

    /// <summary>Settings for this fixture's portal beyond the set-up site's own.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    public async Task InitializeAsync() => _portal = await PortalSites.StartSetUpSiteAsync(Settings);

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
            TestPaths.DeleteQuietly(_portal.DataPath);
        }
    }
}
