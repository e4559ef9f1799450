using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Which classes live as long as the process, inferred from the whole compilation rather than from names: a class a
/// static field holds (the <c>static readonly X Instance</c> singleton, a <c>Lazy&lt;X&gt;</c>), a class registered
/// as a singleton or hosted service with Microsoft.Extensions.DependencyInjection, and, transitively, a class whose
/// instance a field of such a class holds. Facts arrive concurrently from every type's analysis; the reasons are
/// resolved once, at the end of the compilation, and each names the code that makes the class long-lived.
/// </summary>
internal sealed class LongLivedTypes
{
    private readonly ConcurrentDictionary<INamedTypeSymbol, Root> _roots = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, ConcurrentBag<(string Holder, INamedTypeSymbol Held)>> _fields = new(SymbolEqualityComparer.Default);

    /// <summary>A reason of the class's own (its name, [BoundedTracker], a hosted service, middleware).</summary>
    public void RecordLocal(INamedTypeSymbol type, string reason)
    {
        AddRoot(type, reason, order: "0");
    }

    /// <summary>A static field or property holds an instance of <paramref name="held"/>.</summary>
    public void RecordStaticHolder(INamedTypeSymbol held, ISymbol member)
    {
        string name = member.ContainingType.Name + "." + member.Name;
        AddRoot(held, "the static " + (member is IPropertySymbol ? "property" : "field") + " '" + name + "' holds one", order: "1" + name);
    }

    /// <summary>A DI registration makes <paramref name="implementation"/> a singleton (<paramref name="method"/>: AddSingleton, AddHostedService, …).</summary>
    public void RecordRegistration(INamedTypeSymbol implementation, string method, Location location)
    {
        string where = Path.GetFileName(location.SourceTree?.FilePath ?? string.Empty) + ":" + SourceOrder.Line(location).ToString(CultureInfo.InvariantCulture);
        AddRoot(implementation, "it is registered with " + method + " at " + where, order: "2" + where);
    }

    /// <summary>An instance field or auto-property of <paramref name="holder"/> holds a <paramref name="held"/>.</summary>
    public void RecordField(INamedTypeSymbol holder, ISymbol member, INamedTypeSymbol held)
    {
        _fields.GetOrAdd(holder.OriginalDefinition, _ => new ConcurrentBag<(string, INamedTypeSymbol)>())
            .Add((holder.Name + "." + member.Name, held.OriginalDefinition));
    }

    /// <summary>
    /// Every long-lived class with the reason the message gives, computed once all types were analyzed. Roots come
    /// first; a class held by a long-lived one takes the reason of the first holder in a breadth-first walk, and
    /// roots and holders are visited in a fixed order so that messages do not depend on the order of analysis.
    /// </summary>
    public Dictionary<INamedTypeSymbol, string> Resolve(System.Threading.CancellationToken cancellationToken)
    {
        var reasons = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        var pending = new Queue<INamedTypeSymbol>();
        foreach (KeyValuePair<INamedTypeSymbol, Root> root in _roots.OrderBy(r => r.Value.Order, System.StringComparer.Ordinal).ThenBy(r => r.Key.ToDisplayString(), System.StringComparer.Ordinal))
        {
            reasons[root.Key] = root.Value.Reason;
            pending.Enqueue(root.Key);
        }

        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            INamedTypeSymbol holder = pending.Dequeue();
            if (!_fields.TryGetValue(holder, out ConcurrentBag<(string Holder, INamedTypeSymbol Held)>? held))
            {
                continue;
            }

            foreach ((string member, INamedTypeSymbol type) in held.OrderBy(h => h.Holder, System.StringComparer.Ordinal))
            {
                if (!reasons.ContainsKey(type))
                {
                    reasons[type] = "'" + member + "' holds one, and " + Subject(reasons[holder], holder);
                    pending.Enqueue(type);
                }
            }
        }

        return reasons;
    }

    // "it is registered with …" said of the holder: "'Holder' is registered with …".
    private static string Subject(string reason, INamedTypeSymbol holder)
    {
        return reason.StartsWith("it ", System.StringComparison.Ordinal) ? "'" + holder.Name + "'" + reason.Substring(2) : reason;
    }

    private void AddRoot(INamedTypeSymbol type, string reason, string order)
    {
        var root = new Root(reason, order);
        _roots.AddOrUpdate(type.OriginalDefinition, root, (_, existing) => string.CompareOrdinal(order, existing.Order) < 0 ? root : existing);
    }

    private readonly record struct Root(string Reason, string Order);
}
