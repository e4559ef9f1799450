using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;
using Xunit;
using VerifyBound = FakeAI.Bounds.CodeFixes.Tests.Infrastructure.Verify<FakeAI.Bounds.CodeFixes.BoundWithGeneratedTypeCodeFixProvider>;

namespace FakeAI.Bounds.CodeFixes.Tests;

public sealed class TitleAndOptionTests
{
    private const string RecentErrors = """
        using System.Collections.Generic;

        public sealed record ErrorRecord(string Message);

        public sealed class ErrorTracker
        {
            private readonly Queue<ErrorRecord> {|BND003:_recentErrors|} = new(500);
            private readonly List<string> {|BND001:_history|} = new();

            public void Record(ErrorRecord error)
            {
                _recentErrors.Enqueue(error);
                _history.Add(error.Message);
            }
        }
        """;

    [Theory]
    [InlineData(typeof(BoundWithGeneratedTypeCodeFixProvider), "Bound '_recentErrors' with a generated IBoundedQueue<ErrorRecord> (MaxLength = 500)")]
    [InlineData(typeof(TrimAfterAddCodeFixProvider), "Trim '_recentErrors' to the newest 500 after each add")]
    [InlineData(typeof(SuppressWithAllowUnboundedCodeFixProvider), "Suppress with [AllowUnbounded]")]
    public async Task Action_titles_say_what_the_fix_does(Type provider, string title)
    {
        string[] titles = await CodeActions.TitlesAsync((CodeFixProvider)Activator.CreateInstance(provider)!, RecentErrors, "_recentErrors");
        Assert.Equal([title], titles);
    }

    [Fact]
    public async Task Bound_of_a_concurrent_collection_says_it_is_thread_safe()
    {
        const string source = """
            using System.Collections.Concurrent;

            public sealed class EventQueueTracker
            {
                private readonly ConcurrentDictionary<string, int> {|BND001:_counts|} = new();

                public void Publish(string e) => _counts.AddOrUpdate(e, 1, static (_, n) => n + 1);
            }
            """;
        string[] titles = await CodeActions.TitlesAsync(new BoundWithGeneratedTypeCodeFixProvider(), source, "_counts");
        Assert.Equal(["Bound '_counts' with a generated IBoundedDictionary<string, int> (MaxLength = 1000, ThreadSafe = true)"], titles);
    }

    private const string DefaultBoundSource = """
        using System.Collections.Generic;

        public sealed class ErrorTracker
        {
            private readonly List<string> {|BND001:_errors|} = new();

            public void Record(string error) => _errors.Add(error);
        }
        """;

    private const string DefaultBoundFixed = """
        using System.Collections.Generic;
        using FakeAI.Bounds;

        public sealed partial class ErrorTracker
        {
            private readonly ErrorsQueue _errors = new();

            public void Record(string error) => _errors.Add(error);

            [Bounded(MaxLength = 250)]
            private sealed partial class ErrorsQueue : IBoundedQueue<string>;
        }
        """;

    [Fact]
    public async Task Bound_without_a_capacity_takes_the_default_from_editorconfig()
    {
        await VerifyBound.FixAsync(DefaultBoundSource, DefaultBoundFixed, VerifyBound.EditorConfig("fakeai_bounds.default_max_length = 250"));
    }

    [Fact]
    public async Task Bound_without_a_capacity_takes_the_default_from_the_MSBuild_property()
    {
        await VerifyBound.FixAsync(DefaultBoundSource, DefaultBoundFixed, VerifyBound.GlobalConfig("build_property.FakeAIBoundsDefaultMaxLength = 250"));
    }

    [Fact]
    public async Task Capacity_argument_wins_over_the_configured_default()
    {
        await VerifyBound.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private readonly List<string> {|BND003:_errors|} = new(64);

                public void Record(string error) => _errors.Add(error);
            }
            """,
            """
            using System.Collections.Generic;
            using FakeAI.Bounds;

            public sealed partial class ErrorTracker
            {
                private readonly ErrorsQueue _errors = new();

                public void Record(string error) => _errors.Add(error);

                [Bounded(MaxLength = 64)]
                private sealed partial class ErrorsQueue : IBoundedQueue<string>;
            }
            """,
            VerifyBound.EditorConfig("fakeai_bounds.default_max_length = 250"));
    }

    /// <summary>
    /// dotnet format applies every provider of a diagnostic ID in turn, in the order the types are defined in the
    /// assembly; the real fixes must come before the suppression, so that it suppresses only what they left. BND005 and
    /// BND008 have one fix each of their own, so their places among the others change nothing.
    /// </summary>
    [Fact]
    public void Providers_are_defined_best_fix_then_bound_then_trim_then_suppress()
    {
        Type[] providers =
        [
            .. typeof(BoundWithGeneratedTypeCodeFixProvider).Assembly.GetTypes()
                .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && type.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null),
        ];
        string[] ProvidersOf(string id) =>
            [.. providers.Where(type => ((CodeFixProvider)Activator.CreateInstance(type)!).FixableDiagnosticIds.Contains(id)).Select(type => type.Name)];

        Assert.Equal(
            [nameof(BestFixForEachMemberCodeFixProvider), nameof(BoundWithGeneratedTypeCodeFixProvider), nameof(TrimAfterAddCodeFixProvider), nameof(SuppressWithAllowUnboundedCodeFixProvider)],
            ProvidersOf("BND001"));
        Assert.Equal([nameof(ItemDroppedCallbackCodeFixProvider)], ProvidersOf("BND005"));
        Assert.Equal([nameof(AgeSweepCodeFixProvider)], ProvidersOf("BND008"));
        Assert.Equal(6, providers.Length);
    }

    [Theory]
    [InlineData("public sealed record Item(string Id, TaskCompletionSource<bool> Completion);", "Pass an itemDropped callback that fails 'Completion'")]
    [InlineData("public sealed class Item : TaskCompletionSource;", "Pass an itemDropped callback that fails the dropped item")]
    [InlineData("public sealed record Item(Action<Exception> OnFailed);", "Pass an itemDropped callback that calls 'OnFailed' with an error")]
    [InlineData("public sealed record Item(TaskCompletionSource Accepted, TaskCompletionSource<int> Completed, Action<Exception>? OnFailed);", "Pass an itemDropped callback that fails 'Accepted', fails 'Completed' and calls 'OnFailed' with an error")]
    public async Task ItemDropped_titles_say_what_the_callback_ends(string item, string title)
    {
        const string Call = "Channel.CreateBounded<Item>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest })";
        string source = $$"""
            using System;
            using System.Threading.Channels;
            using System.Threading.Tasks;

            {{item}}

            public static class Channels
            {
                public static Channel<Item> Create() => {{Call}};
            }
            """;

        string[] titles = await CodeActions.TitlesAsync(new ItemDroppedCallbackCodeFixProvider(), source, Call);
        Assert.Equal([title], titles);
    }
}
