using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security;

namespace FakeAI.Bounds.Package.Tests.Infrastructure;

/// <summary>
/// The FakeAI.Bounds package, packed once per test run from this checkout into a feed of its own, and the folder
/// that consumer projects are created in.
/// </summary>
/// <remarks>
/// <para>
/// The package gets a version of its own (<c>0.1.0-e2e.&lt;UTC time&gt;</c>): NuGet caches a package by id and
/// version, so a consumer must never be handed a copy from an earlier run. Consumers restore into a packages folder
/// of these tests (NUGET_PACKAGES), not the user's, whose fallback is the machine's global packages folder, so that
/// what is already there (targeting packs, NETStandard.Library) is not fetched again.
/// </para>
/// <para>
/// The pack builds into its own artifacts folder (<c>--artifacts-path</c>), not the projects' bin/ and obj/, so it
/// neither waits for nor disturbs the build of the solution that runs these tests.
/// </para>
/// </remarks>
internal sealed class PackedPackage
{
    public const string PackageId = "FakeAI.Bounds";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    private static readonly Lazy<PackedPackage> Shared = new(Pack);

    private int _consumers;

    private PackedPackage(string root, string repositoryRoot, string version)
    {
        Root = root;
        RepositoryRoot = repositoryRoot;
        Version = version;
    }

    /// <summary>The package of this test run; packed by the first test that asks.</summary>
    public static PackedPackage Instance => Shared.Value;

    /// <summary>
    /// The temporary folder of this run: the feed, the pack's build output, the consumers, and commands.log (each
    /// dotnet command with its duration). Deleted when the run ends unless FAKEAI_BOUNDS_KEEP_PACKAGE_TESTS=1.
    /// </summary>
    public string Root { get; }

    public string RepositoryRoot { get; }

    public string Version { get; }

    public string FeedFolder => Path.Combine(Root, "feed");

    public string ArtifactsFolder => Path.Combine(Root, "artifacts");

    /// <summary>
    /// NUGET_PACKAGES of the consumers, shared by the test runs of this machine so that what it downloads (the net9.0
    /// targeting pack, 70 MB) is downloaded once; each run's FakeAI.Bounds has a version of its own.
    /// </summary>
    public string PackagesFolder => Path.Combine(Path.GetDirectoryName(Root)!, "packages");

    public string PackagePath => Path.Combine(FeedFolder, $"{PackageId}.{Version}.nupkg");

    public string SymbolsPackagePath => Path.Combine(FeedFolder, $"{PackageId}.{Version}.snupkg");

    public string ProjectPath => Path.Combine(RepositoryRoot, "src", "FakeAI.Bounds", "FakeAI.Bounds.csproj");

    /// <summary>How long the pack took, for the record.</summary>
    public DotnetResult PackResult { get; private set; } = null!;

    /// <summary>The line that references the package from a consumer's project file.</summary>
    public string PackageReference => $"""<PackageReference Include="{PackageId}" Version="{Version}" />""";

    /// <summary>An empty folder for a consumer project (or several), inside this run's folder.</summary>
    public ConsumerFolder CreateConsumer(string name)
    {
        string folder = Path.Combine(Root, "consumers", $"{System.Threading.Interlocked.Increment(ref _consumers):00}-{name}");
        Directory.CreateDirectory(folder);
        return new ConsumerFolder(this, folder);
    }

    /// <summary>Packs the already built package again into <paramref name="outputFolder"/>, without building.</summary>
    public DotnetResult PackAgainWithoutBuilding(string outputFolder)
    {
        return DotnetCli.Run(RepositoryRoot, null, PackTimeout, PackArguments(outputFolder, "--no-build"));
    }

    private string[] PackArguments(string outputFolder, params string[] extra)
    {
        return
        [
            "pack", ProjectPath,
            "-c", "Release",
            "-o", outputFolder,
            $"-p:Version={Version}",
            // The address the tests expect, also when the tests themselves were built with an overridden one.
            $"-p:BoundsRepositoryUrl={ConfiguredRepository.Url}",
            "--artifacts-path", ArtifactsFolder,
            "-tl:off",
            .. extra,
        ];
    }

    private static PackedPackage Pack()
    {
        string repositoryRoot = Infrastructure.RepositoryRoot.Path;
        string testsFolder = Path.Combine(Path.GetTempPath(), "fakeai-bounds-package-tests");
        RemoveEarlierRuns(testsFolder);

        DateTime now = DateTime.UtcNow;
        string root = Path.Combine(testsFolder, $"run-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Environment.ProcessId}");
        string version = "0.1.0-e2e." + now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(root);
        DotnetCli.LogFile = Path.Combine(root, "commands.log");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteUnlessKept(root);

        var package = new PackedPackage(root, repositoryRoot, version);

        // Asked before this run's nuget.config exists, so that they are the machine's own settings.
        string[] sources = NormalSources(root);
        string globalPackages = GlobalPackagesFolder(root);
        package.WriteConsumerRoot(sources, globalPackages);

        package.PackResult = DotnetCli.Run(repositoryRoot, null, PackTimeout, package.PackArguments(package.FeedFolder)).EnsureSuccess();
        if (!File.Exists(package.PackagePath))
        {
            throw new InvalidOperationException($"The pack did not write {package.PackagePath}.\n{package.PackResult}");
        }

        return package;
    }

    /// <summary>
    /// Files that every consumer under <see cref="Root"/> inherits: NuGet sources (this run's feed first, then the
    /// machine's own), and empty MSBuild and editorconfig roots so that nothing above the temporary folder applies.
    /// </summary>
    private void WriteConsumerRoot(string[] sources, string globalPackages)
    {
        string sourceLines = string.Join(
            Environment.NewLine,
            sources.Select((source, i) => $"""    <add key="machine-{i + 1}" value="{SecurityElement.Escape(source)}" />"""));
        File.WriteAllText(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="fakeai-bounds-under-test" value="{SecurityElement.Escape(FeedFolder)}" />
            {sourceLines}
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{SecurityElement.Escape(globalPackages)}" />
              </fallbackPackageFolders>
            </configuration>

            """);
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, ".editorconfig"), "root = true\n");
        Directory.CreateDirectory(FeedFolder);
        Directory.CreateDirectory(PackagesFolder);
    }

    /// <summary>The enabled package sources of the machine's NuGet configuration.</summary>
    private static string[] NormalSources(string workingDirectory)
    {
        DotnetResult list = DotnetCli.Run(workingDirectory, null, TimeSpan.FromMinutes(2), "nuget", "list", "source", "--format", "short").EnsureSuccess();
        // One line per source: "E https://…" for an enabled one, "D …" for a disabled one.
        string[] sources =
        [
            .. list.Output.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
                .Select(line => line[2..].Trim()),
        ];
        return sources.Length > 0
            ? sources
            : throw new InvalidOperationException("The machine's NuGet configuration has no enabled package source, so consumers could not restore their other packages.\n" + list);
    }

    private static string GlobalPackagesFolder(string workingDirectory)
    {
        DotnetResult locals = DotnetCli.Run(workingDirectory, null, TimeSpan.FromMinutes(2), "nuget", "locals", "global-packages", "--list").EnsureSuccess();
        const string Prefix = "global-packages:";
        string? line = locals.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return line is null
            ? throw new InvalidOperationException("`dotnet nuget locals` did not name the global packages folder.\n" + locals)
            : line[Prefix.Length..].Trim();
    }

    /// <summary>
    /// Deletes the folders of earlier runs whose test process has ended (the test host may be stopped before it can
    /// delete its own), and the copies of their packages extracted more than a day ago.
    /// </summary>
    private static void RemoveEarlierRuns(string testsFolder)
    {
        if (!Directory.Exists(testsFolder))
        {
            return;
        }

        foreach (string run in Directory.GetDirectories(testsFolder, "run-*"))
        {
            string pid = run[(run.LastIndexOf('-') + 1)..];
            if (!int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out int processId) || !IsRunning(processId))
            {
                DeleteUnlessKept(run);
            }
        }

        string extracted = Path.Combine(testsFolder, "packages", PackageId.ToLowerInvariant());
        if (Directory.Exists(extracted))
        {
            foreach (string version in Directory.GetDirectories(extracted).Where(v => Directory.GetLastWriteTimeUtc(v) < DateTime.UtcNow.AddDays(-1)))
            {
                DeleteUnlessKept(version);
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void DeleteUnlessKept(string folder)
    {
        if (Environment.GetEnvironmentVariable("FAKEAI_BOUNDS_KEEP_PACKAGE_TESTS") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the next run, or the system's temporary-file cleanup.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A folder under the test run's consumer root, with its files and the dotnet commands run in it.</summary>
internal sealed class ConsumerFolder(PackedPackage package, string path)
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(5);

    public PackedPackage Package { get; } = package;

    public string Path { get; } = path;

    public string FullPath(string relativePath)
    {
        return System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar));
    }

    public void Write(string relativePath, string content)
    {
        string file = FullPath(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content.ReplaceLineEndings("\n"));
    }

    public string Read(string relativePath)
    {
        return File.ReadAllText(FullPath(relativePath));
    }

    /// <summary>Runs dotnet in this folder, restoring into the run's private packages folder.</summary>
    public DotnetResult Dotnet(params string[] arguments)
    {
        return DotnetCli.Run(Path, new Dictionary<string, string?> { ["NUGET_PACKAGES"] = Package.PackagesFolder }, CommandTimeout, arguments);
    }
}
