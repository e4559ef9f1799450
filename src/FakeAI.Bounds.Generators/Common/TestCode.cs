using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>
/// Tells a test project from product code. A test's fixtures and doubles live as long as a test run, not as long as a
/// service: a static list in a fake grows per test, not per request, so the BND0xx rules leave test projects alone
/// unless <see cref="BoundsOptions.AnalyzeTestCode"/> says otherwise.
/// A test project is one whose build says <c>IsTestProject</c> (the test SDK sets it) or that references xUnit,
/// NUnit, MSTest or TUnit: the compilation's own reference list, so nothing is walked.
/// </summary>
internal static class TestCode
{
    public const string IsTestProjectProperty = "build_property.IsTestProject";

    private static readonly string[] TestFrameworkAssemblies =
    {
        "xunit.core", "xunit.v3.core", "nunit.framework", "Microsoft.VisualStudio.TestPlatform.TestFramework",
        "MSTest.TestFramework", "TUnit.Core",
    };

    /// <summary>Whether the rules about unbounded state should skip this compilation.</summary>
    public static bool IsSkipped(Compilation compilation, AnalyzerConfigOptionsProvider options)
    {
        AnalyzerConfigOptions global = options.GlobalOptions;
        if (BoundsOptions.AnalyzeTestCode(global))
        {
            return false;
        }

        if (global.TryGetValue(IsTestProjectProperty, out string? isTestProject) && BoundsOptions.IsTrue(isTestProject))
        {
            return true;
        }

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
}
