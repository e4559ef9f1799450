using System;
using System.Collections.Immutable;
using System.Linq;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Xunit;

namespace FakeAI.Bounds.Package.Tests;

/// <summary>
/// Severities and options, set as a user sets them, change what a real build reports. One project holds the same
/// growing List in classes of several names, in folders with different settings:
/// <list type="bullet">
/// <item>the project file sets <c>FakeAIBoundsTrackerSuffixes</c> to <c>Ledger</c> (through the package's props);</item>
/// <item><c>.editorconfig</c> makes BND001 an error everywhere and, under Stores/, sets
/// <c>fakeai_bounds.tracker_suffixes = Store</c>, which wins over the property there;</item>
/// <item>a suppression by attribute and one by pragma.</item>
/// </list>
/// </summary>
public sealed class EditorConfigTests(EditorConfigTests.Project project) : IClassFixture<EditorConfigTests.Project>
{
    [Fact]
    public void An_error_severity_fails_the_build()
    {
        DotnetResult build = project.Build;

        Assert.True(build.ExitCode != 0, "The build should fail on BND001 errors:\n" + build);
        Assert.NotEmpty(project.Diagnostics);
        Assert.All(project.Diagnostics, d => Assert.Equal(("error", "BND001"), (d.Severity, d.Id)));
    }

    [Fact]
    public void The_tracker_suffixes_come_from_the_project_file_and_editorconfig_overrides_them_per_folder()
    {
        Assert.Equal(
            ["CostLedger.cs", "OrderStore.cs"],
            project.Diagnostics.Select(d => d.FileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_other_warning_or_error_is_reported()
    {
        Assert.All(BuildDiagnostic.WarningAndErrorLines(project.Build.Output), line => Assert.Contains("error BND001", line, StringComparison.Ordinal));
    }

    public sealed class Project
    {
        private readonly Lazy<DotnetResult> _build;

        public Project()
        {
            Consumer = PackedPackage.Instance.CreateConsumer("editorconfig");
            Consumer.Write("Options.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <!-- The project's trackers end in Ledger. -->
                    <FakeAIBoundsTrackerSuffixes>Ledger</FakeAIBoundsTrackerSuffixes>
                  </PropertyGroup>
                  <ItemGroup>
                    {PackedPackage.Instance.PackageReference}
                  </ItemGroup>
                </Project>
                """);
            Consumer.Write(".editorconfig", """
                [*.cs]
                dotnet_diagnostic.BND001.severity = error

                [Stores/*.cs]
                fakeai_bounds.tracker_suffixes = Store
                """);

            WriteGrowingClass("Stores/OrderStore.cs", "OrderStore");              // Store, under Stores/: reported
            WriteGrowingClass("Stores/StockTracker.cs", "StockTracker");          // Tracker is not a suffix under Stores/
            WriteGrowingClass("Ledgers/CostLedger.cs", "CostLedger");             // Ledger, from the project file: reported
            WriteGrowingClass("Trackers/OrderTracker.cs", "OrderTracker");        // Tracker is not declared
            WriteGrowingClass("Ledgers/AuditLedger.cs", "AuditLedger", "[AllowUnbounded(\"every entry is kept for the audit\")]");
            WriteGrowingClass("Ledgers/DebugLedger.cs", "DebugLedger", "#pragma warning disable BND001");

            _build = new(() => Consumer.Dotnet("build", "-tl:off"));
        }

        internal ConsumerFolder Consumer { get; }

        internal DotnetResult Build => _build.Value;

        internal ImmutableArray<BuildDiagnostic> Diagnostics => BuildDiagnostic.Parse(Build.Output);

        private void WriteGrowingClass(string path, string name, string? suppression = null)
        {
            Consumer.Write(path, $$"""
                using System.Collections.Generic;
                using FakeAI.Bounds;

                namespace Options
                {
                    public sealed class {{name}}
                    {
                        {{suppression}}
                        private readonly List<string> _items = new List<string>();

                        public void Record(string item) => _items.Add(item);

                        public int Count => _items.Count;
                    }
                }
                """);
        }
    }
}
