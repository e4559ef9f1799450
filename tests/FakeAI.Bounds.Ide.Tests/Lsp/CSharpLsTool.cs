using System;
using FakeAI.Bounds.Package.Tests.Infrastructure;

namespace FakeAI.Bounds.Ide.Tests.Lsp;

/// <summary>
/// csharp-ls as the repository's tool manifest (.config/dotnet-tools.json) pins it: restored once per test run with
/// <c>dotnet tool restore</c>, so a fresh clone needs nothing installed beyond the .NET SDK, then started with
/// <c>dotnet tool run csharp-ls</c> from the repository root, where the manifest is found.
/// </summary>
internal static class CSharpLsTool
{
    public const string CommandName = "csharp-ls";

    private static readonly Lazy<DotnetResult> Restore = new(() =>
        DotnetCli.Run(RepositoryRoot.Path, null, TimeSpan.FromMinutes(5), "tool", "restore").EnsureSuccess());

    /// <summary>The folder to start the tool in: the one whose .config/dotnet-tools.json names it.</summary>
    public static string WorkingDirectory => RepositoryRoot.Path;

    /// <summary>Restores the tool unless this run already has.</summary>
    public static void EnsureRestored()
    {
        _ = Restore.Value;
    }
}
