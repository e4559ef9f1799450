namespace FakeAI.Bounds;

/// <summary>
/// What a bounded collection with a maximum total weight reports beside <see cref="IBoundedCollection"/>. The generator
/// implements it on every type declared with <see cref="BoundedAttribute.MaxWeight"/>, so that a tracker or a metrics
/// exporter can read any of them alike.
/// </summary>
/// <remarks>
/// A separate interface rather than new members of <see cref="IBoundedCollection"/>, which would break every type that
/// implements it outside the generator.
/// </remarks>
public interface IWeightedCollection : IBoundedCollection
{
    /// <summary>The total weight of the entries held: the sum of what the type's <c>Weigh</c> method returned for each when it was stored.</summary>
    long Weight { get; }

    /// <summary>The most total weight the collection holds: the <see cref="BoundedAttribute.MaxWeight"/> of its type.</summary>
    long MaxWeight { get; }
}
