using Xunit;

namespace Portal.Testing;

/// <summary>One portal per test class, on its own copy of the set-up site.</summary>
public sealed class SetUpSiteFixture : IAsyncLifetime
{
    private PortalProcess? _portal;

    public PortalProcess Portal => _portal ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _portal = await PortalSites.StartSetUpSiteAsync();

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
            TestPaths.DeleteQuietly(_portal.DataPath);
        }
    }
}
