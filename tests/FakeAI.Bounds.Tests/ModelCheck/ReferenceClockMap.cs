using System.Collections.Generic;
using System.Linq;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// What second-chance LRU should do, stated without the generated code's loop: a list oldest first with a mark per
/// key. A set of a present key updates it and marks it; a lookup marks; a new key on a full table evicts the oldest
/// unmarked key after moving the marked keys older than it (unmarked) to the newest end, or, when every key is
/// marked, evicts the oldest after clearing all marks. The writer model must agree with it operation by operation.
/// </summary>
internal sealed class ReferenceClockMap
{
    private readonly int _capacity;
    private List<AbstractEntry> _order = new();

    public ReferenceClockMap(int capacity)
    {
        _capacity = capacity;
    }

    public AbstractTable Table => new(_order.ToList());

    public ReferenceClockMap Clone() => new(_capacity) { _order = _order.ToList() };

    public void Apply(WriterOperation operation)
    {
        int position = _order.FindIndex(entry => entry.Key == operation.Key);
        if (operation.IsRemove)
        {
            if (position >= 0)
            {
                _order.RemoveAt(position);
            }

            return;
        }

        if (position >= 0)
        {
            _order[position] = new AbstractEntry(operation.Key, operation.Value, Marked: true);
            return;
        }

        if (_order.Count == _capacity)
        {
            int victim = _order.FindIndex(entry => !entry.Marked);
            if (victim < 0)
            {
                _order = _order.Skip(1).Select(Unmarked).ToList();
            }
            else
            {
                _order = _order.Skip(victim + 1).Concat(_order.Take(victim).Select(Unmarked)).ToList();
            }
        }

        _order.Add(new AbstractEntry(operation.Key, operation.Value, Marked: false));
    }

    /// <summary>A lookup that found the key: marks it (the generated BndTouchUnlocked, or BndTouch when the lookup retries under the lock).</summary>
    public void MarkUsed(int key)
    {
        int position = _order.FindIndex(entry => entry.Key == key);
        if (position >= 0)
        {
            _order[position] = _order[position] with { Marked = true };
        }
    }

    private static AbstractEntry Unmarked(AbstractEntry entry) => entry with { Marked = false };
}
