using System;
using System.Collections.Immutable;
using System.Linq;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Xunit;

namespace FakeAI.Bounds.Package.Tests;

/// <summary>
/// Two projects that both reference NUnit, built as a user builds them: a service whose shared infrastructure carries
/// test helpers (so its compilation references the test framework), and a test project (it references
/// Microsoft.NET.Test.Sdk, which sets <c>IsTestProject</c>). Each has the same static list that grows per request.
/// The service is product code and gets BND001; the test project does not.
/// </summary>
public sealed class TestFrameworkReferenceTests(TestFrameworkReferenceTests.Projects projects) : IClassFixture<TestFrameworkReferenceTests.Projects>
{
    [Fact]
    public void A_product_project_that_references_a_test_framework_is_analyzed()
    {
        DotnetResult build = projects.Service.Value;

        Assert.True(build.ExitCode == 0, build.ToString());
        BuildDiagnostic warning = Assert.Single(BuildDiagnostic.Parse(build.Output));
        Assert.Equal(("RequestLog.cs", "warning", "BND001"), (warning.FileName, warning.Severity, warning.Id));
    }

    [Fact]
    public void A_test_project_is_not()
    {
        DotnetResult build = projects.Tests.Value;

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(BuildDiagnostic.Parse(build.Output));
    }

    public sealed class Projects
    {
        public Projects()
        {
            ConsumerFolder service = Create("testframework-service", isTest: false);
            ConsumerFolder tests = Create("testframework-tests", isTest: true);
            Service = new(() => service.Dotnet("build", "-tl:off"));
            Tests = new(() => tests.Dotnet("build", "-tl:off"));
        }

        internal Lazy<DotnetResult> Service { get; }

        internal Lazy<DotnetResult> Tests { get; }

        private static ConsumerFolder Create(string name, bool isTest)
        {
            ConsumerFolder consumer = PackedPackage.Instance.CreateConsumer(name);
            consumer.Write("Orders.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    {PackedPackage.Instance.PackageReference}
                    <PackageReference Include="NUnit" Version="4.6.1" />
                    {(isTest ? "<PackageReference Include=\"Microsoft.NET.Test.Sdk\" Version=\"18.0.1\" />" : string.Empty)}
                  </ItemGroup>
                </Project>
                """);
            consumer.Write("RequestLog.cs", """
                using System.Collections.Generic;

                namespace Orders
                {
                    public static class RequestLog
                    {
                        private static readonly List<string> Paths = new List<string>();

                        public static void Record(string path) => Paths.Add(path);

                        public static int Count => Paths.Count;
                    }
                }
                """);
            return consumer;
        }
    }
}
