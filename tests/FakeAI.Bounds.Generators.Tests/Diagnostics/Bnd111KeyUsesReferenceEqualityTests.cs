using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd111KeyUsesReferenceEqualityTests
{
    private const string Declarations = """
        using System.Collections.Generic;
        using FakeAI.Bounds;
        namespace App;
        public sealed class Endpoint { public string Path { get; set; } = ""; }
        public class WithEquals { public override bool Equals(object? obj) => obj is WithEquals; public override int GetHashCode() => 1; }
        public sealed class DerivedFromEquals : WithEquals { }
        public sealed class Equatable : System.IEquatable<Equatable> { public bool Equals(Equatable? other) => other is not null; public override bool Equals(object? obj) => Equals(obj as Equatable); public override int GetHashCode() => 1; }
        public sealed record RecordKey(string Path);
        public interface IKey { }
        [Bounded(MaxLength = 10)] public sealed partial class ByEndpoint : IBoundedDictionary<Endpoint, long>;
        [Bounded(MaxLength = 10)] public sealed partial class EndpointSet : IBoundedSet<Endpoint>;
        [Bounded(MaxLength = 10)] public sealed partial class ByWithEquals : IBoundedDictionary<WithEquals, long>;
        [Bounded(MaxLength = 10)] public sealed partial class ByDerived : IBoundedDictionary<DerivedFromEquals, long>;
        [Bounded(MaxLength = 10)] public sealed partial class ByEquatable : IBoundedSet<Equatable>;
        [Bounded(MaxLength = 10)] public sealed partial class ByRecord : IBoundedDictionary<RecordKey, long>;
        [Bounded(MaxLength = 10)] public sealed partial class ByString : IBoundedDictionary<string, long>;
        [Bounded(MaxLength = 10)] public sealed partial class ByInterface : IBoundedDictionary<IKey, long>;
        [Bounded(MaxLength = 10)] public sealed partial class ByInt : IBoundedSet<int>;
        [Bounded(MaxLength = 10)] public sealed partial class Generic<TKey> : IBoundedSet<TKey> where TKey : notnull;
        [Bounded(MaxLength = 10)] public sealed partial class EndpointQueue : IBoundedQueue<Endpoint>;
        """;

    [Fact]
    public Task A_map_or_set_of_reference_equality_keys_created_without_a_comparer_is_reported()
    {
        return Verify.VerifyAsync(
            Declarations + """
            public static class Use
            {
                public static object[] Create() =>
                [
                    {|#0:new ByEndpoint()|},
                    {|#1:new EndpointSet(5)|},
                    {|#2:new Generic<Endpoint>()|},
                ];
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.KeyUsesReferenceEquality).WithLocation(0).WithArguments("ByEndpoint", "key", "Endpoint"),
            Verify.Diagnostic(DiagnosticDescriptors.KeyUsesReferenceEquality).WithLocation(1).WithArguments("EndpointSet", "value", "Endpoint"),
            Verify.Diagnostic(DiagnosticDescriptors.KeyUsesReferenceEquality).WithLocation(2).WithArguments("Generic", "value", "Endpoint"));
    }

    [Fact]
    public Task Keys_with_value_equality_a_comparer_argument_and_queues_are_not_reported()
    {
        return Verify.VerifyAsync(
            Declarations + """
            public static class Use
            {
                public static object[] Create() =>
                [
                    new ByEndpoint(ReferenceEqualityComparer.Instance),
                    new EndpointSet(5, EqualityComparer<Endpoint>.Default),
                    new ByWithEquals(),
                    new ByDerived(),
                    new ByEquatable(),
                    new ByRecord(),
                    new ByString(),
                    new ByInterface(),
                    new ByInt(),
                    new Generic<RecordKey>(),
                    new EndpointQueue(),
                ];
            }
            """,
            expectedGeneratedFiles: null);
    }
}
