using FakeAI.Bounds.Generators.Model;

namespace FakeAI.Bounds.Generators.Emitting;

internal static partial class TrackerEmitter
{
    private const string Meter = "global::System.Diagnostics.Metrics.Meter";

    private const string Measurement = "global::System.Diagnostics.Metrics.Measurement";

    private const string Tag = "global::System.Collections.Generic.KeyValuePair<string, object?>";

    // RegisterBoundsMetrics(Meter). Meter is in the box from .NET 6 on; older targets get no metrics member rather than
    // a package dependency.
    //
    // The callbacks run for as long as the meter lives, so they hold the tracker through a weak reference: a memory-
    // bounds product must not keep a tracker alive because its metrics were registered. They are created in a static
    // method, so that no callback can capture 'this'.
    //
    // Instrument kinds follow OpenTelemetry: entries held and capacity are current values that add up across members
    // and trackers, so up-down counters (.NET 7 on; a gauge on .NET 6, which lacks them); evictions and drops only
    // grow, so counters.
    private static void WriteMetrics(SourceWriter writer, TrackerModel model)
    {
        writer.Line("#if NET6_0_OR_GREATER");
        WriteRegisterBoundsMetrics(writer, model);
        writer.BlankLine();
        WriteRegisterInstruments(writer, model);
        writer.BlankLine();
        WriteObserve(writer, model);

        // The directive follows the last member's closing brace directly: no blank line asked for before it.
        writer.Line("#endif");
        writer.BlankLine();
    }

    private static void WriteRegisterBoundsMetrics(SourceWriter writer, TrackerModel model)
    {
        string tracker = model.NameWithTypeParameters;
        writer.Lines($$"""
            /// <summary>
            /// Publishes how full each bounded member of this tracker is as observable instruments of <paramref name="meter"/>,
            /// so that the bounds show up in OpenTelemetry and dotnet-counters like any other .NET metric:
            /// <c>fakeai.bounds.count</c> (entries held), <c>fakeai.bounds.capacity</c> (the most entries that can be held),
            /// <c>fakeai.bounds.evicted</c> and <c>fakeai.bounds.dropped</c> (entries evicted or rejected so far). Each reports one
            /// measurement per bounded member, tagged <c>tracker</c> = <c>{{model.Name}}</c> and <c>member</c> = the member's name.
            /// </summary>
            /// <remarks>
            /// The instruments reach this tracker through a weak reference: registering its metrics never keeps it alive, and
            /// once it has been collected they report nothing. They live as long as <paramref name="meter"/>, so register a
            /// tracker once.
            /// </remarks>
            /// <param name="meter">The meter that creates the instruments.</param>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="meter"/> is <see langword="null"/>.</exception>
            {{GeneratedCode}}
            public void RegisterBoundsMetrics({{Meter}} meter)
            {
                if (meter is null)
                {
                    throw new global::System.ArgumentNullException(nameof(meter));
                }

                BndRegisterMetrics(meter, new global::System.WeakReference<{{tracker}}>(this));
            }
            """);
    }

    private static void WriteRegisterInstruments(SourceWriter writer, TrackerModel model)
    {
        string tracker = model.NameWithTypeParameters;
        writer.Lines($$"""
            /// <summary>Creates the instruments; static, so that no callback can capture <see langword="this"/>.</summary>
            {{GeneratedCode}}
            private static void BndRegisterMetrics({{Meter}} meter, global::System.WeakReference<{{tracker}}> reference)
            {
            #if NET7_0_OR_GREATER
                meter.CreateObservableUpDownCounter<int>(
            #else
                meter.CreateObservableGauge<int>(
            #endif
                    "fakeai.bounds.count",
                    () => BndObserve<int>(reference, bound => bound.Count),
                    unit: "{entry}",
                    description: "The entries a bounded member of a [BoundedTracker] class holds.");
            #if NET7_0_OR_GREATER
                meter.CreateObservableUpDownCounter<int>(
            #else
                meter.CreateObservableGauge<int>(
            #endif
                    "fakeai.bounds.capacity",
                    () => BndObserve<int>(reference, bound => bound.Capacity),
                    unit: "{entry}",
                    description: "The most entries a bounded member of a [BoundedTracker] class can hold.");
                meter.CreateObservableCounter<long>(
                    "fakeai.bounds.evicted",
                    () => BndObserve<long>(reference, bound => bound.Evicted),
                    unit: "{entry}",
                    description: "The entries a bounded member of a [BoundedTracker] class evicted to make room for new ones.");
                meter.CreateObservableCounter<long>(
                    "fakeai.bounds.dropped",
                    () => BndObserve<long>(reference, bound => bound.Dropped),
                    unit: "{entry}",
                    description: "The entries a bounded member of a [BoundedTracker] class rejected because it was full.");
            """);

        // Only a tracker with a member that has a maximum age publishes expiries, so that the others keep their code.
        if (HasMemberWithMaxAge(model))
        {
            writer.Lines("""
                    meter.CreateObservableCounter<long>(
                        "fakeai.bounds.expired",
                        () => BndObserve<long>(reference, bound => bound.Expired),
                        unit: "{entry}",
                        description: "The entries a bounded member of a [BoundedTracker] class removed because they reached its maximum age.");
                """);
        }

        // Likewise only a tracker with a weighted member publishes weights.
        if (HasMemberWithMaxWeight(model))
        {
            writer.Lines("""
                #if NET7_0_OR_GREATER
                    meter.CreateObservableUpDownCounter<long>(
                #else
                    meter.CreateObservableGauge<long>(
                #endif
                        "fakeai.bounds.weight",
                        () => BndObserve<long>(reference, bound => bound.Weight),
                        unit: "{weight}",
                        description: "The total weight of the entries a bounded member of a [BoundedTracker] class holds, in the unit of its weigher; 0 for a member that weighs none.");
                #if NET7_0_OR_GREATER
                    meter.CreateObservableUpDownCounter<long>(
                #else
                    meter.CreateObservableGauge<long>(
                #endif
                        "fakeai.bounds.max_weight",
                        () => BndObserve<long>(reference, bound => bound.MaxWeight),
                        unit: "{weight}",
                        description: "The most total weight a bounded member of a [BoundedTracker] class can hold; 0 for a member that weighs none.");
                """);
        }

        writer.Line("}");
    }

    private static bool HasMemberWithMaxWeight(TrackerModel model)
    {
        foreach (TrackerMemberModel member in model.Members)
        {
            if (member.HasMaxWeight)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasMemberWithMaxAge(TrackerModel model)
    {
        foreach (TrackerMemberModel member in model.Members)
        {
            if (member.HasMaxAge)
            {
                return true;
            }
        }

        return false;
    }

    private static void WriteObserve(SourceWriter writer, TrackerModel model)
    {
        string tracker = model.NameWithTypeParameters;
        writer.Lines($$"""
            /// <summary>One measurement per bounded member of the tracker, or none once the tracker has been collected.</summary>
            {{GeneratedCode}}
            private static global::System.Collections.Generic.IEnumerable<{{Measurement}}<TBndValue>> BndObserve<TBndValue>(
                global::System.WeakReference<{{tracker}}> reference,
                global::System.Func<{{Snapshot}}, TBndValue> select)
                where TBndValue : struct
            {
                if (!reference.TryGetTarget(out {{tracker}}? tracker))
                {
                    return global::System.Array.Empty<{{Measurement}}<TBndValue>>();
                }

                {{Snapshot}}[] bounds = tracker.GetBounds();
                var measurements = new {{Measurement}}<TBndValue>[bounds.Length];
                for (int i = 0; i < bounds.Length; i++)
                {
                    measurements[i] = new {{Measurement}}<TBndValue>(
                        select(bounds[i]),
                        new {{Tag}}("tracker", "{{model.Name}}"),
                        new {{Tag}}("member", bounds[i].Name));
                }

                return measurements;
            }
            """);
    }
}
