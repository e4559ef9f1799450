using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Recognises the program's configuration objects by the .NET naming convention of the options pattern: a class whose
/// name ends in the word <c>Options</c>, <c>Settings</c>, <c>Configuration</c> or <c>Config</c>
/// (<c>WolverineHttpOptions</c>, <c>BindingOptions</c>, <c>MiniProfiler.Settings</c>, <c>TypeConfig</c>). What such an
/// object collects (policies, strategies, prefixes, matchers, exclusions, configured maps) is filled by the code that
/// configures the program, not by its traffic, and so is what the objects it holds collect. On the code bases of
/// docs/precision.md every finding in or under such a class was a registry of configured things.
/// </summary>
internal static class ConfigurationTypes
{
    private static readonly string[] ConfigurationWords = { "Options", "Settings", "Configuration", "Config" };

    // Each word starts with a capital, so a name that ends in one ends in that word: `JWTOptions` and `XmlConfig` do,
    // `Adoptions` and `Reconfig` do not.
    public static bool IsConfiguration(INamedTypeSymbol type)
    {
        foreach (string word in ConfigurationWords)
        {
            if (type.Name.EndsWith(word, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
