using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators;
using FakeAI.Bounds.Package.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FakeAI.Bounds.Package.Tests;

/// <summary>
/// The generator and analyzers compile against Microsoft.CodeAnalysis 4.8 so that they load in every compiler from
/// SDK 8.0.1xx and Visual Studio 17.8 on. This project references that version exactly (the other test projects use
/// a newer one), so these tests run them in the oldest host they support: an API they call that 4.8 lacks would throw
/// here, not only in a user's older IDE.
/// </summary>
public class Roslyn48BaselineTests
{
    private const string Consumer = """
        using System.Collections.Generic;
        using FakeAI.Bounds;

        namespace Consumer
        {
            public sealed class ErrorRecord
            {
                public ErrorRecord(int id) { Id = id; }
                public int Id { get; }
            }

            [Bounded(MaxLength = 500)]
            public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord> { }

            [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
            public sealed partial class CostPerKey : IBoundedDictionary<string, decimal> { }

            [Bounded(MaxLength = 50, Overflow = OverflowPolicy.DropNewest)]
            internal sealed partial class AffectedUsers : IBoundedSet<string> { }

            [BoundedTracker]
            public sealed partial class ServiceTracker
            {
                public RecentErrors Errors { get; } = new RecentErrors();
                public CostPerKey Costs { get; } = new CostPerKey();
            }

            public sealed class OrderTracker
            {
                private readonly List<string> _orders = new List<string>();

                private OrderTracker()
                {
                }

                public static OrderTracker Shared { get; } = new OrderTracker();

                public void Record(string order) => _orders.Add(order);
            }
        }
        """;

    /// <summary>The symbols the SDK defines for a net10.0 project; the generated code branches on some of them.</summary>
    private static readonly string[] NetSymbols =
    [
        "NET", "NETCOREAPP", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER",
        "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
    ];

    [Fact]
    public void The_compiler_these_tests_load_is_Roslyn_4_8()
    {
        Assert.Equal(new Version(4, 8, 0, 0), typeof(CSharpCompilation).Assembly.GetName().Version);
        Assert.Equal(new Version(4, 8, 0, 0), typeof(Compilation).Assembly.GetName().Version);
    }

    [Fact]
    public void The_generator_assembly_is_built_against_Roslyn_4_8()
    {
        AssemblyName[] references = typeof(BoundedGenerator).Assembly.GetReferencedAssemblies();

        AssemblyName roslyn = Assert.Single(references, reference => reference.Name == "Microsoft.CodeAnalysis");
        Assert.Equal(new Version(4, 8, 0, 0), roslyn.Version);
        AssemblyName csharp = Assert.Single(references, reference => reference.Name == "Microsoft.CodeAnalysis.CSharp");
        Assert.Equal(new Version(4, 8, 0, 0), csharp.Version);
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp8, true)]
    [InlineData(LanguageVersion.CSharp8, false)]
    [InlineData(LanguageVersion.CSharp12, true)]
    public async Task The_generated_code_compiles_and_the_analyzers_report_BND001(LanguageVersion version, bool netSymbols)
    {
        CSharpParseOptions parseOptions = new CSharpParseOptions(version).WithPreprocessorSymbols(netSymbols ? NetSymbols : []);
        CSharpCompilation input = Compile(parseOptions);

        GeneratorDriver driver = CSharpGeneratorDriver.Create([new BoundedGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        GeneratorRunResult run = Assert.Single(driver.GetRunResult().Results);
        Assert.Null(run.Exception);
        Assert.Equal(4, run.GeneratedSources.Length); // three collections and the tracker
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        (ImmutableArray<Diagnostic> diagnostics, IReadOnlyCollection<Exception> exceptions) = await AnalyzeAsync(output);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "AD0002");
        Diagnostic bnd001 = Assert.Single(diagnostics, d => d.Id.StartsWith("BND", StringComparison.Ordinal));
        Assert.Equal("BND001", bnd001.Id);
        Assert.Equal(DiagnosticSeverity.Warning, bnd001.Severity);
        Assert.Contains("'_orders' in 'OrderTracker' grows without limit", bnd001.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("_orders", bnd001.Location.SourceTree!.GetText().ToString(bnd001.Location.SourceSpan));
    }

    [Fact]
    public async Task CSharp_7_3_gets_BND110_and_no_generated_collection()
    {
        CSharpParseOptions parseOptions = new(LanguageVersion.CSharp7_3);
        CSharpCompilation input = Compile(parseOptions);

        GeneratorDriver driver = CSharpGeneratorDriver.Create([new BoundedGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);

        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        foreach (string type in new[] { "Consumer.RecentErrors", "Consumer.CostPerKey", "Consumer.AffectedUsers" })
        {
            Assert.Empty(output.GetTypeByMetadataName(type)!.GetMembers("Clear"));
        }

        (ImmutableArray<Diagnostic> diagnostics, IReadOnlyCollection<Exception> exceptions) = await AnalyzeAsync(output);
        Assert.Empty(exceptions);
        Assert.Equal(3, diagnostics.Count(d => d.Id == "BND110" && d.Severity == DiagnosticSeverity.Error));
    }

    private static CSharpCompilation Compile(CSharpParseOptions parseOptions)
    {
        return CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText(Consumer, parseOptions, path: "Consumer.cs")],
            [.. FrameworkReferences.Net, MetadataReference.CreateFromFile(typeof(BoundedAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                // As the SDK does for every project: the runtime targets net8.0, the references are newer.
                .WithSpecificDiagnosticOptions([
                    new KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress),
                    new KeyValuePair<string, ReportDiagnostic>("CS1702", ReportDiagnostic.Suppress),
                ]));
    }

    /// <summary>Every analyzer of the generator assembly, found as the compiler finds them: by attribute.</summary>
    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyCollection<Exception> Exceptions)> AnalyzeAsync(Compilation compilation)
    {
        ImmutableArray<DiagnosticAnalyzer> analyzers =
        [
            .. typeof(BoundedGenerator).Assembly.GetTypes()
                .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                    && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute && attribute.Languages.Contains(LanguageNames.CSharp))
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
        ];
        Assert.NotEmpty(analyzers);

        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync();
        return (diagnostics, exceptions);
    }
}
