using System.Threading.Tasks;
using Xunit;
using VerifyFix = FakeAI.Bounds.CodeFixes.Tests.Infrastructure.Verify<FakeAI.Bounds.CodeFixes.TrimAfterAddCodeFixProvider>;

namespace FakeAI.Bounds.CodeFixes.Tests;

public sealed class TrimAfterAddTests
{
    [Fact]
    public async Task Queue_is_trimmed_with_Dequeue_after_each_Enqueue()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private readonly Queue<string> {|BND001:_history|} = new();

                public void Record(string error)
                {
                    _history.Enqueue(error);
                }

                public void RecordTwice(string error)
                {
                    this._history.Enqueue(error);
                    this._history.Enqueue(error);
                }
            }
            """,
            """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private const int MaxHistory = 1000;
                private readonly Queue<string> _history = new();

                public void Record(string error)
                {
                    _history.Enqueue(error);
                    while (_history.Count > MaxHistory)
                    {
                        _history.Dequeue();
                    }
                }

                public void RecordTwice(string error)
                {
                    this._history.Enqueue(error);
                    while (this._history.Count > MaxHistory)
                    {
                        this._history.Dequeue();
                    }
                    this._history.Enqueue(error);
                    while (this._history.Count > MaxHistory)
                    {
                        this._history.Dequeue();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task ConcurrentQueue_is_trimmed_with_TryDequeue()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Concurrent;

            public sealed class EventQueueTracker
            {
                private readonly ConcurrentQueue<int> {|BND001:_events|} = new();

                public void Publish(int e)
                {
                    _events.Enqueue(e);
                }
            }
            """,
            """
            using System.Collections.Concurrent;

            public sealed class EventQueueTracker
            {
                private const int MaxEvents = 1000;
                private readonly ConcurrentQueue<int> _events = new();

                public void Publish(int e)
                {
                    _events.Enqueue(e);
                    while (_events.Count > MaxEvents)
                    {
                        _events.TryDequeue(out _);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task List_is_trimmed_with_one_RemoveRange_after_Add_and_AddRange()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class CostTracker
            {
                /// <summary>Every cost, oldest first.</summary>
                private readonly List<decimal> {|BND001:_costs|} = new();

                public void Record(decimal cost) { _costs.Add(cost); }

                public void RecordAll(IEnumerable<decimal> costs)
                {
                    lock (_costs)
                    {
                        _costs.AddRange(costs);
                    }
                }
            }
            """,
            """
            using System.Collections.Generic;

            public sealed class CostTracker
            {
                private const int MaxCosts = 1000;
                /// <summary>Every cost, oldest first.</summary>
                private readonly List<decimal> _costs = new();

                public void Record(decimal cost)
                {
                    _costs.Add(cost);
                    if (_costs.Count > MaxCosts)
                    {
                        _costs.RemoveRange(0, _costs.Count - MaxCosts);
                    }
                }

                public void RecordAll(IEnumerable<decimal> costs)
                {
                    lock (_costs)
                    {
                        _costs.AddRange(costs);
                        if (_costs.Count > MaxCosts)
                        {
                            _costs.RemoveRange(0, _costs.Count - MaxCosts);
                        }
                    }
                }
            }
            """);
    }
}

public sealed class TrimAfterAddMoreTests
{
    [Fact]
    public async Task LinkedList_appended_with_AddLast_drops_from_the_front()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public static class Samples
            {
                private static readonly LinkedList<double> {|BND001:s_latencies|} = new();

                public static void Record(double latency)
                {
                    if (latency > 0)
                        Samples.s_latencies.AddLast(latency);
                }
            }
            """,
            """
            using System.Collections.Generic;

            public static class Samples
            {
                private const int MaxLatencies = 1000;
                private static readonly LinkedList<double> s_latencies = new();

                public static void Record(double latency)
                {
                    if (latency > 0)
                    {
                        Samples.s_latencies.AddLast(latency);
                        while (Samples.s_latencies.Count > MaxLatencies)
                        {
                            Samples.s_latencies.RemoveFirst();
                        }
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task LinkedList_prepended_with_AddFirst_drops_from_the_back()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class VisitTracker
            {
                private readonly LinkedList<string> {|BND001:_visits|} = new();

                public void Visit(string page)
                {
                    _visits.AddFirst(page);
                }
            }
            """,
            """
            using System.Collections.Generic;

            public sealed class VisitTracker
            {
                private const int MaxVisits = 1000;
                private readonly LinkedList<string> _visits = new();

                public void Visit(string page)
                {
                    _visits.AddFirst(page);
                    while (_visits.Count > MaxVisits)
                    {
                        _visits.RemoveLast();
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Capacity_argument_becomes_the_bound()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private readonly List<string> {|BND003:_recentErrors|} = new List<string>(500);

                public void Record(string error)
                {
                    _recentErrors.Add(error);
                }
            }
            """,
            """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private const int MaxRecentErrors = 500;
                private readonly List<string> _recentErrors = new List<string>(500);

                public void Record(string error)
                {
                    _recentErrors.Add(error);
                    if (_recentErrors.Count > MaxRecentErrors)
                    {
                        _recentErrors.RemoveRange(0, _recentErrors.Count - MaxRecentErrors);
                    }
                }
            }
            """);
    }

    private const string DefaultBoundSource = """
        using System.Collections.Generic;

        public sealed class ErrorTracker
        {
            private readonly Queue<string> {|BND001:_errors|} = new();

            public void Record(string error)
            {
                _errors.Enqueue(error);
            }
        }
        """;

    private const string DefaultBoundFixed = """
        using System.Collections.Generic;

        public sealed class ErrorTracker
        {
            private const int MaxErrors = 250;
            private readonly Queue<string> _errors = new();

            public void Record(string error)
            {
                _errors.Enqueue(error);
                while (_errors.Count > MaxErrors)
                {
                    _errors.Dequeue();
                }
            }
        }
        """;

    [Fact]
    public async Task Default_bound_comes_from_editorconfig()
    {
        await VerifyFix.FixAsync(DefaultBoundSource, DefaultBoundFixed, VerifyFix.EditorConfig("fakeai_bounds.default_max_length = 250"));
    }

    [Fact]
    public async Task Default_bound_comes_from_the_MSBuild_property()
    {
        await VerifyFix.FixAsync(DefaultBoundSource, DefaultBoundFixed, VerifyFix.GlobalConfig("build_property.FakeAIBoundsDefaultMaxLength = 250"));
    }

    [Fact]
    public async Task Blank_line_after_the_add_stays_after_the_trim()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class CostTracker
            {
                private readonly List<decimal> {|BND001:_usage|} = new();
                private decimal _total;

                public void Record(decimal cost)
                {
                    _usage.Add(cost);

                    _total += cost;
                }

                public decimal Total => _total;
            }
            """,
            """
            using System.Collections.Generic;

            public sealed class CostTracker
            {
                private const int MaxUsage = 1000;
                private readonly List<decimal> _usage = new();
                private decimal _total;

                public void Record(decimal cost)
                {
                    _usage.Add(cost);
                    if (_usage.Count > MaxUsage)
                    {
                        _usage.RemoveRange(0, _usage.Count - MaxUsage);
                    }

                    _total += cost;
                }

                public decimal Total => _total;
            }
            """);
    }

    [Fact]
    public async Task Constant_name_already_taken_gets_a_number()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private const int MaxErrors = 5;
                private readonly Queue<string> {|BND001:_errors|} = new();

                public void Record(string error)
                {
                    _errors.Enqueue(error + MaxErrors);
                }
            }
            """,
            """
            using System.Collections.Generic;

            public sealed class ErrorTracker
            {
                private const int MaxErrors = 5;
                private const int MaxErrors2 = 1000;
                private readonly Queue<string> _errors = new();

                public void Record(string error)
                {
                    _errors.Enqueue(error + MaxErrors);
                    while (_errors.Count > MaxErrors2)
                    {
                        _errors.Dequeue();
                    }
                }
            }
            """);
    }
}

/// <summary>The constant's name where the trims read it, and the layout of trims after an add that shares its line.</summary>
public sealed class TrimAfterAddNameAndLayoutTests
{
    [Fact]
    public async Task Constant_name_is_not_one_a_parameter_or_local_at_an_add_already_binds_to()
    {
        // 'MaxItems' would read the parameter in Add, and 'MaxItems2' the local in AddTwice (CS0841 before its declaration).
        await VerifyFix.FixAsync(
            """
            using System;
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly List<int> {|BND001:_items|} = new();

                public void Add(int item, int MaxItems) { _items.Add(Math.Min(item, MaxItems)); }

                public void AddTwice(int item)
                {
                    _items.Add(item);
                    int MaxItems2 = item * 2;
                    _items.Add(MaxItems2);
                }
            }
            """,
            """
            using System;
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private const int MaxItems3 = 1000;
                private readonly List<int> _items = new();

                public void Add(int item, int MaxItems)
                {
                    _items.Add(Math.Min(item, MaxItems));
                    if (_items.Count > MaxItems3)
                    {
                        _items.RemoveRange(0, _items.Count - MaxItems3);
                    }
                }

                public void AddTwice(int item)
                {
                    _items.Add(item);
                    if (_items.Count > MaxItems3)
                    {
                        _items.RemoveRange(0, _items.Count - MaxItems3);
                    }
                    int MaxItems2 = item * 2;
                    _items.Add(MaxItems2);
                    if (_items.Count > MaxItems3)
                    {
                        _items.RemoveRange(0, _items.Count - MaxItems3);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task Add_that_shares_its_line_is_laid_out_on_lines_of_its_own_and_the_rest_keeps_its_layout()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly List<int> {|BND001:_items|} = new();
                private int _count;

                public void Record(int kind, int item)
                {
                    switch (kind)
                    {
                        case 1: _items.Add(item); break;
                        case 2:
                            _items.Add(item); _count++;
                            break;
                    }

                    if (kind > 2) _count--; else _count++;
                }
            }
            """,
            """
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private const int MaxItems = 1000;
                private readonly List<int> _items = new();
                private int _count;

                public void Record(int kind, int item)
                {
                    switch (kind)
                    {
                        case 1:
                            _items.Add(item);
                            if (_items.Count > MaxItems)
                            {
                                _items.RemoveRange(0, _items.Count - MaxItems);
                            }
                            break;
                        case 2:
                            _items.Add(item);
                            if (_items.Count > MaxItems)
                            {
                                _items.RemoveRange(0, _items.Count - MaxItems);
                            }
                            _count++;
                            break;
                    }

                    if (kind > 2) _count--; else _count++;
                }
            }
            """);
    }

    [Fact]
    public async Task Line_breaks_the_formatter_adds_are_the_files_own()
    {
        await VerifyFix.FixAsync(
            """
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly Queue<int> {|BND001:_items|} = new();

                public void Record(int item)
                {
                    if (item > 0) _items.Enqueue(item);
                }
            }
            """.ReplaceLineEndings("\r\n"),
            """
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private const int MaxItems = 1000;
                private readonly Queue<int> _items = new();

                public void Record(int item)
                {
                    if (item > 0)
                    {
                        _items.Enqueue(item);
                        while (_items.Count > MaxItems)
                        {
                            _items.Dequeue();
                        }
                    }
                }
            }
            """.ReplaceLineEndings("\r\n"));
    }
}

public sealed class TrimAfterAddNotOfferedTests
{
    [Theory]
    [InlineData("Dictionary<string, int>", "_items[item] = 1;")]
    [InlineData("HashSet<string>", "_items.Add(item);")]
    [InlineData("Stack<string>", "_items.Push(item);")]
    [InlineData("IList<string>", "_items.Add(item);")]
    [InlineData("List<string>", "_items.Insert(0, item);")]
    [InlineData("LinkedList<string>", "_ = _items.AddLast(item);")]
    public async Task Collections_the_trim_cannot_keep_newest_last(string type, string add)
    {
        await VerifyFix.NotOfferedAsync(
            $$"""
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly {{type}} {|BND001:_items|} = new {{(type.StartsWith('I') ? "List<string>" : type)}}();

                public void Record(string item)
                {
                    {{add}}
                }
            }
            """);
    }

    [Fact]
    public async Task Add_that_is_not_a_statement_of_its_own()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly List<string> {|BND001:_items|} = new();

                public void Record(IEnumerable<string> items)
                {
                    foreach (string item in items)
                    {
                        Run(() => _items.Add(item));
                    }
                }

                private static void Run(System.Action action) => action();
            }
            """);
    }

    [Fact]
    public async Task Positional_property_of_a_record()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System.Collections.Generic;

            public sealed record ItemTracker(List<string> {|BND001:Items|})
            {
                public void Record(string item)
                {
                    Items.Add(item);
                }
            }
            """);
    }

    [Fact]
    public async Task Add_through_another_instance()
    {
        await VerifyFix.NotOfferedAsync(
            """
            using System.Collections.Generic;

            public sealed class ItemTracker
            {
                private readonly List<string> {|BND001:_items|} = new();

                public void Record(string item) => _items.Add(item);

                public void Copy(ItemTracker other, string item)
                {
                    other._items.Add(item);
                }
            }
            """);
    }
}
