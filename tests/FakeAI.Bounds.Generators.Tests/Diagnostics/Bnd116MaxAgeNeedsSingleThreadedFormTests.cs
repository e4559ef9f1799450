using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd116MaxAgeNeedsSingleThreadedFormTests
{
    [Theory]
    [InlineData("MaxAgeSeconds = 30", "MaxAgeSeconds")]
    [InlineData("MaxAgeMilliseconds = 500, Overflow = OverflowPolicy.DropNewest", "MaxAgeMilliseconds")]
    public Task An_age_on_a_thread_safe_queue_is_reported_on_the_attribute(string age, string written)
    {
        return Verify.VerifyAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = 10, {{age}}, ThreadSafe = true)|}]
            public sealed partial class Shared : IBoundedQueue<int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxAgeNeedsSingleThreadedForm).WithLocation(0)
                .WithMessage("[Bounded] on 'Shared' sets " + written + " with ThreadSafe = true on a queue; a queue's maximum age is kept by its single-threaded form, so remove ThreadSafe = true and guard the queue with a lock its owner holds, hold the entries in a thread-safe dictionary or set (which take a maximum age), or remove the maximum age (nothing is generated for 'Shared' until then)"));
    }

    [Theory]
    [InlineData("IBoundedDictionary<string, int>", "MaxAgeMilliseconds = 500")]
    [InlineData("IBoundedSet<string>", "MaxAgeSeconds = 1, Overflow = OverflowPolicy.EvictLeastRecentlyUsed")]
    public Task An_age_on_a_thread_safe_dictionary_or_set_is_valid(string kind, string age)
    {
        return Verify.VerifyAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10, {{age}}, ThreadSafe = true)]
            public sealed partial class Shared : {{kind}};
            """,
            ["App.Shared.Bounded.g.cs"]);
    }

    [Fact]
    public Task A_bad_age_on_a_thread_safe_form_is_reported_once_as_a_bad_age()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = 10, MaxAgeSeconds = 0, ThreadSafe = true)|}]
            public sealed partial class Shared : IBoundedQueue<int>;
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxAgeInvalid).WithLocation(0).WithArguments("Shared", "has MaxAgeSeconds = 0, which would expire every entry as it is written"));
    }
}
