using System.Globalization;
using Portal.Testing;

namespace Portal.Web.Tests;

/// <summary>
/// A set-up portal that mails through a real SMTP server on loopback, sending every second, with
/// the settings its test class adds (a background service's interval, its days).
/// </summary>
public abstract class SmtpSiteFixture : IAsyncLifetime
{
    private SmtpTestServer? _smtp;
    private PortalProcess? _portal;

    public SmtpTestServer Smtp => _smtp ?? throw new InvalidOperationException("Not started.");

    public PortalProcess Portal => _portal ?? throw new InvalidOperationException("Not started.");

    /// <summary>What the test class needs beyond mail; Portal:Smtp:* and the poll interval are added here.</summary>
    protected abstract Dictionary<string, string> Settings();

    public async Task InitializeAsync()
    {
        _smtp = await SmtpTestServer.StartAsync();
        var settings = Settings();
        settings["Portal:Smtp:Host"] = "127.0.0.1";
        settings["Portal:Smtp:Port"] = _smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Portal:Smtp:From"] = "STEM Club Test <no-reply@example.org>";
        settings["Portal:Email:PollSeconds"] = "1";
        _portal = await PortalSites.StartSetUpSiteAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
            TestPaths.DeleteQuietly(_portal.DataPath);
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }
}
