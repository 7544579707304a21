using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Portal.Testing;

/// <summary>
/// A throw-away PostgreSQL server: initdb in a temporary folder, started on a free loopback port
/// with fsync off, stopped (immediate) and deleted on dispose. Runs as the postgres OS user when
/// the tests run as root, because initdb refuses root. Each test asks it for its own database.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string BinariesRoot = "/usr/lib/postgresql";
    private const string Superuser = "postgres";
    private const int StartAttempts = 3;

    private readonly string _bin;
    private readonly string _folder;
    private int _stopped;

    private PostgresServer(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
        // A test host that dies without disposing must not leave a server holding a port.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_folder, "data");

    /// <summary>Initialises and starts a new server; takes about a second.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries(BinariesRoot);
        var folder = TestPaths.NewTempFolder("pg");
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", [$"{Superuser}:", folder]);
            }

            await RunAsync(
                Path.Combine(bin, "initdb"),
                ["-D", Path.Combine(folder, "data"), "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                asPostgres: true);

            // A free port can be taken by someone else between asking and binding; try another.
            for (var attempt = 1; ; attempt++)
            {
                var server = new PostgresServer(bin, folder, FreePort());
                try
                {
                    await server.StartServerAsync();
                    return server;
                }
                catch (InvalidOperationException) when (attempt < StartAttempts)
                {
                    server.Forget();
                }
            }
        }
        catch
        {
            TestPaths.DeleteQuietly(folder);
            throw;
        }
    }

    /// <summary>The newest PostgreSQL server binaries under the root, e.g. /usr/lib/postgresql/15/bin.</summary>
    public static string FindBinaries(string root)
    {
        var bin = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root)
                .Select(version => (Version: int.TryParse(Path.GetFileName(version), out var number) ? number : -1, Bin: Path.Combine(version, "bin")))
                .Where(v => File.Exists(Path.Combine(v.Bin, "initdb")) && File.Exists(Path.Combine(v.Bin, "pg_ctl")))
                .OrderByDescending(v => v.Version)
                .Select(v => v.Bin)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need the PostgreSQL server (initdb and pg_ctl under {root}/<version>/bin), and it is not installed. "
            + "scripts/test.sh installs the Debian package 'postgresql'; or install it yourself: apt-get install postgresql");
    }

    /// <summary>A connection string for a database on this server, as the superuser.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Database = database,
        Username = Superuser,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Creates a new, empty, uniquely named database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"portal_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Drops the database of the connection string, closing its connections: a database that went away.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        NpgsqlConnection.ClearAllPools();
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], asPostgres: true);
            }
            catch (InvalidOperationException)
            {
                KillPostmaster();
            }
        }

        TestPaths.DeleteQuietly(_folder);
    }

    private async Task StartServerAsync()
    {
        var options = string.Join(' ',
            $"-h 127.0.0.1 -p {Port.ToString(CultureInfo.InvariantCulture)} -k {_folder}",
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        // -l sends the server's own output to a file, so pg_ctl's pipes close when it returns.
        await RunAsync(
            Path.Combine(_bin, "pg_ctl"),
            ["-D", DataDirectory, "-l", Path.Combine(_folder, "server.log"), "-o", options, "-w", "-t", "30", "start"],
            asPostgres: true,
            logFile: Path.Combine(_folder, "server.log"));
    }

    /// <summary>A start that failed: nothing to stop, but the exit hook must go.</summary>
    private void Forget()
    {
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        _stopped = 1;
    }

    private void OnProcessExit(object? sender, EventArgs e) => KillPostmaster();

    private void KillPostmaster()
    {
        _stopped = 1;
        try
        {
            var firstLine = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault();
            if (int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                using var postmaster = Process.GetProcessById(pid);
                postmaster.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone (no pid file, no such process): nothing to stop.
        }
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = false, string? logFile = null)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", Superuser, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} did not finish within a minute.");
        }

        if (process.ExitCode != 0)
        {
            var log = logFile is not null && File.Exists(logFile) ? "\n" + await File.ReadAllTextAsync(logFile) : "";
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with code {process.ExitCode}:\n{await output}{await error}{log}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
