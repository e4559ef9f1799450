using System;

namespace FakeAI.Bounds;

/// <summary>
/// What a bounded collection with a maximum age reports beside <see cref="IBoundedCollection"/>: the age and what it has
/// cost. The generator implements it on every type declared with <see cref="BoundedAttribute.MaxAgeSeconds"/> or
/// <see cref="BoundedAttribute.MaxAgeMilliseconds"/>, so that a tracker or a metrics exporter can treat them alike.
/// </summary>
/// <remarks>
/// A separate interface rather than new members of <see cref="IBoundedCollection"/>, which would break every type that
/// implements it outside the generator.
/// </remarks>
public interface IExpiringCollection : IBoundedCollection
{
    /// <summary>How long an entry lives after it is written (added, or given a new value).</summary>
    TimeSpan MaxAge { get; }

    /// <summary>
    /// The number of entries removed because they reached <see cref="MaxAge"/>, not counted in
    /// <see cref="IBoundedCollection.Evicted"/>; <see cref="IBoundedCollection.Clear"/> does not reset it.
    /// </summary>
    long Expired { get; }

    /// <summary>Removes now every entry that has reached <see cref="MaxAge"/>; adds and reads do it on their own.</summary>
    /// <returns>How many entries were removed.</returns>
    int RemoveExpired();
}
