namespace FakeAI.Bounds.Generators.Diagnostics;

/// <summary>
/// Every diagnostic ID the package reports. BND0xx: unbounded state in ordinary code. BND1xx: misuse of the
/// package's own attributes.
/// </summary>
internal static class DiagnosticIds
{
    public const string UnboundedCollection = "BND001";
    public const string BoundedOnlyByManualCleanup = "BND002";
    public const string CapacityIsNotABound = "BND003";
    public const string UnboundedQueuePrimitive = "BND004";
    public const string ChannelDropsSilently = "BND005";
    public const string UnboundedElementState = "BND006";
    public const string SuppressionWithoutJustification = "BND007";
    public const string AgeSweepCouldBeMaxAge = "BND008";
    public const string EntriesOutliveTheirOperations = "BND009";
    public const string RequestsKeptUntilALaterCall = "BND010";

    public const string BoundedTypeNotPartial = "BND101";
    public const string MaxLengthInvalid = "BND102";
    public const string BoundedInterfaceCount = "BND103";
    public const string BoundedTypeKindInvalid = "BND104";
    public const string MemberClashesWithGenerated = "BND105";
    public const string CapacityArgumentOutOfRange = "BND106";
    public const string OverflowPolicyInvalid = "BND107";
    public const string LanguageVersionTooLow = "BND110";
    public const string KeyUsesReferenceEquality = "BND111";
    public const string TrackerWithoutBoundedMember = "BND108";
    public const string TrackerMemberBoundInvisible = "BND109";
    public const string TrackerNotGeneratable = "BND112";
    public const string TrackerMemberClashesWithGenerated = "BND113";
    public const string EvictionHookInvalid = "BND114";
    public const string MaxAgeInvalid = "BND115";
    public const string MaxWeightInvalid = "BND117";
    public const string WeigherInvalid = "BND118";
}
