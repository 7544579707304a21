using Microsoft.Playwright;

namespace Portal.Browser.Tests;

/// <summary>
/// Debian's Chromium, driven by Playwright with no browser download. Each test gets a new context
/// (its own cookies) with axe-core loaded into every page.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _axeSource;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: scripts/test.sh installs Debian's chromium package.");
        }

        _axeSource = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "axe.min.js"));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh browser context on the given portal: no cookies, axe-core ready in each page.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress, bool javaScriptEnabled = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        if (javaScriptEnabled)
        {
            // An init script is injected by the browser itself, so the pages' CSP does not block it.
            await context.AddInitScriptAsync(_axeSource!);
        }

        return context;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
