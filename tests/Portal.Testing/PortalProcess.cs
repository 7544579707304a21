using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portal.Testing;

/// <summary>
/// The real portal, started as its own process on a free loopback port with its own data folder,
/// exactly as `dotnet run` would start it (Production environment, Kestrel, SQLite file).
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PortalProcess(Process process, Uri baseAddress, string dataPath)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataPath = dataPath;
    }

    public Uri BaseAddress { get; }

    public string DataPath { get; }

    /// <summary>What the portal wrote to stdout and stderr so far: for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the portal and waits until /health/live answers (or the process gives up).</summary>
    public static async Task<PortalProcess> StartAsync(
        string dataPath, IReadOnlyDictionary<string, string>? settings = null, bool waitUntilReady = true, IReadOnlyList<string>? arguments = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = TestPaths.PortalProjectFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TestPaths.PortalAssembly);
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Portal__DataPath"] = dataPath;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var portal = new PortalProcess(process, new Uri($"http://127.0.0.1:{port}/"), dataPath);
        process.OutputDataReceived += (_, e) => portal.Append(e.Data);
        process.ErrorDataReceived += (_, e) => portal.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (waitUntilReady)
        {
            await portal.WaitUntilLiveAsync();
        }

        return portal;
    }

    /// <summary>
    /// An HTTP client for this portal with its own cookie jar, or with the one given (a browser moving
    /// between nodes behind a load balancer); redirects are not followed unless asked.
    /// </summary>
    public HttpClient CreateClient(bool followRedirects = false, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = followRedirects, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Waits for the process to end by itself (e.g. a command, or a start that fails).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Stops the portal as a service manager would (SIGTERM), so SQLite closes cleanly.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        else
        {
            _process.Kill(entireProcessTree: true);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or a power cut would: nothing gets to clean up.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task WaitUntilLiveAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("health/live");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The portal did not answer within {StartTimeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
