using System;
using System.Linq;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests;

/// <summary>
/// The generated tracker members, byte for byte: instance and static fields and properties, a member type from
/// another namespace and a nested one, a generic tracker in a record, and a tracker with no bounded member. A change
/// to the emitter shows up here as a reviewable diff of the committed snapshots.
/// </summary>
public class TrackerSnapshotTests
{
    [Fact]
    public void Tracker_with_instance_and_static_fields_and_properties_in_a_file_scoped_namespace()
    {
        Verify("""
            using FakeAI.Bounds;
            using App.Errors;

            namespace App.Errors
            {
                public sealed record ErrorRecord(string Code);

                [Bounded(MaxLength = 500)]
                public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord>;
            }

            namespace App.Streaming
            {
                [BoundedTracker]
                public sealed partial class StreamingTracker
                {
                    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
                    private sealed partial class ActiveStreams : IBoundedQueue<string>;

                    private readonly ActiveStreams _active = new ActiveStreams();

                    private static readonly RecentErrors SharedErrors = new RecentErrors(capacity: 50);

                    public RecentErrors? LastRun { get; set; }

                    internal static RecentErrors @event { get; } = new RecentErrors();

                    public int Requests { get; set; }
                }
            }
            """, "Tracker_InstanceAndStatic_FieldsAndProperties");
    }

    [Fact]
    public void Generic_tracker_nested_in_a_partial_record_in_the_global_namespace()
    {
        Verify("""
            using FakeAI.Bounds;

            [Bounded(MaxLength = 64)]
            public sealed partial class Window<T> : IBoundedQueue<T>;

            public partial record Host
            {
                [BoundedTracker]
                internal partial class Samples<T> where T : struct
                {
                    private readonly Window<T> _recent = new Window<T>();
                }
            }
            """, "Tracker_Generic_NestedInRecord_GlobalNamespace");
    }

    [Fact]
    public void Tracker_without_a_bounded_member()
    {
        Verify("""
            using FakeAI.Bounds;
            namespace App;
            [BoundedTracker]
            public partial class EmptyTracker
            {
                public int Requests { get; set; }
            }
            """, "Tracker_NoBoundedMember");
    }

    private static void Verify(string source, string snapshotName)
    {
        GeneratorRun run = TestCompilation.Generate(source);

        Assert.Empty(TestCompilation.WarningsAndErrors(run.Output));
        GeneratedSourceResult tracker = Assert.Single(run.GeneratedSources, generated => generated.HintName.Contains(".Tracker.", StringComparison.Ordinal));
        Snapshot.Match(tracker.SourceText.ToString(), snapshotName);
    }
}
