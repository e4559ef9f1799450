namespace FakeAI.Bounds.Generators.Common;

/// <summary>Metadata names of the runtime API the generator and analyzers look for.</summary>
internal static class KnownNames
{
    public const string BoundedAttribute = "FakeAI.Bounds.BoundedAttribute";
    public const string BoundedQueue = "FakeAI.Bounds.IBoundedQueue`1";
    public const string BoundedDictionary = "FakeAI.Bounds.IBoundedDictionary`2";
    public const string BoundedSet = "FakeAI.Bounds.IBoundedSet`1";
    public const string BoundedCollection = "FakeAI.Bounds.IBoundedCollection";
    public const string ExpiringCollection = "FakeAI.Bounds.IExpiringCollection";
    public const string WeightedCollection = "FakeAI.Bounds.IWeightedCollection";
    public const string BoundedTrackerAttribute = "FakeAI.Bounds.BoundedTrackerAttribute";
    public const string AllowUnboundedAttribute = "FakeAI.Bounds.AllowUnboundedAttribute";

    /// <summary>The constant every generated bounded type declares with its <c>MaxLength</c>.</summary>
    public const string DeclaredMaxLength = "DeclaredMaxLength";

    public const string MaxLengthArgument = "MaxLength";
    public const string OverflowArgument = "Overflow";
    public const string ThreadSafeArgument = "ThreadSafe";
    public const string ResizableCapacityArgument = "ResizableCapacity";
    public const string MaxAgeMillisecondsArgument = "MaxAgeMilliseconds";
    public const string MaxAgeSecondsArgument = "MaxAgeSeconds";
    public const string MaxWeightArgument = "MaxWeight";

    /// <summary>The bounds <c>BoundedAttribute.MaxLength</c> accepts (kept equal to the runtime's constants).</summary>
    public const int MinMaxLength = 1;

    /// <inheritdoc cref="MinMaxLength"/>
    public const int MaxMaxLength = 1 << 30;

    /// <summary>Every generated file's name ends so; the analyzers use it to tell generated members from the user's.</summary>
    public const string HintNameSuffix = ".Bounded.g.cs";
}
