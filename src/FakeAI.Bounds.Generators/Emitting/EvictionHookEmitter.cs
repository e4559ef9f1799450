using FakeAI.Bounds.Generators.Model;

namespace FakeAI.Bounds.Generators.Emitting;

/// <summary>
/// What every bounded collection with an <c>OnEvicted</c> hook shares: the hook's defining declaration, when the user
/// wrote only its body, and the reasons the calls pass. A collection without a hook gets none of this, so its code is
/// the same as if hooks did not exist.
/// </summary>
/// <remarks>
/// The calls themselves stay in each emitter, at the point after the change is complete and, in the thread-safe form,
/// after the lock is released: the hook may take its time or use the collection, and an exception it throws reaches the
/// caller of the member that evicted, with the collection already consistent.
/// </remarks>
internal static class EvictionHookEmitter
{
    /// <summary>The reason an overflow policy's eviction passes.</summary>
    public const string Overflow = "global::FakeAI.Bounds.EvictionReason.Overflow";

    /// <summary>The reason an eviction by a lowered capacity passes.</summary>
    public const string CapacityReduced = "global::FakeAI.Bounds.EvictionReason.CapacityReduced";

    /// <summary>Writes the hook's defining declaration when the user wrote only the implementing one.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="hook">The hook.</param>
    /// <param name="entry">What the collection calls one entry ("item", "key and value", "value").</param>
    /// <param name="threadSafe">Whether the collection is the thread-safe form, whose hook runs outside its lock.</param>
    public static void WriteDeclaration(SourceWriter writer, EvictionHookModel hook, string entry, bool threadSafe)
    {
        if (!hook.WritesDeclaration)
        {
            return;
        }

        string when = threadSafe
            ? "after the change that evicted it is complete and the lock is released"
            : "after the change that evicted it is complete";
        writer.Member($$"""
            /// <summary>
            /// Called once for every {{entry}} the collection's bounds remove, in eviction order, {{when}}.
            /// Entries the caller takes out (TryDequeue, Remove, RemoveWhere, Clear) are not evictions and are not reported.
            /// </summary>
            {{hook.Modifiers}}partial void OnEvicted({{hook.Parameters}});
            """);
    }
}
