using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Diagnostics;

/// <summary>The one place every diagnostic of the package is described; each has a page under <c>docs/rules/</c>.</summary>
internal static class DiagnosticDescriptors
{
    public const string UsageCategory = "FakeAI.Bounds.Usage";

    /// <summary>Rules about state that can grow without limit in ordinary code (BND0xx).</summary>
    public const string ReliabilityCategory = "FakeAI.Bounds.Reliability";

    private const string BoundItAdvice = "bound it with a [Bounded] type, trim it after each add, or mark it [AllowUnbounded(\"reason\")]";

    // The rules' pages, in the repository whose address the build compiles in (BoundsRepositoryUrl).
    private const string HelpLinkBase = RepositoryAddress.Url + "/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor BoundedTypeNotPartial = Create(
        DiagnosticIds.BoundedTypeNotPartial,
        "A [Bounded] type and the types that contain it must be partial",
        "The bounded collection '{0}' is not generated: add the 'partial' modifier to {1}",
        "The generator adds the collection's members to the type in a second partial declaration. Without 'partial' on the type and on every type that contains it, nothing is generated.");

    public static readonly DiagnosticDescriptor MaxLengthInvalid = Create(
        DiagnosticIds.MaxLengthInvalid,
        "MaxLength must be a constant between 1 and 1073741824",
        "[Bounded] on '{0}' {1}; set MaxLength to a constant between 1 and 1073741824, such as [Bounded(MaxLength = 1000)]",
        "MaxLength is the most entries an instance can ever hold. It is required, must be a compile-time constant, and lies between 1 and 2^30 so that index arithmetic cannot overflow.");

    public static readonly DiagnosticDescriptor BoundedInterfaceCount = Create(
        DiagnosticIds.BoundedInterfaceCount,
        "A [Bounded] type must implement exactly one bounded interface",
        "'{0}' {1}; it must implement exactly one of IBoundedQueue<T>, IBoundedDictionary<TKey, TValue> or IBoundedSet<T>",
        "The bounded interface tells the generator which collection to write: a FIFO queue, a map or a set.");

    public static readonly DiagnosticDescriptor BoundedTypeKindInvalid = Create(
        DiagnosticIds.BoundedTypeKindInvalid,
        "A [Bounded] type must be a class that is not static, not a record and not file-local",
        "'{0}' is {1}; [Bounded] needs a class that is not static, not a record and not file-local",
        "A bounded collection keeps mutable state that must be shared, not copied: a struct would copy the ring on every assignment, a record's generated equality would compare it, a static class cannot have instances, and a file-local type cannot have its generated part in another file.");

    public static readonly DiagnosticDescriptor MemberClashesWithGenerated = Create(
        DiagnosticIds.MemberClashesWithGenerated,
        "A member of a [Bounded] type has the name of a generated member",
        "'{0}' declares {1}, which the generator reserves for the {2} it writes; rename or remove it (nothing is generated for '{0}' while it clashes)",
        "The generator writes the whole body of the bounded collection. A member of the same name would conflict with the generated one, so the type is left without a generated body until the clash is removed.");

    public static readonly DiagnosticDescriptor CapacityArgumentOutOfRange = Create(
        DiagnosticIds.CapacityArgumentOutOfRange,
        "The capacity argument is outside 1 … MaxLength",
        "The capacity {0} is outside 1 … {2}, the MaxLength of '{1}', so this call always throws ArgumentOutOfRangeException; pass a capacity between 1 and {2}",
        "A bounded collection's capacity may be smaller than its type's MaxLength, never larger; a constant capacity outside 1 … MaxLength always throws at run time.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OverflowPolicyInvalid = Create(
        DiagnosticIds.OverflowPolicyInvalid,
        "The overflow policy does not apply to this bounded collection",
        "[Bounded] on '{0}' uses Overflow = {1}, which {2}; use DropOldest, DropNewest or Throw",
        "Each bounded collection supports the overflow policies that have a meaning for it: least-recently-used eviction needs reads that refresh an entry, which a queue does not have.");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Create(
        DiagnosticIds.LanguageVersionTooLow,
        "Bounded collections need C# 8 or later",
        "'{0}' is not generated: the project compiles C# {1}, and the generated code needs C# 8 or later; set <LangVersion>8.0</LangVersion> or later in the project file",
        "The generated code uses nullable annotations and other C# 8 features. .NET Framework and netstandard2.0 projects default to C# 7.3; any SDK from .NET Core 3.0 on compiles C# 8 for them once LangVersion asks for it.");

    public static readonly DiagnosticDescriptor KeyUsesReferenceEquality = Create(
        DiagnosticIds.KeyUsesReferenceEquality,
        "The keys of a bounded map or set compare by reference",
        "'{0}' is created without a comparer, and its {1} type '{2}' does not override Equals and GetHashCode, so two equal-looking {1}s never match and every new instance takes a slot; pass an IEqualityComparer<{2}>, override Equals and GetHashCode, or make '{2}' a record",
        "A bounded dictionary or set finds entries by the key's equality. A class that does not override Equals and GetHashCode compares by reference, so a key rebuilt from the same data (a request id, an endpoint) is a new key: the map never finds it again and fills with duplicates that evict the entries that matter.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TrackerWithoutBoundedMember = Create(
        DiagnosticIds.TrackerWithoutBoundedMember,
        "A [BoundedTracker] class has no bounded member",
        "'{0}' is marked [BoundedTracker] but has no field or property of a [Bounded] type, so GetBounds() reports nothing and MaxBoundedEntries is 0; keep its state in [Bounded] collections, or remove [BoundedTracker]",
        "The members generated for a tracker report and clear the fields and properties whose type is a bounded collection the generator implements. A tracker without one has no bound to report, which usually means that its state lives in collections that can grow without limit.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TrackerMemberBoundInvisible = Create(
        DiagnosticIds.TrackerMemberBoundInvisible,
        "The generator cannot see the bound of a tracker member",
        "'{0}' is left out of the bounds of '{1}' because {2}; {3}",
        "GetBounds(), ClearBounds(), MaxBoundedEntries and the metrics of a tracker cover the members whose type is a [Bounded] class the generator implements, because only then is the member's MaxLength known at build time. A member typed as a bounded interface, as a hand-written bounded collection, or as a [Bounded] class that is not generated is left out, and the tracker under-reports what it holds.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TrackerNotGeneratable = Create(
        DiagnosticIds.TrackerNotGeneratable,
        "A [BoundedTracker] class must be partial, in partial types, and neither static nor file-local",
        "The tracker members of '{0}' are not generated: {1}",
        "The generator adds GetBounds(), ClearBounds(), MaxBoundedEntries and RegisterBoundsMetrics() to a tracker in a second partial declaration, as instance members. That needs 'partial' on the class and on every type that contains it, a class that has instances, and a class that a file other than its own can reopen.");

    public static readonly DiagnosticDescriptor TrackerMemberClashesWithGenerated = Create(
        DiagnosticIds.TrackerMemberClashesWithGenerated,
        "A member of a [BoundedTracker] class has the name of a generated member",
        "'{0}' {1}: the members the generator adds to a [BoundedTracker] class would clash with it; {2} (nothing is generated for '{0}' while it clashes)",
        "The generator adds GetBounds(), ClearBounds(), MaxBoundedEntries, RegisterBoundsMetrics() and private helpers named Bnd… to a tracker. A member of the same name, declared or inherited, would be duplicated or hidden, so the tracker is left without generated members until the clash is removed.");

    public static readonly DiagnosticDescriptor EvictionHookInvalid = Create(
        DiagnosticIds.EvictionHookInvalid,
        "The eviction hook of a [Bounded] type must be 'partial void OnEvicted' with the collection's entry types",
        "The eviction hook 'OnEvicted' of '{0}' {1}; declare it as 'partial void OnEvicted({2})' (nothing is generated for '{0}' while the hook is wrong)",
        "A [Bounded] type hears about the entries its bounds remove by declaring the partial method OnEvicted, which the generated code calls once per evicted entry. The generator can call it only if it is an instance partial method that returns void and takes the evicted entry and the reason, so a method named OnEvicted of any other shape leaves the type without a generated body.");

    public static readonly DiagnosticDescriptor MaxAgeInvalid = Create(
        DiagnosticIds.MaxAgeInvalid,
        "A maximum age must be one positive constant, in milliseconds or in seconds",
        "[Bounded] on '{0}' {1}; set one of MaxAgeMilliseconds or MaxAgeSeconds to a positive constant, such as [Bounded(MaxLength = 1000, MaxAgeSeconds = 30)] (nothing is generated for '{0}' until then)",
        "MaxAgeMilliseconds and MaxAgeSeconds give the age after which an entry expires. An age of zero or less would expire every entry as it is written, and two ages would contradict each other, so the type is left without a generated body until exactly one positive age is set.");

    public static readonly DiagnosticDescriptor MaxWeightInvalid = Create(
        DiagnosticIds.MaxWeightInvalid,
        "A maximum weight must be a positive constant, on a dictionary or a set",
        "[Bounded] on '{0}' {1} (nothing is generated for '{0}' until then)",
        "MaxWeight bounds the total weight of a dictionary's or a set's entries, as its weigher measures them. A weight of zero or less would refuse every entry, so the type is left without a generated body until MaxWeight is a positive constant. A queue is bounded by its length: weigh what it holds before it is queued, or keep the weighed entries in a dictionary.");

    public static readonly DiagnosticDescriptor WeigherInvalid = Create(
        DiagnosticIds.WeigherInvalid,
        "A maximum weight needs a static Weigh method of the right shape",
        "'{0}' sets MaxWeight but its weigher {1}; declare it as '{2}' (nothing is generated for '{0}' until then)",
        "A type declared with MaxWeight weighs each entry once, when it is stored, by calling its own static Weigh method: 'static partial int Weigh(T item)' on a set, 'static partial int Weigh(TKey key, TValue value)' on a dictionary. It returns the entry's weight, 0 or more, in the unit MaxWeight counts. Without it, or with another shape, the generated code could not weigh an entry, so the type is left without a generated body.");

    public static readonly DiagnosticDescriptor UnboundedCollection = CreateReliability(
        DiagnosticIds.UnboundedCollection,
        "A long-lived collection grows without limit",
        "'{0}' in '{1}' grows without limit: {2}; {3}; " + BoundItAdvice,
        "A static field, and a class that lives as long as the process (a singleton held by a static field or registered with AddSingleton, a hosted service, middleware, a [BoundedTracker] or a class named with a tracker suffix the project declares, and whatever such a class holds in its fields), keep their collections for the life of the process. A collection there that the class adds to and never shrinks under a size check holds every entry ever added: a memory leak that production traffic finds.");

    public static readonly DiagnosticDescriptor BoundedOnlyByManualCleanup = CreateReliability(
        DiagnosticIds.BoundedOnlyByManualCleanup,
        "A long-lived collection is bounded only by a cleanup somebody must call",
        "'{0}' in '{1}' is bounded only by manual cleanup: {2}, and nothing on the add path calls {3}; {4}; " + BoundItAdvice,
        "The collection shrinks only in a separate method (a ClearHistory, a CleanupOldPatterns) that no method adding to it calls. It stays bounded only while every user of the class remembers to call that method often enough; one who does not has a leak.");

    public static readonly DiagnosticDescriptor CapacityIsNotABound = CreateReliability(
        DiagnosticIds.CapacityIsNotABound,
        "A collection's capacity argument is not a bound",
        "'{0}' in '{1}' is created with capacity {2}, but the constructor's argument only pre-sizes a {3}: {4}, and it grows past {2}; {5}; " + BoundItAdvice,
        "The capacity argument of List<T>, Dictionary<TKey, TValue>, HashSet<T>, Queue<T> and their relatives sets the size of the first internal array. The collection grows past it as soon as more is added; it reads like a bound and is not one.");

    public static readonly DiagnosticDescriptor UnboundedQueuePrimitive = CreateReliability(
        DiagnosticIds.UnboundedQueuePrimitive,
        "A long-lived producer/consumer queue has no bound",
        "'{0}' in '{1}' holds {2}, which queues without limit when its consumer falls behind; {3}",
        "An unbounded channel, a BlockingCollection<T> without a bounded capacity or a TPL Dataflow block without BoundedCapacity accepts every item a producer offers. When the consumer is slower than the producers, even for a while, the queue grows until the process runs out of memory.");

    public static readonly DiagnosticDescriptor ChannelDropsSilently = CreateReliability(
        DiagnosticIds.ChannelDropsSilently,
        "A bounded channel silently drops items that somebody waits on",
        "This channel drops items when it is full (BoundedChannelFullMode.{0}) and no itemDropped callback sees them; a dropped '{1}' {2}, {3}; pass an itemDropped callback that completes, cancels or runs it, or use BoundedChannelFullMode.Wait",
        "A bounded channel in a Drop mode discards an item whenever it is full. When the item carries a TaskCompletionSource, a value-task source or a delegate (an acknowledgement, a reply, a work item) and no itemDropped callback sees the drop, whoever waits on it waits forever. Items that are plain data are not reported: losing some is the trade the drop mode states.");

    public static readonly DiagnosticDescriptor UnboundedElementState = CreateReliability(
        DiagnosticIds.UnboundedElementState,
        "State kept per entry of a tracker grows without limit",
        "'{0}' in '{1}' grows without limit: {2}; '{3}' keeps a '{1}' per entry, so the tracker grows with every entry's '{0}'; " + BoundItAdvice,
        "A tracker's collection may be bounded in entries while each entry holds a collection that is not: the Python StreamState kept every token of every stream. The tracker's memory is then the bound times whatever the largest entry grew to.",
        // Reported once the whole compilation is analyzed: the element type and the tracker may be in different files.
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor EntriesOutliveTheirOperations = CreateReliability(
        DiagnosticIds.EntriesOutliveTheirOperations,
        "Entries outlive the operations they belong to",
        "'{0}' in '{1}' keeps the entries of operations that have ended: {2}; {3}; remove the entry where its operation ends, or bound it with a [Bounded] type, or mark it [AllowUnbounded(\"reason\")]",
        "A class that removes an operation's entry from one collection when the operation ends (a request completes, a subscriber leaves), or that looks the entry up at that moment, lives longer than its operations. Another collection it fills for the same operations and never removes from keeps one entry per operation ever started, for as long as the object lives: whatever that lifetime is, the entries of finished operations pile up in it.",
        // Reported once the whole compilation is analyzed: only classes that nothing shows long-lived are judged this way.
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor RequestsKeptUntilALaterCall = CreateReliability(
        DiagnosticIds.RequestsKeptUntilALaterCall,
        "A map keyed by requests keeps each one until a later call removes it",
        "'{0}' in '{1}' keeps each '{2}' it is keyed by until a later call removes it: {3}; a request whose end never reaches that call (it failed first, or was abandoned) stays, with everything it references, for as long as the '{1}' lives; key it in a ConditionalWeakTable, which lets the entry go with its '{2}', remove it in a finally of the call that adds it, or mark it [AllowUnbounded(\"reason\")]",
        "A long-lived listener, middleware or handler that keeps state per request in a map keyed by the request object itself (an HttpContext, an HttpRequestMessage, an Activity) and takes the entry out only when a later call reports the request's end (a Stop event, an end callback) holds every request whose end is not reported: an exception before the end event, an event that is not raised, an abandoned request. Each such entry keeps the whole request alive (its body, its services, its response). A ConditionalWeakTable keyed by the request lets the entry go when the request is collected, whether or not its end was seen.",
        // Reported once the whole compilation is analyzed, with the other findings about instance members.
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>
    /// BND001, BND002 and BND003 as reported once the whole compilation is analyzed: for a class that is long-lived
    /// only because other code holds or registers it (the IDE shows these in full-solution analysis and builds).
    /// </summary>
    public static readonly DiagnosticDescriptor UnboundedCollectionAtEnd = ReportedAtCompilationEnd(UnboundedCollection);

    /// <inheritdoc cref="UnboundedCollectionAtEnd"/>
    public static readonly DiagnosticDescriptor BoundedOnlyByManualCleanupAtEnd = ReportedAtCompilationEnd(BoundedOnlyByManualCleanup);

    /// <inheritdoc cref="UnboundedCollectionAtEnd"/>
    public static readonly DiagnosticDescriptor CapacityIsNotABoundAtEnd = ReportedAtCompilationEnd(CapacityIsNotABound);

    public static readonly DiagnosticDescriptor SuppressionWithoutJustification = CreateReliability(
        DiagnosticIds.SuppressionWithoutJustification,
        "[AllowUnbounded] needs a justification",
        "[AllowUnbounded] on '{0}' gives no reason; say why it cannot grow without limit, such as [AllowUnbounded(\"one entry per configured model\")]",
        "[AllowUnbounded] turns off the unbounded-collection rules for a member. The justification is the record of why that is safe; an empty one leaves the next reader to guess.");

    private static DiagnosticDescriptor ReportedAtCompilationEnd(DiagnosticDescriptor descriptor)
    {
        return CreateReliability(
            descriptor.Id,
            descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture),
            descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture),
            WellKnownDiagnosticTags.CompilationEnd);
    }

    public static readonly DiagnosticDescriptor AgeSweepCouldBeMaxAge = new(
        DiagnosticIds.AgeSweepCouldBeMaxAge,
        "A sweep by age of a bounded collection can be its maximum age",
        "This RemoveWhere removes the entries of '{0}' older than {1}; declare {2} in its [Bounded] attribute, and expired entries are never returned and leave as the collection is used",
        ReliabilityCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "A hand-written sweep keeps entries past their age until it runs, and returns them to every read before that. A maximum age declared on the type hides expired entries from every read and removes them as the collection is used, in age order, counting them.",
        helpLinkUri: HelpLinkBase + DiagnosticIds.AgeSweepCouldBeMaxAge + ".md");

    private static DiagnosticDescriptor CreateReliability(
        string id,
        string title,
        string messageFormat,
        string description,
        params string[] customTags)
    {
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            ReliabilityCategory,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: customTags);
    }

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string description,
        DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            UsageCategory,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinkBase + id + ".md");
    }
}
