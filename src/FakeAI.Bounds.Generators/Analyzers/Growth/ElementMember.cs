using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>The size facts of one collection inside an element type.</summary>
internal sealed class ElementMember
{
    private readonly object _gate = new();
    private bool _hasBoundingRemoval;
    private (ISymbol Method, Location Location)? _unguardedAdd;

    public ElementMember(ISymbol symbol, CollectionKind kind)
    {
        Symbol = symbol;
        Kind = kind;
    }

    public ISymbol Symbol { get; }

    public CollectionKind Kind { get; }

    /// <summary>The earliest add in source order that no size check guards: the method that holds it, and where.</summary>
    public (ISymbol Method, Location Location)? UnguardedAdd
    {
        get
        {
            lock (_gate)
            {
                return _unguardedAdd;
            }
        }
    }

    public bool IsUnbounded
    {
        get
        {
            lock (_gate)
            {
                return _unguardedAdd is not null && !_hasBoundingRemoval;
            }
        }
    }

    public void Record(GrowthEvent growthEvent)
    {
        lock (_gate)
        {
            if (growthEvent.Kind == GrowthEventKind.Grow)
            {
                // The earliest in source order, so that the message does not depend on the order callbacks ran in.
                if (!growthEvent.Guarded && (_unguardedAdd is null || SourceOrder.Precedes(growthEvent.Location, _unguardedAdd.Value.Location)))
                {
                    _unguardedAdd = (growthEvent.Method, growthEvent.Location);
                }
            }
            else if (growthEvent.Bounds || growthEvent.Scheduled)
            {
                _hasBoundingRemoval = true;
            }
        }
    }
}
