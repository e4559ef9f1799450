using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// Code as it is while being typed: the generator neither throws nor reports anything, and no analyzer throws
/// (which the compiler would report as AD0001).
/// </summary>
public class HalfWrittenCodeTests
{
    private const string ValidQueue = "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedQueue<int>;\n";

    public static TheoryData<string> Sources { get; } = new()
    {
        "[Bounded(MaxLength = ]\npublic partial class X : IBoundedQueue<int>;",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<int>, IBoundedQueue<",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<int>, ;",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<Missing>;",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue;",
        "[Bounded(MaxLength = 4)]\npublic partial class X<T : IBoundedQueue<T>;",
        "[Bounded(MaxLength = 4)]\npublic partial class",
        "[Bounded(MaxLength = 4)]",
        "[Bounded(",
        "[Bounded(MaxLength",
        "[Bounded(MaxLength = 4, Overflow = )]\npublic partial class X : IBoundedQueue<int>;",
        "[Bounded(MaxLength = 4, Overflow = OverflowPolicy.)]\npublic partial class X : IBoundedQueue<int>;",
        "[Bounded(MaxLength = 4, ThreadSafe = )]\npublic partial class X : IBoundedQueue<int>;",
        "[Bounded(MaxLengt = 4)]\npublic partial class X : IBoundedQueue<int>;",
        "[Bounded(4)]\npublic partial class X : IBoundedQueue<int>;",
        "[Bounded(MaxLength = 4)][Bounded(MaxLength = 5)]\npublic partial class X : IBoundedQueue<int>;",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<int> { public void Add( }",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<int> { public X( }",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<int> { public int this[ }",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<int> { private int _bnd",
        "public class C { [Bounded(MaxLength = 4)] public void M() { } }",
        ValidQueue + "public static class Use { public static Recent Create() => new Recent(",
        ValidQueue + "public static class Use { public static Recent Create() => new Recent(capacity: ); }",
        ValidQueue + "public static class Use { public static Recent Create() => new Recent(0, ); }",
        ValidQueue + "public static class Use { public static Recent Create() => new Recent(0, 1); }",
        ValidQueue + "public static class Use { public static Recent Create() => new Recent(size: 0); }",
        ValidQueue + "public static class Use { public static Recent Create() => new Recent(1.5); }",
        ValidQueue + "public static class Use { public static Recent Create() => new Recent(unknown); }",
        ValidQueue + "public static class Use { public static Recent Create() => new(",
        ValidQueue + "public static class Use { public static object Create() => new(0); }",
        ValidQueue + "public static class Use { public static object Create() => new Missing(0); }",
        ValidQueue + "public static class Use { public static object Create() => new Recent<int>(0); }",
        ValidQueue + "public sealed class Sub : Recent { public Sub() : base( }",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<int> { partial void OnEvicted( }",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<int> { partial void OnEvicted(int item, EvictionReason ) { } }",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<int> { partial void OnEvicted(Missing item, EvictionReason reason) { } }",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<Missing> { partial void OnEvicted(Missing item, EvictionReason reason) { } }",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedDictionary<int, Missing> { partial void OnEvicted(int key, string value, EvictionReason reason) { } }",
        "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<int> { partial void OnEvicted",
        "[Bounded(MaxLength = 4, ResizableCapacity = )]\npublic partial class X : IBoundedQueue<int>;",
        "[Bounded(MaxLength = 4, ResizableCapacity = true)]\npublic partial class X : IBoundedQueue<int> { public void SetCapacity( }",
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Nothing_throws_on_half_written_code(string code)
    {
        string source = "using FakeAI.Bounds;\nnamespace App;\n" + code;

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(source);

        // The code really is half-written: the compiler has something to say about it.
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        Assert.Null(result.Generation.Result.Results.Single().Exception);
        Assert.Empty(result.Generation.GeneratorDiagnostics);
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.AnalyzerFailures);
    }

    [Fact]
    public async Task Nothing_is_reported_when_Bounded_does_not_resolve()
    {
        // No 'using FakeAI.Bounds;': [Bounded] and IBoundedQueue<T> are unknown names, so this is no [Bounded] type.
        const string source = "[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<int> { }\npublic static class Use { public static X Create() => new X(0); }";

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(source);

        Assert.Contains(result.Diagnostics, d => d.Id == "CS0246");
        Assert.Null(result.Generation.Result.Results.Single().Exception);
        Assert.Empty(result.Generation.GeneratedSources);
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.AnalyzerFailures);
        Assert.Empty(result.BoundsDiagnostics);
    }

    [Fact]
    public async Task Nothing_throws_when_the_runtime_is_not_referenced()
    {
        // A project that has the analyzers but not the runtime assembly: the analyzers stop at compilation start.
        CSharpCompilation compilation = CSharpCompilation.Create(
            "NoRuntime",
            [CSharpSyntaxTree.ParseText(
                "using FakeAI.Bounds;\n[Bounded(MaxLength = 4)]\npublic partial class X : IBoundedQueue<int> { }\npublic static class Use { public static X Create() => new X(0); }",
                TestCompilation.ParseOptions())],
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(compilation);

        Assert.Contains(result.Diagnostics, d => d.Id == "CS0246");
        Assert.Null(result.Generation.Result.Results.Single().Exception);
        Assert.Empty(result.Generation.GeneratedSources);
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.AnalyzerFailures);
        Assert.Empty(result.BoundsDiagnostics);
    }
}
