using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;

namespace FakeAI.Bounds.Demo;

/// <summary>
/// Reads tracker state that no public member exposes: the collections inside a tracker's entries (each stream's tokens,
/// each pattern's users, each batch's samples) and the unbounded version's private counters. Reflection ties the demo to
/// private field names, so a missing name fails loudly with the type and field rather than counting zero.
/// </summary>
internal static class PrivateState
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    /// <summary>The value of an instance field, of any accessibility.</summary>
    /// <param name="owner">The object.</param>
    /// <param name="name">The field's name.</param>
    /// <returns>The value, never <see langword="null"/>.</returns>
    /// <exception cref="InvalidOperationException">There is no such field, or it is <see langword="null"/>.</exception>
    public static object Field(object owner, string name)
    {
        for (Type? type = owner.GetType(); type is not null; type = type.BaseType)
        {
            FieldInfo? field = type.GetField(name, Instance | BindingFlags.DeclaredOnly);
            if (field is not null)
            {
                return field.GetValue(owner) ?? throw Missing(owner, name, "is null");
            }
        }

        throw Missing(owner, name, "does not exist");
    }

    /// <summary>The value of an instance property, of any accessibility (the entry types are internal).</summary>
    /// <param name="owner">The object.</param>
    /// <param name="name">The property's name.</param>
    /// <returns>The value, never <see langword="null"/>.</returns>
    /// <exception cref="InvalidOperationException">There is no such property, or it is <see langword="null"/>.</exception>
    public static object Property(object owner, string name)
    {
        PropertyInfo property = owner.GetType().GetProperty(name, Instance) ?? throw Missing(owner, name, "does not exist");
        return property.GetValue(owner) ?? throw Missing(owner, name, "is null");
    }

    /// <summary>The items of a collection; for a dictionary, its values.</summary>
    /// <param name="collection">A list, queue, dictionary or generated bounded collection.</param>
    /// <returns>The items.</returns>
    public static IEnumerable<object> Items(object collection)
    {
        foreach (object? item in (IEnumerable)collection)
        {
            if (item is null)
            {
                continue;
            }

            Type type = item.GetType();
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
            {
                object? value = type.GetProperty(nameof(KeyValuePair<object, object>.Value))!.GetValue(item);
                if (value is not null)
                {
                    yield return value;
                }
            }
            else
            {
                yield return item;
            }
        }
    }

    /// <summary>The number of items in a collection.</summary>
    /// <param name="collection">A BCL or generated bounded collection.</param>
    /// <returns>Its count.</returns>
    public static int Count(object collection) => collection switch
    {
        IBoundedCollection bounded => bounded.Count,
        ICollection plain => plain.Count,
        _ => (int)(collection.GetType().GetProperty("Count", Instance)?.GetValue(collection)
            ?? throw new InvalidOperationException($"{collection.GetType().FullName} has no Count.")),
    };

    /// <summary>
    /// Adds up one collection member over many holders, such as the token times of every stream a tracker holds.
    /// </summary>
    /// <param name="name">The row's name, <c>Type.Member</c>.</param>
    /// <param name="holders">The entries that each hold one such collection.</param>
    /// <param name="member">The property holding the collection.</param>
    /// <returns>The row.</returns>
    public static CollectionEntries Nested(string name, IEnumerable<object> holders, string member)
    {
        var collections = new List<object>();
        foreach (object holder in holders)
        {
            collections.Add(Property(holder, member));
        }

        return Nested(name, collections);
    }

    /// <summary>Adds up many collections of one kind, such as the per-model call counts of every API key.</summary>
    /// <param name="name">The row's name.</param>
    /// <param name="collections">The collections.</param>
    /// <returns>The row.</returns>
    public static CollectionEntries Nested(string name, IEnumerable<object> collections)
    {
        long total = 0;
        long largest = 0;
        int holders = 0;
        int? capacity = null;
        foreach (object collection in collections)
        {
            int items = Count(collection);
            total += items;
            largest = Math.Max(largest, items);
            holders++;
            if (collection is IBoundedCollection bounded)
            {
                capacity = Math.Min(capacity ?? int.MaxValue, bounded.Capacity);
            }
        }

        return new CollectionEntries(name, total, holders, largest, capacity, ByReflection: true);
    }

    private static InvalidOperationException Missing(object owner, string name, string problem) =>
        new($"{owner.GetType().FullName}.{name} {problem}; the demo reads it to count entries and must follow the change.");
}
