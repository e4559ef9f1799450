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

            public sealed class EventBus
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

            public sealed class EventBus
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
