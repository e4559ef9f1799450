using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd003CapacityIsNotABoundTests
{
    private const string Usings = """
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        namespace App;

        """;

    private const string Advice = "; bound it with a [Bounded] type, trim it after each add, or mark it [AllowUnbounded(\"reason\")]";

    [Theory]
    [InlineData("List<int>", "new List<int>(1000)", "_c.Add(i)", "1000", "List<T>")]
    [InlineData("List<int>", "new(500)", "_c.Add(i)", "500", "List<T>")]
    [InlineData("Queue<int>", "new Queue<int>(500)", "_c.Enqueue(i)", "500", "Queue<T>")]
    [InlineData("Stack<int>", "new Stack<int>(capacity: 64)", "_c.Push(i)", "64", "Stack<T>")]
    [InlineData("HashSet<int>", "new HashSet<int>(256)", "_c.Add(i)", "256", "HashSet<T>")]
    [InlineData("Dictionary<int, int>", "new Dictionary<int, int>(100)", "_c[i] = i", "100", "Dictionary<TKey, TValue>")]
    [InlineData("ConcurrentDictionary<int, int>", "new ConcurrentDictionary<int, int>(4, 100)", "_c[i] = i", "100", "ConcurrentDictionary<TKey, TValue>")]
    [InlineData("IList<int>", "new List<int>(1000)", "_c.Add(i)", "1000", "List<T>")]
    public Task A_capacity_argument_is_named_as_not_a_bound(string type, string creation, string add, string capacity, string created)
    {
        return Verify.VerifyAsync(
            Usings + $$"""
            public sealed class BatchTracker
            {
                private readonly {{type}} {|#0:_c|} = {{creation}};
                public void Add(int i) { {{add}}; }
            }
            """,
            expectedGeneratedFiles: null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticDescriptors.CapacityIsNotABound).WithLocation(0)
                .WithMessage($"'_c' in 'BatchTracker' is created with capacity {capacity}, but the constructor's argument only pre-sizes a {created}: 'Add' (line 7) adds to it and nothing removes from it, and it grows past {capacity}; 'BatchTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares" + Advice));
    }

    [Fact]
    public Task A_capacity_given_in_the_constructor_is_found_too()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class BatchTracker
            {
                private readonly List<double> {|#0:_latencies|};
                public BatchTracker() => _latencies = new List<double>(2048);
                public void Record(double ms) => _latencies.Add(ms);
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.CapacityIsNotABound).WithLocation(0)
                .WithArguments("_latencies", "BatchTracker", "2048", "List<T>", "'Record' (line 8) adds to it and nothing removes from it", "'BatchTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task A_presized_collection_that_is_trimmed_is_not_reported()
    {
        return Verify.VerifyCleanAsync(
            Usings + """
            public sealed class BatchTracker
            {
                private readonly Queue<double> _latencies = new(1000);
                public void Record(double ms)
                {
                    _latencies.Enqueue(ms);
                    if (_latencies.Count > 1000)
                    {
                        _latencies.Dequeue();
                    }
                }
            }
            """);
    }

    [Fact]
    public Task A_presized_collection_cleaned_only_by_hand_and_a_capacity_from_a_parameter_are_reported()
    {
        // The project declares its trackers' suffix, so removing entries by key is no bound for them.
        return Verify.VerifyAsync(
            Usings + """
            public sealed class BatchTracker
            {
                private readonly List<double> {|#0:_latencies|} = new(1000);
                private readonly Dictionary<string, int> {|#1:_active|};
                public BatchTracker(int maxActive) => _active = new Dictionary<string, int>(maxActive);
                public void Record(double ms) => _latencies.Add(ms);
                public void Start(string id) => _active[id] = 0;
                public void Complete(string id) => _active.Remove(id);
                public void Reset() => _latencies.Clear();
            }
            """,
            "root = true\n[*]\nfakeai_bounds.tracker_suffixes = Tracker\n",
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.CapacityIsNotABound).WithLocation(0)
                .WithArguments("_latencies", "BatchTracker", "1000", "List<T>", "'Record' (line 9) adds to it and only 'Reset' (line 12) trims or clears it, which nothing on the add path calls", "'BatchTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"),
            Verify.Diagnostic(DiagnosticDescriptors.CapacityIsNotABound).WithLocation(1)
                .WithArguments("_active", "BatchTracker", "maxActive", "Dictionary<TKey, TValue>", "'Start' (line 10) adds to it and its removals ('Complete' (line 11)) take out single entries, not under a size check", "'BatchTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }
}
