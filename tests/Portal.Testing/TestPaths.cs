namespace Portal.Testing;

/// <summary>Where things are: the repository, the built portal, and throwaway folders.</summary>
public static class TestPaths
{
    /// <summary>Throwaway folders start with this, so scripts/test.sh can clean up after a crash.</summary>
    public const string TempPrefix = "portal-test-";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string RecipesFolder => Path.Combine(RepositoryRoot, "content-recipes");

    /// <summary>The portal as built for the same configuration as the tests (Debug or Release).</summary>
    public static string PortalAssembly
    {
        get
        {
            // .../tests/X/bin/<Configuration>/net10.0/ → same configuration for the web project.
            var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = testOutput.Parent!.Name;
            var framework = testOutput.Name;
            var path = Path.Combine(RepositoryRoot, "src", "Portal.Web", "bin", configuration, framework, "Portal.Web.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build Portal.Web before running the tests.", path);
        }
    }

    public static string PortalProjectFolder => Path.Combine(RepositoryRoot, "src", "Portal.Web");

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string NewTempFolder(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{TempPrefix}{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    public static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file for a moment; scripts/test.sh removes leftovers.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }
}
