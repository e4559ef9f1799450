using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>One live key of an <see cref="AbstractTable"/>: its value, and whether it is marked used.</summary>
internal readonly record struct AbstractEntry(int Key, int Value, bool Marked);

/// <summary>
/// What a quiescent table means, free of layout: its keys with their values and marks, oldest first. The answer of a
/// lookup in one state of the table is <see cref="Lookup"/>.
/// </summary>
internal sealed class AbstractTable
{
    /// <summary>What <see cref="Lookup"/> returns for an absent key; values are positive.</summary>
    public const int Absent = -1;

    public AbstractTable(IReadOnlyList<AbstractEntry> order)
    {
        Order = order;
    }

    /// <summary>The live keys, oldest first.</summary>
    public IReadOnlyList<AbstractEntry> Order { get; }

    public int Lookup(int key)
    {
        for (int position = 0; position < Order.Count; position++)
        {
            if (Order[position].Key == key)
            {
                return Order[position].Value;
            }
        }

        return Absent;
    }

    public bool SameAs(AbstractTable other) => Order.SequenceEqual(other.Order);

    public override string ToString() =>
        "{" + string.Join(", ", Order.Select(entry => string.Format(
            CultureInfo.InvariantCulture, "{0}={1}{2}", entry.Key, entry.Value, entry.Marked ? "*" : ""))) + "} (oldest first, * marked)";
}
