using System;
using System.IO;

namespace FakeAI.Bounds.Package.Tests.Infrastructure;

/// <summary>The checkout these tests were built from: the folder above the test assembly that holds FakeAI.Bounds.sln.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Folder = new(Find);

    public static string Path => Folder.Value;

    private static string Find()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "FakeAI.Bounds.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains FakeAI.Bounds.sln: the package tests read and pack the checkout they are built in.");
    }
}
