using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The model writer is only worth checking against if it is the generated writer. Run alone (no reader), it must do
/// what second-chance LRU means (<see cref="ReferenceClockMap"/>), what the generated dictionary does (compared
/// through its public members, eviction order included), and keep every structural invariant after each operation.
/// Its store order is pinned to the generated code by <see cref="PortedMembersTests"/>.
/// </summary>
public class WriterModelTests
{
    /// <summary>Operations per sequence: every sequence of this many sets, removals and lookups is run.</summary>
    private const int Depth = 4;

    private readonly ITestOutputHelper _output;

    public WriterModelTests(ITestOutputHelper output)
    {
        _output = output;
    }

    /// <summary>A step of a sequential run: a writer operation, or a completed lookup of a key (which marks it).</summary>
    private readonly record struct Action(WriterOperation Operation, bool IsLookup)
    {
        public override string ToString() =>
            IsLookup ? string.Format(CultureInfo.InvariantCulture, "TryGetValue({0})", Operation.Key) : Operation.ToString();
    }

    public static TheoryData<string> ShapeNames => new() { "spread 3", "colliding 3", "colliding uncleared 3", "spread 2" };

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Every_short_sequence_agrees_with_the_reference_and_with_the_generated_dictionary(string shapeName)
    {
        TableShape shape = ShapeNamed(shapeName);
        Action[] actions = ModelScenarios.WrittenKeys(shape)
            .SelectMany(key => new[]
            {
                new Action(WriterOperation.Set(key, 0), false),
                new Action(WriterOperation.Remove(key), false),
                new Action(WriterOperation.Set(key, 0), true),
            })
            .ToArray();

        int sequences = Explore(shape, actions, SharedMemory.NewTable(), new ReferenceClockMap(shape.Capacity), new List<Action>());

        _output.WriteLine($"{shape}: {sequences:N0} sequences of up to {Depth} operations agree");
        Assert.Equal((int)System.Math.Pow(actions.Length, Depth), sequences);
    }

    /// <summary>Depth-first over sequences, sharing each prefix's run; returns the sequences compared.</summary>
    private static int Explore(TableShape shape, Action[] actions, SharedMemory memory, ReferenceClockMap reference, List<Action> prefix)
    {
        if (prefix.Count == Depth)
        {
            return 1;
        }

        int sequences = 0;
        foreach (Action action in actions)
        {
            prefix.Add(action);

            // A new value per position, so that a stale value shows.
            int value = (100 * prefix.Count) + action.Operation.Key;
            WriterOperation operation = action.Operation.IsRemove ? action.Operation : WriterOperation.Set(action.Operation.Key, value);
            SharedMemory next;
            ReferenceClockMap expected = reference.Clone();
            if (action.IsLookup)
            {
                next = memory.Clone();
                StartTable.MarkUsed(next, shape, operation.Key);
                expected.MarkUsed(operation.Key);
            }
            else
            {
                WriterRun run = WriterRun.Execute(memory, shape, new[] { operation }, new WriterRunOptions());
                Assert.True(run.Failure is null, Describe(prefix) + ": " + run.Failure);
                next = run.Final;
                expected.Apply(operation);
            }

            AbstractTable actual = TableDecoder.Decode(next, shape);
            Assert.True(actual.SameAs(expected.Table), $"{Describe(prefix)}: the model holds {actual}, the reference {expected.Table}");
            AssertGeneratedAgrees(shape, prefix, actual);
            sequences += Explore(shape, actions, next, expected, prefix);
            prefix.RemoveAt(prefix.Count - 1);
        }

        return sequences;
    }

    /// <summary>
    /// Replays the sequence on the generated thread-safe LRU dictionary and compares what it enumerates: its keys and
    /// values in the order they would be evicted, the unmarked oldest first, then the marked oldest first.
    /// </summary>
    private static void AssertGeneratedAgrees(TableShape shape, List<Action> sequence, AbstractTable model)
    {
        var map = new IntMapLruThreadSafe(shape.Capacity);
        for (int position = 0; position < sequence.Count; position++)
        {
            WriterOperation operation = sequence[position].Operation;
            if (sequence[position].IsLookup)
            {
                map.TryGetValue(operation.Key, out _);
            }
            else if (operation.IsRemove)
            {
                map.Remove(operation.Key);
            }
            else
            {
                map[operation.Key] = (100 * (position + 1)) + operation.Key;
            }
        }

        IEnumerable<AbstractEntry> evictionOrder = model.Order.Where(entry => !entry.Marked).Concat(model.Order.Where(entry => entry.Marked));
        string expected = string.Join(", ", evictionOrder.Select(entry => $"{entry.Key}={entry.Value}"));
        string actual = string.Join(", ", map.Select(pair => $"{pair.Key}={pair.Value}"));
        Assert.True(expected == actual, $"{Describe(sequence)}: the generated dictionary enumerates {actual}, the model {expected}");
    }

    private static string Describe(List<Action> sequence) => string.Join("; ", sequence);

    internal static TableShape ShapeNamed(string name) => name switch
    {
        "spread 3" => ModelScenarios.Spread3,
        "colliding 3" => ModelScenarios.Colliding3,
        "colliding uncleared 3" => ModelScenarios.CollidingUncleared3,
        _ => ModelScenarios.Spread2,
    };
}
