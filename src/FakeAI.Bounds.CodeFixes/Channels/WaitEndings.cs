using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.CodeFixes.Channels;

/// <summary>
/// Tells which parts of a dropped item the callback can complete without knowing more than their types. A
/// <c>TaskCompletionSource</c> can: <c>TrySetException</c> is its own way to fail it, does nothing when something else
/// completed it first, and throws nothing into the channel's write. So can a callback whose only parameter is an
/// exception: calling it with one is what its signature is for. Nothing else can:
/// <list type="bullet">
/// <item>a value-task source has no completing member of its own (<c>IValueTaskSource</c> only reads), and the
/// <c>ManualResetValueTaskSourceCore&lt;T&gt;</c> behind one is pooled: by the time the channel drops the item, its
/// owner may have reset it for another operation, which <c>SetException</c> would then fail, and a second completion
/// throws out of the writer's <c>TryWrite</c>; only the owner's own method knows the version to complete;</item>
/// <item>any other delegate is work or a reply: calling it would run the dropped work on the writer's thread, inside
/// the write the drop was meant to keep cheap, or reply with a value the fix would have to invent.</item>
/// </list>
/// </summary>
internal sealed class WaitEndings
{
    private readonly INamedTypeSymbol? _taskCompletionSource;
    private readonly INamedTypeSymbol? _taskCompletionSourceOfT;
    private readonly INamedTypeSymbol? _exception;

    public WaitEndings(Compilation compilation)
    {
        _taskCompletionSource = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskCompletionSource");
        _taskCompletionSourceOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.TaskCompletionSource`1");
        _exception = compilation.GetTypeByMetadataName("System.Exception");
    }

    /// <summary>How to end the wait on a part of this type, or <see langword="null"/> when the fix cannot.</summary>
    public WaitEnding? For(ITypeSymbol partType)
    {
        if (partType is not INamedTypeSymbol named)
        {
            return null;
        }

        if (named.DelegateInvokeMethod is { } invoke)
        {
            return invoke.ReturnsVoid
                && invoke.Parameters.Length == 1
                && invoke.Parameters[0].RefKind == RefKind.None
                && SymbolEqualityComparer.Default.Equals(invoke.Parameters[0].Type, _exception)
                    ? WaitEnding.CallWithError
                    : null;
        }

        for (INamedTypeSymbol? current = named; current is not null; current = current.BaseType)
        {
            INamedTypeSymbol definition = current.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, _taskCompletionSource)
                || SymbolEqualityComparer.Default.Equals(definition, _taskCompletionSourceOfT))
            {
                return WaitEnding.FailCompletionSource;
            }
        }

        return null;
    }
}
