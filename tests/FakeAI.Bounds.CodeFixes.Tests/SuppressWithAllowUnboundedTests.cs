using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Tests.Infrastructure;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyFix = FakeAI.Bounds.CodeFixes.Tests.Infrastructure.Verify<FakeAI.Bounds.CodeFixes.SuppressWithAllowUnboundedCodeFixProvider>;

namespace FakeAI.Bounds.CodeFixes.Tests;

public sealed class SuppressWithAllowUnboundedTests
{
    [Fact]
    public async Task Field_of_a_tracker_gets_the_attribute_and_the_using()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private readonly List<string> {|BND001:_errors|} = new();

                public void Record(string error) => _errors.Add(error);
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed class ErrorTracker
            {
                [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
                private readonly List<string> _errors = new();

                public void Record(string error) => _errors.Add(error);
            }
            """);
    }
}
