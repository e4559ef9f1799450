using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests;

public class SmokeTests
{
    [Fact]
    public void A_valid_queue_declaration_generates_one_file_that_compiles_cleanly()
    {
        GeneratorRun run = TestCompilation.Generate("""
            using FakeAI.Bounds;
            namespace App;
            public sealed record ErrorRecord(string Code);
            [Bounded(MaxLength = 500)]
            public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord>;
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Single(run.GeneratedSources);
        Assert.Empty(TestCompilation.WarningsAndErrors(run.Output));
    }
}
