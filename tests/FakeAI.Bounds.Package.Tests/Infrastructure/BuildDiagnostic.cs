using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace FakeAI.Bounds.Package.Tests.Infrastructure;

/// <summary>
/// A diagnostic as MSBuild's console logger prints it:
/// <c>/path/File.cs(12,34): warning BND001: message [/path/Project.csproj]</c>.
/// </summary>
internal sealed partial record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    public string FileName => Path.GetFileName(File);

    /// <summary>Every distinct diagnostic of a build's output (the summary at the end repeats them).</summary>
    public static ImmutableArray<BuildDiagnostic> Parse(string output)
    {
        return
        [
            .. output.Split('\n')
                .Select(line => Pattern().Match(line.TrimEnd('\r')))
                .Where(match => match.Success)
                .Select(match => new BuildDiagnostic(
                    match.Groups["file"].Value.Trim(),
                    int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    match.Groups["severity"].Value,
                    match.Groups["id"].Value,
                    match.Groups["message"].Value))
                .Distinct(),
        ];
    }

    /// <summary>
    /// Every distinct line of a build's output that reports a warning or an error, with a location or without one
    /// (<c>CSC : warning CS8032</c>, <c>App.csproj : error NU1101</c>).
    /// </summary>
    public static ImmutableArray<string> WarningAndErrorLines(string output)
    {
        return
        [
            .. output.Split('\n')
                .Select(line => line.TrimEnd('\r'))
                .Where(line => AnyPattern().IsMatch(line))
                .Distinct(StringComparer.Ordinal),
        ];
    }

    public override string ToString()
    {
        return $"{FileName}({Line},{Column}): {Severity} {Id}: {Message}";
    }

    [GeneratedRegex(@"^(?<file>[^(]+)\((?<line>\d+),(?<column>\d+)(,\d+,\d+)?\): (?<severity>warning|error) (?<id>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@":\s*(warning|error) [A-Z]+\d+", RegexOptions.CultureInvariant)]
    private static partial Regex AnyPattern();
}
