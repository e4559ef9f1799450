using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// Bad input never yields half-generated code: for every problem the analyzers report, the generator writes no
/// source for that declaration, reports nothing itself and does not throw; and the analyzers report that problem
/// for the very declaration the generator skipped.
/// </summary>
public class InvalidDeclarationsGenerateNothingTests
{
    public static TheoryData<string, string, string> Problems { get; } = new()
    {
        { "not partial", DiagnosticIds.BoundedTypeNotPartial, "[Bounded(MaxLength = 10)] public sealed class Recent : IBoundedQueue<int>;" },
        { "containing type not partial", DiagnosticIds.BoundedTypeNotPartial, "public class Outer { [Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedQueue<int>; }" },
        { "MaxLength missing", DiagnosticIds.MaxLengthInvalid, "[Bounded] public sealed partial class Recent : IBoundedQueue<int>;" },
        { "MaxLength 0", DiagnosticIds.MaxLengthInvalid, "[Bounded(MaxLength = 0)] public sealed partial class Recent : IBoundedQueue<int>;" },
        { "MaxLength negative", DiagnosticIds.MaxLengthInvalid, "[Bounded(MaxLength = -10)] public sealed partial class Recent : IBoundedQueue<int>;" },
        { "MaxLength 2^30 + 1", DiagnosticIds.MaxLengthInvalid, "[Bounded(MaxLength = 1073741825)] public sealed partial class Recent : IBoundedQueue<int>;" },
        { "MaxLength not constant", DiagnosticIds.MaxLengthInvalid, "public static class Limits { public static int Max = 5; } [Bounded(MaxLength = Limits.Max)] public sealed partial class Recent : IBoundedQueue<int>;" },
        { "no bounded interface", DiagnosticIds.BoundedInterfaceCount, "[Bounded(MaxLength = 10)] public sealed partial class Recent;" },
        { "two bounded interfaces", DiagnosticIds.BoundedInterfaceCount, "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedQueue<int>, IBoundedSet<int>;" },
        { "struct", DiagnosticIds.BoundedTypeKindInvalid, "[Bounded(MaxLength = 10)] public partial struct Recent : IBoundedQueue<int>;" },
        { "static class", DiagnosticIds.BoundedTypeKindInvalid, "[Bounded(MaxLength = 10)] public static partial class Recent : IBoundedQueue<int>;" },
        { "record", DiagnosticIds.BoundedTypeKindInvalid, "[Bounded(MaxLength = 10)] public sealed partial record Recent : IBoundedQueue<int>;" },
        { "record struct", DiagnosticIds.BoundedTypeKindInvalid, "[Bounded(MaxLength = 10)] public partial record struct Recent : IBoundedQueue<int>;" },
        { "file-local class", DiagnosticIds.BoundedTypeKindInvalid, "[Bounded(MaxLength = 10)] file sealed partial class Recent : IBoundedQueue<int>;" },
        { "Add clash", DiagnosticIds.MemberClashesWithGenerated, "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedQueue<int> { public void Add(int item) { } }" },
        { "Count clash", DiagnosticIds.MemberClashesWithGenerated, "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedQueue<int> { public int Count => 0; }" },
        { "parameterless constructor clash", DiagnosticIds.MemberClashesWithGenerated, "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedQueue<int> { public Recent() { } }" },
        { "int constructor clash", DiagnosticIds.MemberClashesWithGenerated, "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedQueue<int> { public Recent(int size) { } }" },
        { "indexer clash", DiagnosticIds.MemberClashesWithGenerated, "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedQueue<int> { public int this[long i] => 0; }" },
        { "_bnd field clash", DiagnosticIds.MemberClashesWithGenerated, "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedQueue<int> { private int _bndMine; }" },
        { "EvictLeastRecentlyUsed on a queue", DiagnosticIds.OverflowPolicyInvalid, "[Bounded(MaxLength = 10, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)] public sealed partial class Recent : IBoundedQueue<int>;" },
        { "undefined policy", DiagnosticIds.OverflowPolicyInvalid, "[Bounded(MaxLength = 10, Overflow = (OverflowPolicy)42)] public sealed partial class Recent : IBoundedQueue<int>;" },
        { "Count inherited from a base class", DiagnosticIds.MemberClashesWithGenerated, "public abstract class Base { public int Count => 0; } [Bounded(MaxLength = 10)] public sealed partial class Recent : Base, IBoundedQueue<int>;" },
        { "eviction hook of the wrong item type", DiagnosticIds.EvictionHookInvalid, "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedQueue<int> { partial void OnEvicted(long item, EvictionReason reason) { } }" },
        { "eviction hook not partial", DiagnosticIds.EvictionHookInvalid, "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedSet<int> { void OnEvicted(int item, EvictionReason reason) { } }" },
        { "MaxAge zero", DiagnosticIds.MaxAgeInvalid, "[Bounded(MaxLength = 10, MaxAgeSeconds = 0)] public sealed partial class Recent : IBoundedQueue<int>;" },
        { "MaxAge negative", DiagnosticIds.MaxAgeInvalid, "[Bounded(MaxLength = 10, MaxAgeMilliseconds = -1)] public sealed partial class Recent : IBoundedDictionary<int, string>;" },
        { "MaxAge twice", DiagnosticIds.MaxAgeInvalid, "[Bounded(MaxLength = 10, MaxAgeMilliseconds = 1000, MaxAgeSeconds = 1)] public sealed partial class Recent : IBoundedSet<int>;" },
        { "MaxAge not constant", DiagnosticIds.MaxAgeInvalid, "public static class Ages { public static int Window = 5; } [Bounded(MaxLength = 10, MaxAgeSeconds = Ages.Window)] public sealed partial class Recent : IBoundedQueue<int>;" },
        { "RemoveExpired clash", DiagnosticIds.MemberClashesWithGenerated, "[Bounded(MaxLength = 10, MaxAgeSeconds = 5)] public sealed partial class Recent : IBoundedSet<int> { public void RemoveExpired() { } }" },
        { "TimeProvider constructor clash", DiagnosticIds.MemberClashesWithGenerated, "[Bounded(MaxLength = 10, MaxAgeSeconds = 5)] public sealed partial class Recent : IBoundedQueue<int> { public Recent(System.TimeProvider clock) : this() { } }" },
        { "capacity and TimeProvider constructor clash", DiagnosticIds.MemberClashesWithGenerated, "[Bounded(MaxLength = 10, MaxAgeSeconds = 5)] public sealed partial class Recent : IBoundedDictionary<int, string> { public Recent(int size, System.TimeProvider clock) : this(size) { } }" },
        { "MaxWeight zero", DiagnosticIds.MaxWeightInvalid, "[Bounded(MaxLength = 10, MaxWeight = 0)] public sealed partial class Recent : IBoundedSet<string> { private static int Weigh(string item) => item.Length; }" },
        { "MaxWeight on a queue", DiagnosticIds.MaxWeightInvalid, "[Bounded(MaxLength = 10, MaxWeight = 100)] public sealed partial class Recent : IBoundedQueue<string> { private static int Weigh(string item) => item.Length; }" },
        { "MaxWeight without a weigher", DiagnosticIds.WeigherInvalid, "[Bounded(MaxLength = 10, MaxWeight = 100)] public sealed partial class Recent : IBoundedDictionary<int, string>;" },
        { "weigher of the wrong value type", DiagnosticIds.WeigherInvalid, "[Bounded(MaxLength = 10, MaxWeight = 100)] public sealed partial class Recent : IBoundedDictionary<int, string> { private static int Weigh(int key, object value) => 1; }" },
        { "Weight clash", DiagnosticIds.MemberClashesWithGenerated, "[Bounded(MaxLength = 10, MaxWeight = 100)] public sealed partial class Recent : IBoundedSet<string> { public long Weight => 0; private static int Weigh(string item) => item.Length; }" },
        { "static eviction hook", DiagnosticIds.EvictionHookInvalid, "[Bounded(MaxLength = 10)] public sealed partial class Recent : IBoundedDictionary<int, string> { static partial void OnEvicted(int key, string value, EvictionReason reason) { } }" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task The_generator_writes_nothing_for_a_declaration_the_analyzer_reports(string problem, string expectedId, string declaration)
    {
        string source = "using FakeAI.Bounds;\nnamespace App;\n" + declaration + "\n";

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(source);

        Assert.Null(result.Generation.Result.Results.Single().Exception);
        Assert.Empty(result.Generation.GeneratorDiagnostics);
        Assert.Empty(result.Generation.GeneratedSources);
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.AnalyzerFailures);
        Assert.True(
            result.BoundsDiagnostics.Any(d => d.Id == expectedId),
            $"{problem}: expected {expectedId}, got [{string.Join(", ", result.BoundsDiagnostics.Select(d => d.Id))}]");
    }

    [Fact]
    public void A_problem_in_one_declaration_does_not_stop_generation_of_the_others()
    {
        // Each problem once more, its types renamed so that they do not collide: Recent0, Outer1, Limits6, ...
        string source = "using FakeAI.Bounds;\nnamespace App;\n"
            + string.Join("\n", Problems.Select((row, i) => Regex.Replace((string)row[2], @"\b(Recent|Outer|Limits)\b", "${1}" + i)))
            + "\n[Bounded(MaxLength = 10)] public sealed partial class Valid : IBoundedQueue<int>;\n";

        GeneratorRun run = TestCompilation.Generate(source);

        Assert.Null(run.Result.Results.Single().Exception);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(["App.Valid.Bounded.g.cs"], run.GeneratedSources.Select(generated => HintNames.Readable(generated.HintName)));
    }
}
