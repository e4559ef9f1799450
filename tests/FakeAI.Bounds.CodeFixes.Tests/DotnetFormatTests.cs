using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace FakeAI.Bounds.CodeFixes.Tests;

/// <summary>
/// What <c>dotnet format analyzers --diagnostics BND001 BND002 BND003</c> leaves: no warning, and code that builds. It
/// fixes one ID after the other (BND002's map is bounded before BND003's list, so its type comes first). And what
/// <c>--diagnostics BND005</c> leaves: an itemDropped callback wherever the fix is offered, and the rest still reported.
/// </summary>
public sealed class DotnetFormatTests
{
    private const string Trackers = """
        using System.Collections.Generic;

        namespace App;

        public sealed class ErrorTracker
        {
            private readonly List<string> _recent = new(500);
            private readonly List<string> _sorted = new();
            private readonly Dictionary<string, int> _counts = new();
            private readonly Dictionary<string, int> _firstSeen = new();

            public void Record(string endpoint, string error)
            {
                _recent.Add(error);
                _sorted.Add(error);
                _sorted.Sort();
                _counts[endpoint] = _counts.TryGetValue(endpoint, out int count) ? count + 1 : 1;
                _firstSeen.Add(endpoint + error, count);
            }

            public void Reset() => _counts.Clear();
        }
        """;

    private const string Fixed = """
        using System.Collections.Generic;
        using FakeAI.Bounds;

        namespace App;

        public sealed partial class ErrorTracker
        {
            private readonly RecentQueue _recent = new();
            private const int MaxSorted = 1000;
            private readonly List<string> _sorted = new();
            private readonly CountsMap _counts = new();
            [AllowUnbounded("TODO: explain why this collection cannot grow without limit")]
            private readonly Dictionary<string, int> _firstSeen = new();

            public void Record(string endpoint, string error)
            {
                _recent.Add(error);
                _sorted.Add(error);
                if (_sorted.Count > MaxSorted)
                {
                    _sorted.RemoveRange(0, _sorted.Count - MaxSorted);
                }
                _sorted.Sort();
                _counts[endpoint] = _counts.TryGetValue(endpoint, out int count) ? count + 1 : 1;
                _firstSeen.Add(endpoint + error, count);
            }

            public void Reset() => _counts.Clear();

            [Bounded(MaxLength = 1000)]
            private sealed partial class CountsMap : IBoundedDictionary<string, int>;

            [Bounded(MaxLength = 500)]
            private sealed partial class RecentQueue : IBoundedQueue<string>;
        }
        """;

    [Fact]
    public async Task Every_member_gets_the_best_fix_it_is_offered_and_nothing_is_left()
    {
        using var workspace = new AdhocWorkspace();
        Document document = CodeActions.CreateDocument(workspace, Trackers);
        Solution solution = await FormatSimulation.RunAsync(document.Project.Solution, "BND001", "BND002", "BND003");

        Document fixedDocument = solution.GetDocument(document.Id)!;
        Assert.Equal(Fixed.ReplaceLineEndings(), (await fixedDocument.GetTextAsync()).ToString().ReplaceLineEndings());

        Compilation compilation = (await fixedDocument.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        ImmutableArray<Diagnostic> left = await compilation.WithAnalyzers(ProductAnalyzers.CreateAll(), fixedDocument.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(left.Where(d => d.Id.StartsWith("BND", System.StringComparison.Ordinal)));
    }

    private const string Channels = """
        using System;
        using System.Threading.Channels;
        using System.Threading.Tasks;

        namespace App;

        public sealed record Request(string Id, TaskCompletionSource<bool> Done);

        public sealed record WorkItem(string Name, Func<Task> Run);

        public static class Queues
        {
            public static Channel<Request> Requests() =>
                Channel.CreateBounded<Request>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest });

            public static Channel<WorkItem> Work() =>
                Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest });
        }
        """;

    [Fact]
    public async Task BND005_gets_an_itemDropped_callback_where_one_is_offered_and_the_rest_stays_reported()
    {
        using var workspace = new AdhocWorkspace();
        Document document = CodeActions.CreateDocument(workspace, Channels);
        Solution solution = await FormatSimulation.RunAsync(document.Project.Solution, "BND005");

        Document fixedDocument = solution.GetDocument(document.Id)!;
        string text = (await fixedDocument.GetTextAsync()).ToString();
        Assert.Contains("new BoundedChannelOptions(10) { FullMode = BoundedChannelFullMode.DropOldest }, dropped => dropped.Done.TrySetException(new InvalidOperationException(", text, System.StringComparison.Ordinal);

        Compilation compilation = (await fixedDocument.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        ImmutableArray<Diagnostic> left = await compilation.WithAnalyzers(ProductAnalyzers.CreateAll(), fixedDocument.Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        Diagnostic work = Assert.Single(left, d => d.Id.StartsWith("BND", System.StringComparison.Ordinal));
        Assert.Equal("BND005", work.Id);
        Assert.Contains("'WorkItem' carries 'Run'", work.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}
