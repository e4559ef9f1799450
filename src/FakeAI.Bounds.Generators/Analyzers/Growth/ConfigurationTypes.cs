using FakeAI.Bounds.Generators.Common;
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

    public static bool IsConfiguration(INamedTypeSymbol type)
    {
        string? last = LastWord(type.Name);
        if (last is null)
        {
            return false;
        }

        foreach (string word in ConfigurationWords)
        {
            if (string.Equals(last, word, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? LastWord(string name)
    {
        (int Start, int Length) last = default;
        bool any = false;
        for (int start = 0; NameWords.Next(name, ref start, out (int Start, int Length) word);)
        {
            last = word;
            any = true;
        }

        return any ? name.Substring(last.Start, last.Length) : null;
    }
}
