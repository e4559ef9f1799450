using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd118WeigherInvalidTests
{
    private const string MapWeigher = "private static partial int Weigh(string key, byte[] value)";

    private static string Declaration(string members) => $$"""
        using FakeAI.Bounds;
        namespace App;
        [Bounded(MaxLength = 10, MaxWeight = 1000)]
        public sealed partial class {|#1:Cache|} : IBoundedDictionary<string, byte[]>
        {
        {{members}}
        }
        """;

    [Fact]
    public Task A_missing_weigher_is_reported_on_the_type()
    {
        return Verify.VerifyAsync(
            Declaration(""),
            Verify.Diagnostic(DiagnosticDescriptors.WeigherInvalid).WithLocation(1)
                .WithMessage("'Cache' sets MaxWeight but its weigher is missing; declare it as 'private static partial int Weigh(string key, byte[] value)' (nothing is generated for 'Cache' until then)"));
    }

    [Theory]
    [InlineData("private int {|#0:Weigh|}(string key, byte[] value) => value.Length;", "is an instance method: a weight belongs to the entry, so the weigher is static and cannot see the collection")]
    [InlineData("private static long {|#0:Weigh|}(string key, byte[] value) => value.Length;", "returns 'long' instead of int")]
    [InlineData("private static int {|#0:Weigh|}(byte[] value) => value.Length;", "takes 1 parameter instead of 2")]
    [InlineData("private static int {|#0:Weigh|}(string key, object value) => 1;", "has the parameter 'object value', whose type is not the value type 'byte[]'")]
    [InlineData("private static int {|#0:Weigh|}(string key, ref byte[] value) => 1;", "takes its parameter 'value' by ref; the value is passed by value")]
    [InlineData("private static int {|#0:Weigh|}<T>(string key, byte[] value) => 1;", "has type parameters")]
    [InlineData("private static async System.Threading.Tasks.Task<int> {|#0:Weigh|}(string key, byte[] value) { await System.Threading.Tasks.Task.Yield(); return 1; }", "returns 'Task<int>' instead of int")]
    [InlineData("private static int {|#0:Weigh|} => 1;", "is not a method")]
    public Task A_weigher_of_another_shape_is_reported_on_it(string weigher, string problem)
    {
        return Verify.VerifyAsync(
            Declaration(weigher),
            Verify.Diagnostic(DiagnosticDescriptors.WeigherInvalid).WithLocation(0).WithArguments("Cache", problem, MapWeigher));
    }

    [Fact]
    public Task A_weigher_declared_twice_is_reported()
    {
        return Verify.VerifyAsync(
            Declaration("""
                private static int {|#0:Weigh|}(string key, byte[] value) => value.Length;
                private static int Weigh(string key, string value) => value.Length;
                """),
            Verify.Diagnostic(DiagnosticDescriptors.WeigherInvalid).WithLocation(0).WithArguments("Cache", "is declared 2 times", MapWeigher));
    }

    [Fact]
    public Task A_set_weigher_takes_the_item()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10, MaxWeight = 1000)]
            public sealed partial class Names : IBoundedSet<string?>
            {
                private static int {|#0:Weigh|}(string item) => item.Length;
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.WeigherInvalid).WithLocation(0)
                .WithArguments("Names", "has the parameter 'string item', which does not accept null, which the item type 'string?' allows", "private static partial int Weigh(string? item)"));
    }

    [Fact]
    public Task A_Weigh_method_of_a_type_without_MaxWeight_is_the_user_s_own()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Names : IBoundedSet<string>
            {
                public static long Weigh(object anything) => 0;
            }
            """,
            ["App.Names.Bounded.g.cs"]);
    }
}
