using System.IO;
using System.Linq;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests;

/// <summary>
/// Trackers of every shape, compiled with every supported C# version at the highest warning level with nullable
/// analysis on, with and without the SDK's symbols (without them the metrics member is left out): the generated
/// members must produce no diagnostic at all. Also the value the compiler gives <c>MaxBoundedEntries</c>.
/// </summary>
public class TrackerCompilationTests
{
    private const string Shapes = """
        using System;
        using FakeAI.Bounds;

        namespace Matrix.Trackers
        {
            public sealed class Payload { }

            [Bounded(MaxLength = 10)]
            public sealed partial class Small : IBoundedQueue<int> { }

            [Bounded(MaxLength = 1073741824, Overflow = OverflowPolicy.DropNewest, ThreadSafe = true)]
            public partial class Huge : IBoundedQueue<Payload?> { }

            /// <summary>A class derived from a [Bounded] class: its DeclaredMaxLength is the base's.</summary>
            public sealed class DerivedHuge : Huge { }

            [Bounded(MaxLength = 7)]
            public sealed partial class Window<T> : IBoundedQueue<T> { }

            [Obsolete("Use Small.")]
            [Bounded(MaxLength = 3)]
            public sealed partial class Old : IBoundedQueue<int> { }

            /// <summary>Every kind of member, three 2^30 bounds (more than int can sum), keywords as names.</summary>
            [BoundedTracker]
            public sealed partial class Everything
            {
                private readonly Small _small = new Small();
                private Huge? _huge;
                internal static DerivedHuge? Derived;
                internal Huge Third { get; } = new Huge(capacity: 1);
                private static Window<string> Words { get; set; } = new Window<string>();
                public Small @class = new Small();
                public Small @event { get; private set; } = new Small();
                [Obsolete("Do not use.")]
                public Small Retired { get; } = new Small();
                private Old _old = new Old();
                private Small WriteOnce { set { _small.Add(value.Count); } }

                public void Touch()
                {
                    _huge = new Huge();
                    _old.Add(1);
                    Derived = new DerivedHuge();
                    Words.Add("w");
                }
            }

            public partial class Outer<TKey> where TKey : notnull
            {
                internal partial struct Middle
                {
                    [BoundedTracker]
                    internal abstract partial class Keys
                    {
                        private readonly Window<TKey> _keys = new Window<TKey>();
                    }
                }
            }

            [BoundedTracker]
            public partial record RecordTracker(string Name)
            {
                public Small Recent { get; } = new Small();
            }

            [BoundedTracker]
            public partial class Empty { }
        }
        """;

    private const string GlobalShapes = """
        using FakeAI.Bounds;

        [Bounded(MaxLength = 2)]
        internal sealed partial class GlobalQueue : IBoundedQueue<string> { }

        [BoundedTracker]
        internal sealed partial class GlobalTracker<T> where T : class
        {
            private static readonly GlobalQueue Shared = new GlobalQueue();
            private readonly GlobalQueue _mine = new GlobalQueue();
        }
        """;

    public static TheoryData<LanguageVersion> LanguageVersions() =>
    [
        LanguageVersion.CSharp8,
        LanguageVersion.CSharp9,
        LanguageVersion.CSharp10,
        LanguageVersion.CSharp11,
        LanguageVersion.CSharp12,
        LanguageVersion.CSharp13,
        LanguageVersion.CSharp14,
    ];

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public void Every_tracker_shape_compiles_without_any_diagnostic(LanguageVersion version)
    {
        string[] sources = version >= LanguageVersion.CSharp9 ? [Shapes, GlobalShapes] : [Shapes.Replace("public partial record RecordTracker(string Name)", "public partial class RecordTracker", System.StringComparison.Ordinal), GlobalShapes];
        Compilation output = Generate(TestCompilation.Create(sources, version), version, sdkSymbols: true);

        Assert.Empty(Problems(output));
    }

    [Fact]
    public void Without_the_SDK_symbols_the_trackers_compile_without_the_metrics_member()
    {
        Compilation output = Generate(TestCompilation.Create([Shapes, GlobalShapes], LanguageVersion.CSharp9, sdkSymbols: false), LanguageVersion.CSharp9, sdkSymbols: false);

        Assert.Empty(Problems(output));
        Assert.Empty(output.GetTypeByMetadataName("Matrix.Trackers.Everything")!.GetMembers("RegisterBoundsMetrics"));
        Assert.Single(output.GetTypeByMetadataName("Matrix.Trackers.Everything")!.GetMembers("GetBounds"));
    }

    [Fact]
    public void MaxBoundedEntries_sums_the_member_types_MaxLength_as_long()
    {
        Compilation output = Generate(TestCompilation.Create([Shapes, GlobalShapes]), LanguageVersion.Latest, sdkSymbols: true);

        // _small, _huge, Derived, Third, Words, @class, @event, Retired, _old; the write-only property is left out.
        Assert.Equal(10L + (1L << 30) + (1L << 30) + (1L << 30) + 7 + 10 + 10 + 10 + 3, MaxBoundedEntries(output, "Matrix.Trackers.Everything"));
        Assert.Equal(7L, MaxBoundedEntries(output, "Matrix.Trackers.Outer`1+Middle+Keys"));
        Assert.Equal(0L, MaxBoundedEntries(output, "Matrix.Trackers.Empty"));
        Assert.Equal(4L, MaxBoundedEntries(output, "GlobalTracker`1"));
    }

    [Fact]
    public void A_member_type_from_a_referenced_assembly_is_summed_by_its_compiled_constant()
    {
        Compilation library = Generate(
            TestCompilation.Create("""
                using FakeAI.Bounds;
                namespace Library;
                [Bounded(MaxLength = 321)]
                public sealed partial class SharedErrors : IBoundedQueue<string>;
                """),
            LanguageVersion.Latest,
            sdkSymbols: true);
        using var image = new MemoryStream();
        EmitResult emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        CSharpCompilation consumer = TestCompilation.Create("""
            using FakeAI.Bounds;
            namespace App;
            [BoundedTracker]
            public sealed partial class Tracker
            {
                private readonly Library.SharedErrors _errors = new Library.SharedErrors();
            }
            """).AddReferences(MetadataReference.CreateFromImage(image.ToArray()));
        Compilation output = Generate(consumer, LanguageVersion.Latest, sdkSymbols: true);

        Assert.Empty(Problems(output));
        Assert.Equal(321L, MaxBoundedEntries(output, "App.Tracker"));
    }

    private static Compilation Generate(CSharpCompilation input, LanguageVersion version, bool sdkSymbols)
    {
        GeneratorDriver driver = TestCompilation.CreateDriver(TestCompilation.ParseOptions(version, sdkSymbols))
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.Null(driver.GetRunResult().Results.Single().Exception);
        return output;
    }

    // Everything at warning level or above except the user's own uses of the [Obsolete] types the shapes declare.
    private static Diagnostic[] Problems(Compilation output)
    {
        return [.. TestCompilation.WarningsAndErrors(output).Where(d => !(d.Id is "CS0612" or "CS0618" && !IsGenerated(d)))];
    }

    private static bool IsGenerated(Diagnostic diagnostic) => diagnostic.Location.SourceTree?.FilePath.EndsWith(".Bounded.g.cs", System.StringComparison.Ordinal) == true;

    private static long MaxBoundedEntries(Compilation output, string metadataName)
    {
        IFieldSymbol constant = (IFieldSymbol)output.GetTypeByMetadataName(metadataName)!.GetMembers("MaxBoundedEntries").Single();
        return Assert.IsType<long>(constant.ConstantValue);
    }
}
