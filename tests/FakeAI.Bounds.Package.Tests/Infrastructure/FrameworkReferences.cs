using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Package.Tests.Infrastructure;

/// <summary>
/// Reference assemblies for in-memory compilations without a package made for that (Basic.Reference.Assemblies needs
/// a newer Roslyn than the baseline these tests load): the targeting pack the SDK installs beside the running runtime,
/// <c>&lt;dotnet root&gt;/packs/Microsoft.NETCore.App.Ref/&lt;runtime version&gt;/ref/net&lt;major&gt;.&lt;minor&gt;</c>.
/// </summary>
internal static class FrameworkReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> All = new(Load);

    public static ImmutableArray<MetadataReference> Net => All.Value;

    /// <summary>The folder the references come from, for messages.</summary>
    public static string Folder { get; } = FindFolder();

    private static ImmutableArray<MetadataReference> Load()
    {
        return [.. Directory.GetFiles(Folder, "*.dll").OrderBy(path => path, StringComparer.Ordinal).Select(path => MetadataReference.CreateFromFile(path))];
    }

    private static string FindFolder()
    {
        // e.g. /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.12/
        string runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        string runtimeVersion = Path.GetFileName(runtimeDirectory);
        string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        string tfm = $"net{Environment.Version.Major}.{Environment.Version.Minor}";

        string exact = Path.Combine(packs, runtimeVersion, "ref", tfm);
        if (Directory.Exists(exact))
        {
            return exact;
        }

        // Another patch of the same major version will do (a runtime updated apart from the SDK).
        string? sameMajor = Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(version => Path.Combine(version, "ref", tfm))
                .Where(Directory.Exists)
                .OrderByDescending(path => path, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        return sameMajor ?? throw new InvalidOperationException(
            $"No reference assemblies for {tfm} under {packs}: these tests compile against the targeting pack that the .NET SDK installs beside the runtime ({runtimeDirectory}).");
    }
}
