using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd007SuppressionWithoutJustificationTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using FakeAI.Bounds;
        namespace App;

        """;

    [Fact]
    public Task Empty_whitespace_and_null_justifications_are_reported_on_the_attribute()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class ModelTracker
            {
                private const string Nothing = "";
                private const string Blank = " " + "\t";

                [{|#0:AllowUnbounded("")|}]
                public readonly List<string> Empty = new List<string>();

                [{|#1:AllowUnbounded("   ")|}]
                public List<string> Whitespace { get; } = new List<string>();

                [{|#2:AllowUnbounded(null)|}]
                public static List<string> Null = new List<string>();

                [{|#3:AllowUnbounded(Nothing)|}]
                public List<string>? EmptyConstant;

                [Obsolete("kept for old callers"), {|#4:AllowUnbounded(justification: Blank + "\n")|}]
                public List<string>? WhitespaceConstant { get; set; }

                [{|#5:FakeAI.Bounds.AllowUnboundedAttribute(default(string)!)|}]
                public List<string>? Qualified;
            }
            """,
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.SuppressionWithoutJustification).WithLocation(0)
                .WithMessage("[AllowUnbounded] on 'Empty' gives no reason; say why it cannot grow without limit, such as [AllowUnbounded(\"one entry per configured model\")]"),
            Verify.Diagnostic(DiagnosticDescriptors.SuppressionWithoutJustification).WithLocation(1).WithArguments("Whitespace"),
            Verify.Diagnostic(DiagnosticDescriptors.SuppressionWithoutJustification).WithLocation(2).WithArguments("Null"),
            Verify.Diagnostic(DiagnosticDescriptors.SuppressionWithoutJustification).WithLocation(3).WithArguments("EmptyConstant"),
            Verify.Diagnostic(DiagnosticDescriptors.SuppressionWithoutJustification).WithLocation(4).WithArguments("WhitespaceConstant"),
            Verify.Diagnostic(DiagnosticDescriptors.SuppressionWithoutJustification).WithLocation(5).WithArguments("Qualified"));
    }

    [Fact]
    public Task Attribute_shared_by_the_fields_of_a_declaration_is_reported_once_naming_them_all()
    {
        // One attribute, one warning: a warning per variable would put two at the same place for one fix.
        return Verify.VerifyAsync(
            Usings + """
            public sealed class ModelTracker
            {
                [{|#0:AllowUnbounded("")|}]
                public List<string>? First, Second;

                [{|#1:AllowUnbounded(" ")|}]
                private readonly List<int> _a = new(), _b = new(), _c = new();
            }
            """,
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.SuppressionWithoutJustification).WithLocation(0).WithArguments("First, Second"),
            Verify.Diagnostic(DiagnosticDescriptors.SuppressionWithoutJustification).WithLocation(1).WithArguments("_a, _b, _c"));
    }

    [Fact]
    public Task An_empty_justification_still_suppresses_the_unbounded_queue_rule()
    {
        // The member is not reported twice: BND007 asks for the reason, BND004 stays quiet.
        return Verify.VerifyAsync(
            Usings + """
            public sealed class EventQueueTracker
            {
                [{|#0:AllowUnbounded(" ")|}]
                public readonly System.Threading.Channels.Channel<int> Events = System.Threading.Channels.Channel.CreateUnbounded<int>();
            }
            """,
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.SuppressionWithoutJustification).WithLocation(0).WithArguments("Events"));
    }

    [Fact]
    public Task A_justification_is_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            public sealed class ModelTracker
            {
                private const string Reason = "one entry per configured model";

                [AllowUnbounded("one entry per configured model")]
                public readonly List<string> Models = new List<string>();

                [AllowUnbounded(Reason)]
                public static List<string> Shared { get; } = new List<string>();

                [AllowUnbounded(justification: "  cleared " + "at the end of each batch  ")]
                public List<string>? Batch;

                [Obsolete("")]
                public List<string>? OtherAttribute;
            }
            """);
    }

    public static TheoryData<string> HalfWrittenSources { get; } = new()
    {
        "public sealed class R { [AllowUnbounded(] public int X; }",
        "public sealed class R { [AllowUnbounded] public int X; }",
        "public sealed class R { [AllowUnbounded()] public int X; }",
        "public sealed class R { [AllowUnbounded(\"a\", \"b\")] public int X; }",
        "public sealed class R { [AllowUnbounded(42)] public int X; }",
        "public sealed class R { [AllowUnbounded(Reason)] public int X; }",
        "public sealed class R { private static readonly string Reason = \"\"; [AllowUnbounded(Reason)] public int X; }",
        "public sealed class R { [AllowUnbounded(string.Empty)] public int X; }",
        "public sealed class R { [AllowUnbounded(\"\")] public int }",
        "public sealed class R { [AllowUnbounded(\"\")] }",
        "[AllowUnbounded(\"\")] public sealed class R { }",
        "public sealed class R { [AllowUnbounded(\"\")] public void M() { } }",
        "public sealed class R { [AllowUnbounded(\"\"), AllowUnbounded(\"\")] public int X; }",
    };

    [Theory]
    [MemberData(nameof(HalfWrittenSources))]
    public async Task Nothing_throws_on_half_written_code(string code)
    {
        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(Usings + code);

        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.AnalyzerFailures);
    }

    [Theory]
    [InlineData("[AllowUnbounded(Reason)] public int X;", "private static readonly string Reason = \"\";")]
    [InlineData("[AllowUnbounded(string.Empty)] public int X;", "")]
    [InlineData("[AllowUnbounded(42)] public int X;", "")]
    public async Task An_argument_that_is_not_a_constant_string_is_left_to_the_compiler(string member, string other)
    {
        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(Usings + "public sealed class R { " + other + " " + member + " }");

        Assert.Contains(result.Diagnostics, d => d.Id is "CS0182" or "CS1503");
        Assert.Empty(result.BoundsDiagnostics);
        Assert.Empty(result.AnalyzerExceptions);
    }

    [Fact]
    public Task A_record_parameter_with_a_property_target_and_an_alias_are_reported_too()
    {
        return Verify.VerifyAsync(
            "using System.Collections.Generic;\nusing Unbounded = FakeAI.Bounds.AllowUnboundedAttribute;\nnamespace App;\n" + """
            public sealed record Snapshot([property: {|#0:Unbounded("")|}] List<int> Items);
            public sealed class Holder
            {
                [{|#1:Unbounded(" ")|}] public List<int> Items { get; } = new();
                [Unbounded("grows with the configured endpoints only")] public List<int> Configured { get; } = new();
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.SuppressionWithoutJustification).WithLocation(0).WithArguments("Items"),
            Verify.Diagnostic(DiagnosticDescriptors.SuppressionWithoutJustification).WithLocation(1).WithArguments("Items"));
    }
}
