using FakeAI.Bounds.Generators.Common;

namespace FakeAI.Bounds.Generators.Model;

/// <summary>
/// Everything the emitter needs to write one bounded collection, as plain values: no symbols, syntax nodes,
/// locations or compilations, so that equal declarations compare equal between generator runs and stay cached.
/// </summary>
/// <param name="Namespace">The namespace, or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The enclosing types, outermost first.</param>
/// <param name="Name">The simple name, e.g. <c>Window</c>.</param>
/// <param name="NameWithTypeParameters">The name as written in a declaration, e.g. <c>Window&lt;T&gt;</c>.</param>
/// <param name="HintName">The unique file name of the generated source.</param>
/// <param name="Kind">The bounded interface implemented.</param>
/// <param name="ElementType">The fully qualified item type (a dictionary's key type), e.g. <c>global::App.ErrorRecord</c> or <c>T</c>.</param>
/// <param name="ValueType">A dictionary's fully qualified value type; <see langword="null"/> for a queue or a set.</param>
/// <param name="ElementCanBeNull">Whether an item (or key) can be <see langword="null"/> at run time: not a non-nullable value type.</param>
/// <param name="ElementHashIsTrivial">Whether hashing an item (or key) costs next to nothing (a primitive or an enum), so a hash table need not store it.</param>
/// <param name="ElementEqualsSurvivesTornReads">
/// Whether comparing a half-written or stale copy of an item (or key) cannot throw: a reference (always read whole), a
/// primitive, an enum or a BCL value type whose Equals only compares bits. A thread-safe table's lock-free lookups
/// catch what Equals throws on a torn key only when this is false.
/// </param>
/// <param name="MaxLength">The validated <c>MaxLength</c>.</param>
/// <param name="Overflow">The validated overflow policy.</param>
/// <param name="ThreadSafe">Whether the thread-safe body is wanted.</param>
/// <param name="MaxAgeMilliseconds">The validated maximum age in milliseconds, or 0 when the type declares none: the generated code then has no trace of a clock.</param>
/// <param name="ResizableCapacity">Whether the type asked for <c>SetCapacity</c>: its capacity is then a field that changes, not one fixed at construction.</param>
/// <param name="EvictionHook">The <c>OnEvicted</c> hook the type declares, or <see langword="null"/>: the generated code then has no trace of one.</param>
/// <param name="MaxWeight">The validated maximum total weight, or 0 when the type declares none: the generated code then weighs nothing.</param>
/// <param name="Weigher">The weigher of a type with a maximum weight, or <see langword="null"/>.</param>
internal readonly record struct BoundedTypeModel(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Name,
    string NameWithTypeParameters,
    string HintName,
    BoundedKind Kind,
    string ElementType,
    string? ValueType,
    bool ElementCanBeNull,
    bool ElementHashIsTrivial,
    bool ElementEqualsSurvivesTornReads,
    int MaxLength,
    OverflowPolicyValue Overflow,
    bool ThreadSafe,
    EvictionHookModel? EvictionHook,
    bool ResizableCapacity,
    long MaxAgeMilliseconds = 0,
    long MaxWeight = 0,
    WeigherModel? Weigher = null)
{
    /// <summary>Whether entries expire after a maximum age.</summary>
    public bool Expires => MaxAgeMilliseconds > 0;

    /// <summary>Whether entries are weighed and their total bounded.</summary>
    public bool Weighted => MaxWeight > 0;
}
