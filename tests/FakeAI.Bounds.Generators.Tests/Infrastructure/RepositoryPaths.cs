using System;
using System.IO;
using FakeAI.Bounds.Generators.Diagnostics;

namespace FakeAI.Bounds.Generators.Tests.Infrastructure;

/// <summary>Finds files of the repository from a test: the root is the folder that holds FakeAI.Bounds.sln.</summary>
internal static class RepositoryPaths
{
    /// <summary>Where the help links point: the repository's main branch at the address the build compiled in.</summary>
    private const string HelpLinkRoot = RepositoryAddress.Url + "/blob/main/";

    public static string Root { get; } = FindRoot();

    public static string RulesFolder => Combine("docs/rules");

    /// <summary>A repository-relative path with '/' separators, as a full path on this machine.</summary>
    public static string Combine(string relativePath)
    {
        return Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
    }

    /// <summary>
    /// The repository-relative path a help link points at: <c>&lt;address&gt;/blob/main/docs/rules/BND101.md</c>
    /// → <c>docs/rules/BND101.md</c>; <see langword="null"/> when the link does not point into this repository.
    /// </summary>
    public static string? RelativePathOfHelpLink(string helpLink)
    {
        return helpLink.StartsWith(HelpLinkRoot, StringComparison.Ordinal) ? helpLink[HelpLinkRoot.Length..] : null;
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FakeAI.Bounds.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No folder above " + AppContext.BaseDirectory + " contains FakeAI.Bounds.sln.");
    }
}
