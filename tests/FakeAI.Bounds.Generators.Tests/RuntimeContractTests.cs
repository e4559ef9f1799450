using System;
using System.Linq;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Model;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests;

/// <summary>
/// The generator cannot reference the runtime assembly, so it keeps copies of its names and values; these tests fail
/// when the two drift apart.
/// </summary>
public class RuntimeContractTests
{
    [Fact]
    public void The_generator_copy_of_OverflowPolicy_matches_the_runtime_enum()
    {
        var runtime = Enum.GetValues<OverflowPolicy>().Select(value => (value.ToString(), (int)value));
        var generator = Enum.GetValues<OverflowPolicyValue>().Select(value => (value.ToString(), (int)value));

        Assert.Equal(runtime, generator);
    }

    [Fact]
    public void The_MaxLength_range_matches_the_runtime_constants()
    {
        Assert.Equal(BoundedAttribute.MinMaxLength, KnownNames.MinMaxLength);
        Assert.Equal(BoundedAttribute.MaxMaxLength, KnownNames.MaxMaxLength);
    }

    [Fact]
    public void The_metadata_names_resolve_to_the_runtime_types()
    {
        Assert.Equal(KnownNames.BoundedAttribute, typeof(BoundedAttribute).FullName);
        Assert.Equal(KnownNames.BoundedQueue, typeof(IBoundedQueue<>).FullName);
        Assert.Equal(KnownNames.BoundedDictionary, typeof(IBoundedDictionary<,>).FullName);
        Assert.Equal(KnownNames.BoundedSet, typeof(IBoundedSet<>).FullName);
        Assert.NotNull(typeof(BoundedAttribute).GetProperty(KnownNames.MaxLengthArgument));
        Assert.NotNull(typeof(BoundedAttribute).GetProperty(KnownNames.OverflowArgument));
        Assert.NotNull(typeof(BoundedAttribute).GetProperty(KnownNames.ThreadSafeArgument));
        Assert.NotNull(typeof(BoundedAttribute).GetProperty(KnownNames.ResizableCapacityArgument));
        Assert.NotNull(typeof(BoundedAttribute).GetProperty(KnownNames.MaxAgeMillisecondsArgument));
        Assert.NotNull(typeof(BoundedAttribute).GetProperty(KnownNames.MaxAgeSecondsArgument));
        Assert.Equal(KnownNames.ExpiringCollection, typeof(IExpiringCollection).FullName);
    }
}
