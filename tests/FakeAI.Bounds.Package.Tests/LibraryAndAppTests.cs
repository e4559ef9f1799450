using System.IO;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Xunit;

namespace FakeAI.Bounds.Package.Tests;

/// <summary>
/// A library that references the package and declares bounded types, public and internal, built for netstandard2.0
/// (C# 8), net8.0 (C# 12) and net9.0 (C# 13) with warnings as errors and documentation required, age-bounded types
/// included (their clock comes from the package's netstandard2.0 dependency); and an app (net10.0,
/// C# 14) that references only the library, gets the package's generator through it, declares bounded types of its
/// own and uses the library's internal ones through InternalsVisibleTo. Each assembly holds only the code generated
/// for its own declarations, so nothing is defined twice.
/// </summary>
public sealed class LibraryAndAppTests(LibraryAndAppTests.Solution solution) : IClassFixture<LibraryAndAppTests.Solution>
{
    [Fact]
    public void Both_build_without_a_warning_for_every_target_framework()
    {
        DotnetResult build = solution.Build;

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(BuildDiagnostic.WarningAndErrorLines(build.Output));
        foreach (string tfm in new[] { "netstandard2.0", "net8.0", "net9.0" })
        {
            Assert.True(File.Exists(solution.Consumer.FullPath($"Lib/bin/Debug/{tfm}/Lib.dll")), $"Lib was not built for {tfm}:\n{build}");
        }
    }

    [Fact]
    public void The_app_runs_with_its_own_and_the_librarys_generated_types()
    {
        Assert.True(solution.Build.ExitCode == 0, solution.Build.ToString());

        DotnetResult run = solution.Consumer.Dotnet(solution.Consumer.FullPath("App/bin/Debug/net10.0/App.dll")).EnsureSuccess();

        Assert.Equal(
            string.Join('\n',
                "library window: b,c,d (1 evicted)",
                "library cache: x,z",
                "library sessions: 1 held, 0 expired, max age 60 s; streams: 1 open",
                "app window: 1 held, 1 dropped",
                "app's own RecentWindow: 2 held",
                "  Window: 3/3 (MaxLength 3), 4 added, 1 evicted, 0 dropped",
                "  Cache: 2/2 (MaxLength 2), 3 added, 1 evicted, 0 dropped",
                string.Empty),
            run.Output.ReplaceLineEndings("\n"));
    }

    public sealed class Solution
    {
        private readonly System.Lazy<DotnetResult> _build;

        public Solution()
        {
            Consumer = PackedPackage.Instance.CreateConsumer("library-and-app");
            WriteSources();
            _build = new(() => Consumer.Dotnet("build", "LibraryAndApp.slnx", "-tl:off"));
        }

        internal ConsumerFolder Consumer { get; }

        internal DotnetResult Build => _build.Value;

        private void WriteSources()
        {
            Consumer.Write("LibraryAndApp.slnx", """
                <Solution>
                  <Project Path="Lib/Lib.csproj" />
                  <Project Path="App/App.csproj" />
                </Solution>
                """);

            Consumer.Write("Lib/Lib.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFrameworks>netstandard2.0;net8.0;net9.0</TargetFrameworks>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <GenerateDocumentationFile>true</GenerateDocumentationFile>
                  </PropertyGroup>
                  <!-- The oldest C# the package supports on netstandard2.0; newer ones on the others. -->
                  <PropertyGroup Condition="'$(TargetFramework)' == 'netstandard2.0'">
                    <LangVersion>8.0</LangVersion>
                  </PropertyGroup>
                  <PropertyGroup Condition="'$(TargetFramework)' == 'net8.0'">
                    <LangVersion>12.0</LangVersion>
                  </PropertyGroup>
                  <PropertyGroup Condition="'$(TargetFramework)' == 'net9.0'">
                    <LangVersion>13.0</LangVersion>
                  </PropertyGroup>
                  <ItemGroup>
                    {PackedPackage.Instance.PackageReference}
                    <InternalsVisibleTo Include="App" />
                  </ItemGroup>
                </Project>
                """);

            Consumer.Write("Lib/Windows.cs", """
                using FakeAI.Bounds;

                namespace Lib
                {
                    [Bounded(MaxLength = 3)]
                    internal sealed partial class RecentWindow : IBoundedQueue<string>
                    {
                    }

                    /// <summary>Prices of the most recently used keys.</summary>
                    [Bounded(MaxLength = 2, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
                    public sealed partial class PriceCache : IBoundedDictionary<string, int>
                    {
                    }

                    /// <summary>Sessions seen in the last minute: on netstandard2.0 the clock comes from the package's one dependency.</summary>
                    [Bounded(MaxLength = 8, MaxAgeSeconds = 60)]
                    public sealed partial class RecentSessions : IBoundedDictionary<string, int>
                    {
                    }

                    [Bounded(MaxLength = 8, MaxAgeMilliseconds = 300_000, Overflow = OverflowPolicy.DropNewest)]
                    internal sealed partial class OpenStreams : IBoundedQueue<string>
                    {
                    }

                    /// <summary>The library's bounded state.</summary>
                    [BoundedTracker]
                    public sealed partial class LibraryTracker
                    {
                        internal RecentWindow Window { get; } = new RecentWindow();

                        /// <summary>The cached prices.</summary>
                        public PriceCache Cache { get; } = new PriceCache();
                    }
                }
                """);

            Consumer.Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <!-- No reference to the package: it comes through the library, generator and all. -->
                    <ProjectReference Include="../Lib/Lib.csproj" />
                  </ItemGroup>
                </Project>
                """);

            Consumer.Write("App/Program.cs", """
                using System;
                using FakeAI.Bounds;
                using Lib;

                var tracker = new LibraryTracker();
                foreach (string item in new[] { "a", "b", "c", "d" })
                {
                    tracker.Window.Add(item); // internal to Lib
                }

                tracker.Cache["x"] = 1;
                tracker.Cache["y"] = 2;
                _ = tracker.Cache["x"];
                tracker.Cache["z"] = 3;
                Console.WriteLine($"library window: {string.Join(",", tracker.Window.ToArray())} ({tracker.Window.Evicted} evicted)");
                Console.WriteLine($"library cache: {string.Join(",", tracker.Cache.Keys)}");

                var sessions = new RecentSessions(TimeProvider.System);
                sessions["s1"] = 1;
                var streams = new OpenStreams();
                streams.Add("stream-1");
                Console.WriteLine($"library sessions: {sessions.Count} held, {sessions.Expired} expired, max age {sessions.MaxAge.TotalSeconds} s; streams: {streams.Count} open");

                var window = new AppWindow();
                window.Add(1);
                window.Add(2);
                Console.WriteLine($"app window: {window.Count} held, {window.Dropped} dropped");

                var own = new App.RecentWindow();
                own.Add(1);
                own.Add(2);
                Console.WriteLine($"app's own RecentWindow: {own.Count} held");

                foreach (BoundSnapshot bound in tracker.GetBounds())
                {
                    Console.WriteLine($"  {bound}");
                }

                [Bounded(MaxLength = 1, Overflow = OverflowPolicy.DropNewest)]
                internal sealed partial class AppWindow : IBoundedQueue<int>;

                namespace App
                {
                    // The same name as the library's internal type, in the app's namespace.
                    [Bounded(MaxLength = 2)]
                    internal sealed partial class RecentWindow : IBoundedQueue<int>;
                }
                """);
        }
    }
}
