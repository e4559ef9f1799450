using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>
/// Tells a test project from product code. A test's fixtures and doubles live as long as a test run, not as long as a
/// service: a static list in a fake grows per test, not per request, so the BND0xx rules leave test projects alone
/// unless <see cref="BoundsOptions.AnalyzeTestCode"/> says otherwise.
/// A test project is one whose build says <c>IsTestProject</c> (Microsoft.NET.Test.Sdk, xUnit v3 and TUnit set it), or,
/// in a build that does not pass the property, one that references xUnit, NUnit, MSTest or TUnit: the compilation's own
/// reference list, so nothing is walked. Where the build passes the property, a product project that references a test
/// framework (through a shared project that carries test helpers) is product code. Test kits, samples and
/// benchmarks ship outside test projects too (a <c>…TestKit</c> or <c>…TestingHost</c> assembly, a <c>…Testing</c>
/// namespace in a product assembly, a <c>…Benchmarks</c> project); their names say what they are, and their state lives
/// as long as a test or a demo run, so they are skipped the same way, and so are the types in a folder of samples,
/// examples, demos, benchmarks or test apps (a <c>samples</c>, <c>examples</c> or <c>tests</c> folder on the file's path,
/// or a folder with a test word in its name: <c>src/Testing/PerfRig</c>, <c>TestHarness/AotChecker</c>).
/// </summary>
internal static class TestCode
{
    public const string IsTestProjectProperty = "build_property.IsTestProject";

    private static readonly string[] TestFrameworkAssemblies =
    {
        "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework",
        "MSTest.TestFramework", "TUnit.Core",
    };

    // The words of a dotted assembly or namespace segment that make it test or benchmark code (Akka.TestKit,
    // Orleans.TestingHost, Dapper.Tests.Performance, MassTransit.Testing).
    private static readonly string[] TestSegmentWords = { "Test", "Tests", "Testing", "Benchmark", "Benchmarks" };

    // A type or file named as a test double or a fixture: TestTransport, MockClock, StubSink, DummyDb; …Tests, …Fixture.
    private static readonly string[] TestFirstWords = { "Test", "Mock", "Stub", "Dummy" };
    private static readonly string[] TestLastWords = { "Test", "Tests", "Fixture" };

    // A folder on a source file's path that holds samples, demos, benchmarks or test apps rather than shipped code
    // (src/Samples/Quickstart, doc/samples, examples/Greeter, tests/NorthwindAuto, playground/...): their state lives
    // as long as a demo run. Whole folder names only, so "SampleRate" or "Examples.Core" are not.
    private static readonly string[] NonProductFolders =
    {
        "samples", "sample", "examples", "example", "demo", "demos", "playground", "benchmarks", "benchmark", "tests",
    };

    private static readonly char[] PathSeparators = { '/', '\\' };

    /// <summary>Whether the rules about unbounded state should skip this compilation.</summary>
    public static bool IsSkipped(Compilation compilation, AnalyzerConfigOptionsProvider options)
    {
        AnalyzerConfigOptions global = options.GlobalOptions;
        if (BoundsOptions.AnalyzeTestCode(global))
        {
            return false;
        }

        if (compilation.AssemblyName is { } assembly && NamesTestCode(assembly))
        {
            return true;
        }

        if (global.TryGetValue(IsTestProjectProperty, out string? isTestProject))
        {
            // The build says: the test SDK sets IsTestProject, and an SDK build passes it, empty, for every other project.
            // A product project can reference a test framework too, through a shared project that carries test helpers
            // (ServiceControl's infrastructure references NUnit, and so every service of it does); the framework's
            // assembly in its references does not make its state test state.
            return BoundsOptions.IsTrue(isTestProject);
        }

        // A build that does not pass the property at all (a host that loads the analyzers without the package's props): a
        // reference to a test framework is the sign left. Every build that imports the props passes it, so a test project
        // whose framework does not set it (an NUnitLite console, a test project of the .NET Framework era) is known by
        // its name (…Tests), or says <IsTestProject>true</IsTestProject> itself.
        foreach (AssemblyIdentity reference in compilation.ReferencedAssemblyNames)
        {
            foreach (string framework in TestFrameworkAssemblies)
            {
                if (string.Equals(reference.Name, framework, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a type of a product compilation is test support by its names: a namespace segment of test words
    /// (<c>MassTransit.Testing</c>), or the type (or a containing type) or its file named as a test double or fixture
    /// (<c>PrometheusHttpListenerTests</c>, a registry declared in <c>TestTransport.cs</c>). A product class merely
    /// containing "Test" in the middle of its name (<c>AbTestAssignments</c>) is not.
    /// </summary>
    public static bool IsTestSupport(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (NamesTestDouble(current.Name))
            {
                return true;
            }
        }

        for (INamespaceSymbol? ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (HasWord(ns.Name, TestSegmentWords))
            {
                return true;
            }
        }

        foreach (Location location in type.Locations)
        {
            if (location.SourceTree?.FilePath is { Length: > 0 } path && (NamesTestDouble(System.IO.Path.GetFileNameWithoutExtension(path)) || InNonProductFolder(path)))
            {
                return true;
            }
        }

        return false;
    }

    // Walks the path's folders in place: this runs for every type.
    private static bool InNonProductFolder(string path)
    {
        // The file's own name is not a folder (a Test0.cs is judged by its name as a test double or not).
        int end = path.LastIndexOfAny(PathSeparators);
        if (end < 0)
        {
            return false;
        }

        for (int i = end - 1; i >= 0; i--)
        {
            if (path[i] is '/' or '\\')
            {
                if (i + 1 < end && IsNonProductFolder(path, i + 1, end - i - 1))
                {
                    return true;
                }

                end = i;
            }
        }

        // A relative path's first folder ("samples/Quickstart/Program.cs").
        return end > 0 && IsNonProductFolder(path, 0, end);
    }

    // A folder of samples, demos or benchmarks by its whole name, or of tests by a word of its name (src/Testing,
    // TestHarness, UnitTests, Benchmarks.Runner): a test rig or harness app holds state for one run, as a test does.
    private static bool IsNonProductFolder(string path, int start, int length)
    {
        for (int wordStart = start; NameWords.Next(path, start + length, ref wordStart, out (int Start, int Length) word);)
        {
            if (IsOneOf(path, word, TestSegmentWords))
            {
                return true;
            }
        }

        foreach (string folder in NonProductFolders)
        {
            if (folder.Length == length && string.Compare(path, start, folder, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a dotted name (an assembly's) has a segment with a test word in it.</summary>
    public static bool NamesTestCode(string dottedName)
    {
        foreach (string segment in dottedName.Split('.'))
        {
            if (HasWord(segment, TestSegmentWords))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesTestDouble(string name)
    {
        (int Start, int Length) first = (0, 0), last = (0, 0);
        int count = 0;
        for (int start = 0; NameWords.Next(name, ref start, out (int Start, int Length) word);)
        {
            first = count == 0 ? word : first;
            last = word;
            count++;
        }

        return count > 1 && (IsOneOf(name, first, TestFirstWords) || IsOneOf(name, last, TestLastWords));
    }

    private static bool HasWord(string name, string[] candidates)
    {
        for (int start = 0; NameWords.Next(name, ref start, out (int Start, int Length) word);)
        {
            if (IsOneOf(name, word, candidates))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneOf(string name, (int Start, int Length) word, string[] candidates)
    {
        foreach (string candidate in candidates)
        {
            if (candidate.Length == word.Length && string.CompareOrdinal(name, word.Start, candidate, 0, word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
