using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd116MaxAgeNeedsSingleThreadedFormTests
{
    [Theory]
    [InlineData("IBoundedQueue<int>", "MaxAgeSeconds = 30", "MaxAgeSeconds")]
    [InlineData("IBoundedDictionary<string, int>", "MaxAgeMilliseconds = 500", "MaxAgeMilliseconds")]
    [InlineData("IBoundedSet<string>", "MaxAgeSeconds = 1, Overflow = OverflowPolicy.EvictLeastRecentlyUsed", "MaxAgeSeconds")]
    public Task An_age_on_a_thread_safe_form_is_reported_on_the_attribute(string kind, string age, string written)
    {
        return Verify.VerifyAsync(
            $$"""
            using FakeAI.Bounds;
            namespace App;
            [{|#0:Bounded(MaxLength = 10, {{age}}, ThreadSafe = true)|}]
            public sealed partial class Shared : {{kind}};
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MaxAgeNeedsSingleThreadedForm).WithLocation(0)
                .WithMessage("[Bounded] on 'Shared' sets " + written + " with ThreadSafe = true; a maximum age is kept by the single-threaded form, so remove ThreadSafe = true and guard the collection with a lock its owner holds, or remove the maximum age (nothing is generated for 'Shared' until then)"));
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
