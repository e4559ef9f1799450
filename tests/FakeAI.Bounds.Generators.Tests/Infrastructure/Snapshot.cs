using System;
using System.IO;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Infrastructure;

/// <summary>
/// Compares generated source with a committed snapshot under <c>Snapshots/</c>. Set the environment variable
/// <c>UPDATE_SNAPSHOTS=1</c> to rewrite the snapshots from the current output, then review the diff.
/// The folder is found from the repository root, not from the caller's source path: a continuous-integration
/// build maps source paths to <c>/_/</c>, where no snapshot exists.
/// </summary>
internal static class Snapshot
{
    private static readonly string SnapshotFolder = RepositoryPaths.Combine("tests/FakeAI.Bounds.Generators.Tests/Snapshots");

    public static void Match(string actual, string name)
    {
        string directory = SnapshotFolder;
        string path = Path.Combine(directory, name + ".g.cs");
        string normalized = actual.Replace("\r\n", "\n", StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, normalized);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot at {path}. Run the tests with UPDATE_SNAPSHOTS=1 to create it, then review it.");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, normalized);
    }
}
