using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd005ChannelDropsSilentlyTests
{
    private const string Usings = """
        using System;
        using System.Threading.Channels;
        namespace App;

        """;

    [Fact]
    public Task Options_created_in_the_call_with_a_drop_mode_and_no_callback_are_reported()
    {
        return Verify.VerifyAsync(
            Usings + """
            public static class Channels
            {
                public static Channel<int> Inline() =>
                    {|#0:Channel.CreateBounded<int>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })|};

                public static Channel<int> NullCallback() =>
                    {|#1:Channel.CreateBounded<int>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropNewest }, null)|};

                public static Channel<int> NamedNullCallback() =>
                    {|#2:Channel.CreateBounded<int>(itemDropped: null, options: new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite })|};

                public static Channel<int> DefaultCallback() =>
                    {|#3:Channel.CreateBounded<int>(new(10) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest }, (Action<int>?)default)|};

                public static Channel<int> Cast() =>
                    {|#4:Channel.CreateBounded<int>(new BoundedChannelOptions(10) { FullMode = (BoundedChannelFullMode)1 })|};
            }

            // Not only in trackers: anywhere in code.
            public sealed class RequestHandler
            {
                public Channel<string> Pending { get; } =
                    {|#5:Channel.CreateBounded<string>(new BoundedChannelOptions(5) { FullMode = BoundedChannelFullMode.DropOldest })|};
            }
            """,
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(0)
                .WithMessage("This channel drops items when it is full (BoundedChannelFullMode.DropOldest) and no itemDropped callback sees them; pass an itemDropped callback to Channel.CreateBounded that counts or logs what is dropped"),
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(1).WithArguments("DropNewest"),
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(2).WithArguments("DropWrite"),
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(3).WithArguments("DropOldest"),
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(4).WithArguments("DropNewest"),
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(5).WithArguments("DropOldest"));
    }

    [Fact]
    public Task Options_in_a_local_of_the_same_block_are_read_up_to_the_call()
    {
        return Verify.VerifyAsync(
            Usings + """
            public static class Channels
            {
                public static Channel<int> Initialized()
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };
                    return {|#0:Channel.CreateBounded<int>(options)|};
                }

                public static Channel<int> SetAfterwards()
                {
                    var options = new BoundedChannelOptions(10);
                    options.SingleWriter = true;
                    options.FullMode = BoundedChannelFullMode.DropNewest;
                    Console.WriteLine(options.Capacity);
                    return {|#1:Channel.CreateBounded<int>(options, null)|};
                }

                public static Channel<int> AssignedAfterDeclaration()
                {
                    BoundedChannelOptions options;
                    options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite };
                    return {|#2:Channel.CreateBounded<int>(options)|};
                }

                public static Channel<int> NestedCall(bool flag)
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.Wait };
                    options.FullMode = BoundedChannelFullMode.DropOldest;
                    if (flag)
                    {
                        Console.WriteLine(flag);
                        return {|#3:Channel.CreateBounded<int>(options)|};
                    }

                    return Channel.CreateBounded<int>(1);
                }

                public static Func<Channel<int>> InsideALambda() => () =>
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropNewest };
                    return {|#4:Channel.CreateBounded<int>(options)|};
                };
            }
            """,
            expectedGeneratedFiles: [],
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(0).WithArguments("DropOldest"),
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(1).WithArguments("DropNewest"),
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(2).WithArguments("DropWrite"),
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(3).WithArguments("DropOldest"),
            Verify.Diagnostic(DiagnosticDescriptors.ChannelDropsSilently).WithLocation(4).WithArguments("DropNewest"));
    }

    [Fact]
    public Task A_drop_mode_with_an_itemDropped_callback_is_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            public static class Channels
            {
                private static long s_dropped;

                public static long Dropped => s_dropped;

                public static Channel<int> Lambda() =>
                    Channel.CreateBounded<int>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest }, _ => s_dropped++);

                public static Channel<int> MethodGroup() =>
                    Channel.CreateBounded<int>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropNewest }, OnDropped);

                public static Channel<int> Named(Action<int> onDropped)
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropWrite };
                    return Channel.CreateBounded(options, itemDropped: onDropped);
                }

                private static void OnDropped(int item) => s_dropped++;
            }
            """);
    }

    [Fact]
    public Task Channels_that_wait_when_full_are_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            public static class Channels
            {
                public static Channel<int> Capacity() => Channel.CreateBounded<int>(10);

                public static Channel<int> DefaultMode() => Channel.CreateBounded<int>(new BoundedChannelOptions(10));

                public static Channel<int> ExplicitWait() =>
                    Channel.CreateBounded<int>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.Wait });

                public static Channel<int> SetBackToWait()
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };
                    options.FullMode = BoundedChannelFullMode.Wait;
                    return Channel.CreateBounded<int>(options);
                }

                public static Channel<int> ChangedAfterTheCall(out BoundedChannelOptions used)
                {
                    var options = new BoundedChannelOptions(10);
                    Channel<int> channel = Channel.CreateBounded<int>(options);
                    options.FullMode = BoundedChannelFullMode.DropOldest;
                    used = options;
                    return channel;
                }

                public static Channel<int> Unbounded() => Channel.CreateUnbounded<int>();
            }
            """);
    }

    [Fact]
    public Task Options_whose_full_mode_cannot_be_read_are_not_reported()
    {
        return Verify.VerifyCleanAsync(Usings + """
            public static class Channels
            {
                private static readonly BoundedChannelOptions SharedOptions = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };

                public static Channel<int> FromField() => Channel.CreateBounded<int>(SharedOptions);

                public static Channel<int> FromParameter(BoundedChannelOptions options) => Channel.CreateBounded<int>(options);

                public static Channel<int> ModeFromParameter(BoundedChannelFullMode mode) =>
                    Channel.CreateBounded<int>(new BoundedChannelOptions(10) { FullMode = mode });

                public static Channel<int> FromMethod()
                {
                    var options = Create();
                    return Channel.CreateBounded<int>(options);
                }

                public static Channel<int> SetConditionally(bool wait)
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };
                    if (wait)
                    {
                        options.FullMode = BoundedChannelFullMode.Wait;
                    }

                    return Channel.CreateBounded<int>(options);
                }

                public static Channel<int> PassedByReference()
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };
                    Configure(ref options);
                    return Channel.CreateBounded<int>(options);
                }

                public static Channel<int> ReplacedByDeconstruction()
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };
                    int count;
                    (options, count) = (Create(), 1);
                    Console.WriteLine(count);
                    return Channel.CreateBounded<int>(options);
                }

                public static Func<Channel<int>> CapturedByALambda()
                {
                    var options = new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };
                    Func<Channel<int>> create = () => Channel.CreateBounded<int>(options);
                    options = Create();
                    return create;
                }

                private static BoundedChannelOptions Create() => new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest };

                private static void Configure(ref BoundedChannelOptions options) => options = new BoundedChannelOptions(1);
            }
            """);
    }

    public static TheoryData<string> HalfWrittenSources { get; } = new()
    {
        "public static class C { public static object M() => Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = }); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode. }); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }, ); }",
        "public static class C { public static object M() => Channel.CreateBounded(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public static class C { public static object M() => Channel.CreateBounded<>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(new BoundedChannelOptions( { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = 2 }); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(new Missing(1) { FullMode = BoundedChannelFullMode.DropOldest }); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }, 42); }",
        "public static class C { public static object M() => Channel.CreateBounded<int>(",
        "public static class C { public static object M() { var o = new BoundedChannelOptions(; return Channel.CreateBounded<int>(o); } }",
        "public static class C { public static object M() { var o = ; return Channel.CreateBounded<int>(o); } }",
        "public static class C { public static object M() { o.FullMode = BoundedChannelFullMode.DropOldest; var o = new BoundedChannelOptions(1); return Channel.CreateBounded<int>(o); } }",
        "public static class C { public static object M() { var o = new BoundedChannelOptions(1); o.FullMode = ; return Channel.CreateBounded<int>(o); } }",
        "public static class C { public static object M() { var o = new BoundedChannelOptions(1), p = o; o. = BoundedChannelFullMode.DropOldest; return Channel.CreateBounded<int>(o); } }",
        "public static class C { public static object M() { return Channel.CreateBounded<int>(o); var o = new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest }; } }",
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
}
