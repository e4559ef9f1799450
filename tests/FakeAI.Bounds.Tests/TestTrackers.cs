// The [BoundedTracker] classes the tracker tests run against, and the [Bounded] queues they hold. The generator
// referenced as an analyzer writes both at build time, so the tests exercise the generated members as a consumer
// compiles them. The MaxLengths differ from one another so that every sum and snapshot below is unambiguous.
using FakeAI.Bounds;
using Xunit;

namespace FakeAI.Bounds.Tests
{
    [Bounded(MaxLength = 8)]
    public sealed partial class TrackedErrors : IBoundedQueue<string>;

    [Bounded(MaxLength = 4, Overflow = OverflowPolicy.DropNewest)]
    public sealed partial class TrackedEvents : IBoundedQueue<int>;

    [Bounded(MaxLength = 3, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    public sealed partial class TrackedStreams : IBoundedQueue<Payload>;

    /// <summary>
    /// A tracker with every kind of bounded member: an instance field, an instance property created with a smaller
    /// capacity than its type's MaxLength, a property left null, a static field and a static property.
    /// </summary>
    [BoundedTracker]
    public sealed partial class ServiceTracker
    {
        private readonly TrackedErrors _errors = new TrackedErrors();

        /// <summary>The static members, shared by every instance; tests that use them run one at a time.</summary>
        internal static TrackedStreams? SharedStreams;

        public TrackedEvents Events { get; } = new TrackedEvents(capacity: 2);

        public TrackedErrors? Pending { get; set; }

        internal static TrackedEvents SharedEvents { get; set; } = new TrackedEvents();

        /// <summary>Not a bounded member: left out of every generated member.</summary>
        public int Requests { get; set; }

        public void RecordError(string error) => _errors.Add(error);

        /// <summary>Gives the static members fresh instances, so that a test sees only its own counts.</summary>
        public static void ResetShared()
        {
            SharedStreams = new TrackedStreams();
            SharedEvents = new TrackedEvents();
        }
    }

    /// <summary>A generic tracker, nested in a partial class, whose member type is a generic bounded queue.</summary>
    public static partial class TrackerHost
    {
        [BoundedTracker]
        public sealed partial class WindowTracker<T>
        {
            public Window<T> Recent { get; } = new Window<T>(capacity: 3);
        }
    }

    /// <summary>Runs the test classes that use <see cref="ServiceTracker"/>'s static members one at a time.</summary>
    [CollectionDefinition(Name)]
    public sealed class TrackerStaticState
    {
        public const string Name = "Tracker static state";
    }
}
