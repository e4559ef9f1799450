using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>
/// The options of the BND0xx rules and their fixes. Each is read first from an <c>.editorconfig</c> key (which can
/// differ per folder or file) and then from an MSBuild property the package exposes to the compiler
/// (<c>CompilerVisibleProperty</c>), so that a project can set it once in its project file.
/// </summary>
internal sealed class BoundsOptions
{
    public const string TrackerSuffixesKey = "fakeai_bounds.tracker_suffixes";
    public const string TrackerSuffixesProperty = "build_property.FakeAIBoundsTrackerSuffixes";
    public const string DefaultMaxLengthKey = "fakeai_bounds.default_max_length";
    public const string DefaultMaxLengthProperty = "build_property.FakeAIBoundsDefaultMaxLength";
    public const string AnalyzeTestCodeKey = "fakeai_bounds.analyze_test_code";
    public const string AnalyzeTestCodeProperty = "build_property.FakeAIBoundsAnalyzeTestCode";

    /// <summary>The MaxLength the "bound it" fix writes when the collection had no capacity argument.</summary>
    public const int FallbackDefaultMaxLength = 1000;

    // No class-name ending makes a class a tracker unless the project declares it. On real code bases, classes others named
    // …Tracker, …Registry, …Collector or …Bus were presence trackers emptied on disconnect, registries of configured
    // things, collectors swept by other objects and buses of startup subscribers far more often than leaking trackers
    // (docs/precision.md); a class that really lives as long as the process is found by how it is held instead.
    private static readonly BoundsOptions Defaults = new(ImmutableArray<string>.Empty, FallbackDefaultMaxLength);

    private BoundsOptions(ImmutableArray<string> trackerSuffixes, int defaultMaxLength)
    {
        TrackerSuffixes = trackerSuffixes;
        DefaultMaxLength = defaultMaxLength;
    }

    public ImmutableArray<string> TrackerSuffixes { get; }

    public int DefaultMaxLength { get; }

    /// <summary>Whether a class of this name counts as a tracker by its name alone.</summary>
    public bool HasTrackerSuffix(string typeName) => TrackerSuffixOf(typeName) is not null;

    /// <summary>The configured suffix a class of this name ends in, or <see langword="null"/>.</summary>
    public string? TrackerSuffixOf(string typeName)
    {
        foreach (string suffix in TrackerSuffixes)
        {
            if (typeName.Length > suffix.Length && typeName.EndsWith(suffix, StringComparison.Ordinal))
            {
                return suffix;
            }
        }

        return null;
    }

    /// <summary>The options that apply to a file; the defaults when nothing is configured.</summary>
    public static BoundsOptions Read(AnalyzerConfigOptionsProvider provider, SyntaxTree tree)
    {
        AnalyzerConfigOptions options = provider.GetOptions(tree);
        bool hasSuffixes = TryGet(options, TrackerSuffixesKey, TrackerSuffixesProperty, out string suffixText);
        bool hasMaxLength = TryGet(options, DefaultMaxLengthKey, DefaultMaxLengthProperty, out string maxLengthText);
        if (!hasSuffixes && !hasMaxLength)
        {
            return Defaults;
        }

        ImmutableArray<string> suffixes = hasSuffixes ? ParseSuffixes(suffixText) : ImmutableArray<string>.Empty;
        int maxLength = hasMaxLength
            && int.TryParse(maxLengthText.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int parsed)
            && parsed >= KnownNames.MinMaxLength
            && parsed <= KnownNames.MaxMaxLength
                ? parsed
                : FallbackDefaultMaxLength;
        return new BoundsOptions(suffixes, maxLength);
    }

    /// <summary>
    /// A comma-separated list; blanks are ignored, so a value of only commas declares nothing, as no value does. (Not
    /// ';': configuration files read it as a comment.)
    /// </summary>
    public static ImmutableArray<string> ParseSuffixes(string text)
    {
        ImmutableArray<string>.Builder suffixes = ImmutableArray.CreateBuilder<string>();
        foreach (string part in text.Split(','))
        {
            string suffix = part.Trim();
            if (suffix.Length > 0 && !suffixes.Contains(suffix))
            {
                suffixes.Add(suffix);
            }
        }

        return suffixes.ToImmutable();
    }

    /// <summary>
    /// Whether the BND0xx rules analyze test projects too. A project-wide switch, so it is read from the global options:
    /// the MSBuild property, or the key in a global configuration file.
    /// </summary>
    public static bool AnalyzeTestCode(AnalyzerConfigOptions globalOptions)
    {
        return TryGet(globalOptions, AnalyzeTestCodeKey, AnalyzeTestCodeProperty, out string value) && IsTrue(value);
    }

    /// <summary>Whether an option's value means true (MSBuild writes "true", "True" or " true ").</summary>
    public static bool IsTrue(string value) => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private static bool TryGet(AnalyzerConfigOptions options, string editorConfigKey, string buildProperty, out string value)
    {
        // A blank value is no value, from either source: a key written with nothing after it (`key =`) is not a
        // declaration, and an MSBuild property the project does not set reaches the compiler as an empty value.
        if (options.TryGetValue(editorConfigKey, out string? fromEditorConfig) && !string.IsNullOrWhiteSpace(fromEditorConfig))
        {
            value = fromEditorConfig;
            return true;
        }

        if (options.TryGetValue(buildProperty, out string? fromBuild) && !string.IsNullOrWhiteSpace(fromBuild))
        {
            value = fromBuild;
            return true;
        }

        value = string.Empty;
        return false;
    }
}
