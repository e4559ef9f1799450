using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd115MaxAgeInvalidTests
{
    private const string Advice = "; set one of MaxAgeMilliseconds or MaxAgeSeconds to a positive constant, such as [Bounded(MaxLength = 1000, MaxAgeSeconds = 30)] (nothing is generated for 'Recent' until then)";

    [Theory]
    [InlineData("MaxAgeMilliseconds = 0", "has MaxAgeMilliseconds = 0, which would expire every entry as it is written")]
    [InlineData("MaxAgeMilliseconds = -250", "has MaxAgeMilliseconds = -250, which would expire every entry as it is written")]
    [InlineData("MaxAgeSeconds = 0", "has MaxAgeSeconds = 0, which would expire every entry as it is written")]
    [InlineData("MaxAgeSeconds = -1", "has MaxAgeSeconds = -1, which would expire every entry as it is written")]
    [InlineData("MaxAgeSeconds = 30, MaxAgeMilliseconds = 30_000", "sets both MaxAgeMilliseconds = 30000 and MaxAgeSeconds = 30, which contradict each other")]
    public Task A_bad_age_is_reported_on_the_attribute(string age, string problem)
    {
        return Verify.VerifyAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = 10, {{age}})|}]
            public sealed partial class Recent : IBoundedQueue<int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxAgeInvalid).WithLocation(0).WithMessage("[Bounded] on 'Recent' " + problem + Advice));
    }

    [Fact]
    public Task An_age_that_is_not_a_constant_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            public static class Ages { public static int Window = 5; }
            [{|#0:Bounded(MaxLength = 10, MaxAgeSeconds = Ages.Window)|}]
            public sealed partial class Recent : IBoundedDictionary<string, int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxAgeInvalid).WithLocation(0).WithArguments("Recent", "has a MaxAgeSeconds that is not a constant int"));
    }

    [Theory]
    [InlineData("MaxAgeMilliseconds = 1")]
    [InlineData("MaxAgeSeconds = 2147483647")]
    [InlineData("MaxAgeMilliseconds = 2147483647, Overflow = OverflowPolicy.EvictLeastRecentlyUsed")]
    public Task A_positive_age_is_valid_on_every_single_threaded_kind(string age)
    {
        return Verify.VerifyAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10, {{age}})]
            public sealed partial class Sessions : IBoundedDictionary<string, int>;
            [Bounded(MaxLength = 10, {{age}})]
            public sealed partial class Users : IBoundedSet<string>;
            """,
            ["App.Sessions.Bounded.g.cs", "App.Users.Bounded.g.cs"]);
    }

    [Fact]
    public Task The_expiry_members_are_reserved_only_on_a_type_with_a_maximum_age()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10, MaxAgeSeconds = 5)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                public int {|#0:RemoveExpired|}() => 0;
            }
            [Bounded(MaxLength = 10, MaxAgeSeconds = 5)]
            public sealed partial class Sessions : IBoundedDictionary<string, int>
            {
                public {|#1:Sessions|}(int size, System.Collections.Generic.IEqualityComparer<string>? keys, System.TimeProvider clock) : this(size, keys) { }
            }
            [Bounded(MaxLength = 10)]
            public sealed partial class Plain : IBoundedQueue<int>
            {
                public Plain(System.TimeProvider clock) : this() { }
                public int RemoveExpired() => 0;
                public long Expired => 0;
            }
            """,
            ["App.Plain.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0).WithArguments("Recent", "RemoveExpired", "IBoundedQueue<T>"),
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(1).WithArguments("Sessions", "the constructor Sessions(int, IEqualityComparer<string>?, TimeProvider)", "IBoundedDictionary<TKey, TValue>"));
    }
}
