using System.Linq;
using System.Reflection;

namespace FakeAI.Bounds.Package.Tests.Infrastructure;

/// <summary>
/// The repository address the build of these tests was given (BoundsRepositoryUrl: Directory.Build.props, or
/// <c>-p:</c>), which the package's metadata and every rule's help link must carry.
/// </summary>
internal static class ConfiguredRepository
{
    public static string Url { get; } = typeof(ConfiguredRepository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "BoundsRepositoryUrl").Value!.TrimEnd('/');

    /// <summary>The page of a rule, as its help link names it.</summary>
    public static string RulePage(string id)
    {
        return $"{Url}/blob/main/docs/rules/{id}.md";
    }
}
