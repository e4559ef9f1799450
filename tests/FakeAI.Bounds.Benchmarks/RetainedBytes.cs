using System;
using System.Globalization;
using System.IO;

namespace FakeAI.Bounds.Benchmarks;

/// <summary>
/// The <c>--retained</c> mode: how much heap many full generated queues keep alive, per slot, against the same
/// number of plain <c>T[capacity]</c> arrays, which is the least any ring of that capacity can retain; and how much
/// many full generated maps keep alive, per entry, against the same number of full <c>Dictionary</c> + <c>Queue</c>
/// FIFO maps (the baseline of the map targets). Measured after full compacting collections, so that the arrays a collection
/// outgrew while filling up do not count.
/// </summary>
/// <remarks>
/// Two readings are taken around the same allocations. The primary one is the live heap reported by
/// <see cref="GC.GetGCMemoryInfo()"/> (heap size minus fragmentation) after a forced compacting full collection,
/// which is exact to the byte here. <see cref="GC.GetTotalMemory(bool)"/> with a full collection is shown too, as the
/// common way to measure this, but it is an estimate that can be several KB off per reading (about 0.5% of 200 arrays of 1,000
/// slots; it reported plain <c>long[1000]</c> arrays at 8.000 bytes per slot, under their true 8,024-byte size).
/// </remarks>
internal static class RetainedBytes
{
    /// <summary>How many collections are kept alive per measurement.</summary>
    public const int Instances = 200;

    /// <summary>The target: retained bytes per slot at most this multiple of a plain array's.</summary>
    public const double TargetRatio = 1.05;

    /// <summary>The map target: retained bytes per entry at most this multiple of the Dictionary + Queue baseline's.</summary>
    public const double MapTargetRatio = 1.00;

    private static readonly int[] Capacities = [1_000, 1_024];

    public static int Run(TextWriter output)
    {
        output.WriteLine($"Retained heap of {Instances} full collections, per slot, median of 3 measurements.");
        output.WriteLine("Bytes per slot and Ratio: live heap after a compacting full GC (GC.GetGCMemoryInfo, exact).");
        output.WriteLine("GetTotalMemory ratio: the same by GC.GetTotalMemory(true), an estimate (a few KB per reading).");
        output.WriteLine();
        output.WriteLine("| Items | Capacity | Collection | Bytes per slot | Ratio to T[] | GetTotalMemory ratio | Target ≤ 1.05× |");
        output.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | --- |");

        bool allMet = true;
        foreach (int capacity in Capacities)
        {
            Item[] pool = Item.CreatePool(capacity);
            allMet &= Report(output, "long", capacity, [
                ("long[capacity]", () => new long[capacity]),
                ("generated", () => FullGeneratedLongQueue(capacity)),
                ("generated ThreadSafe", () => FullGeneratedConcurrentLongQueue(capacity)),
            ]);
            allMet &= Report(output, "Item (class)", capacity, [
                ("Item[capacity]", () => FilledArray(pool)),
                ("generated", () => FullGeneratedItemQueue(pool)),
                ("generated ThreadSafe", () => FullGeneratedConcurrentItemQueue(pool)),
            ]);
        }

        output.WriteLine();
        output.WriteLine(allMet
            ? $"Every generated queue retains at most {TargetRatio.ToString("0.00", CultureInfo.InvariantCulture)}× a plain array per slot."
            : $"Some generated queue retains more than {TargetRatio.ToString("0.00", CultureInfo.InvariantCulture)}× a plain array per slot.");

        output.WriteLine();
        RunMaps(output);
        return 0;
    }

    // Maps: capacity 1,000, filled with 1.5 × capacity distinct keys so that they have evicted. The keys and values
    // are allocated once, before measuring, and shared by all instances (a string key is the same string object in
    // every map, the object value one object), so that what is counted is the containers: buckets, entries, queue
    // slots, list nodes. The first row of each table is the baseline; the Dictionary + LinkedList LRU is shown for
    // comparison and is not held to the target.
    private static void RunMaps(TextWriter output)
    {
        const int capacity = MapData.Capacity;
        const int filled = capacity + (capacity / 2);
        string target = MapTargetRatio.ToString("0.00", CultureInfo.InvariantCulture);
        output.WriteLine($"Retained heap of {Instances} full maps of capacity {capacity:N0}, per entry, median of 3 measurements; keys and values shared, so the containers are compared.");
        output.WriteLine();
        output.WriteLine($"| Keys → values | Capacity | Map | Bytes per entry | Ratio to Dictionary + Queue | GetTotalMemory ratio | Target ≤ {target}× |");
        output.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | --- |");

        int[] intKeys = MapData.IntKeys(filled);
        string[] stringKeys = MapData.StringKeys(filled);
        object value = new Item(0);

        bool allMet = Report(output, "int → long", capacity, MapTargetRatio, [
            ("Dictionary + Queue", true, () => Fill(new DictionaryQueueIntMap(capacity), intKeys, static (m, k, i) => m.Set(k, i))),
            ("generated FIFO", true, () => Fill(new GeneratedFifoIntMap(capacity), intKeys, static (m, k, i) => m[k] = i)),
            ("generated FIFO ThreadSafe", true, () => Fill(new GeneratedConcurrentFifoIntMap(capacity), intKeys, static (m, k, i) => m[k] = i)),
            ("generated LRU", true, () => Fill(new GeneratedLruIntMap(capacity), intKeys, static (m, k, i) => m[k] = i)),
            ("generated LRU ThreadSafe", true, () => Fill(new GeneratedConcurrentLruIntMap(capacity), intKeys, static (m, k, i) => m[k] = i)),
            ("Dictionary + LinkedList LRU", false, () => Fill(new LinkedListLruIntMap(capacity), intKeys, static (m, k, i) => m.Set(k, i))),
        ]);
        allMet &= Report(output, "string → object", capacity, MapTargetRatio, [
            ("Dictionary + Queue", true, () => Fill(new DictionaryQueueStringMap(capacity), stringKeys, (m, k, _) => m.Set(k, value))),
            ("generated FIFO", true, () => Fill(new GeneratedFifoStringMap(capacity), stringKeys, (m, k, _) => m[k] = value)),
            ("generated FIFO ThreadSafe", true, () => Fill(new GeneratedConcurrentFifoStringMap(capacity), stringKeys, (m, k, _) => m[k] = value)),
            ("generated LRU", true, () => Fill(new GeneratedLruStringMap(capacity), stringKeys, (m, k, _) => m[k] = value)),
            ("generated LRU ThreadSafe", true, () => Fill(new GeneratedConcurrentLruStringMap(capacity), stringKeys, (m, k, _) => m[k] = value)),
            ("Dictionary + LinkedList LRU", false, () => Fill(new LinkedListLruStringMap(capacity), stringKeys, (m, k, _) => m.Set(k, value))),
        ]);

        output.WriteLine();
        output.WriteLine(allMet
            ? $"Every generated map retains at most {target}× the Dictionary + Queue baseline per entry."
            : $"Some generated map retains more than {target}× the Dictionary + Queue baseline per entry.");
    }

    // The first entry is the plain array every other entry is compared with.
    private static bool Report(TextWriter output, string items, int capacity, (string Name, Func<object> Create)[] entries)
    {
        var judged = new (string Name, bool Judged, Func<object> Create)[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            judged[i] = (entries[i].Name, true, entries[i].Create);
        }

        return Report(output, items, capacity, TargetRatio, judged);
    }

    // The first entry is the baseline every other entry is compared with; entries not Judged are shown but not held
    // to the target.
    private static bool Report(TextWriter output, string items, int capacity, double targetRatio, (string Name, bool Judged, Func<object> Create)[] entries)
    {
        double slots = (double)Instances * capacity;
        double baselinePerSlot = 0;
        double baselineEstimatePerSlot = 0;
        bool met = true;
        foreach ((string name, bool judged, Func<object> create) in entries)
        {
            (long exact, long estimate) = Median(create);
            double perSlot = exact / slots;
            double estimatePerSlot = estimate / slots;
            bool isBaseline = baselinePerSlot == 0;
            if (isBaseline)
            {
                baselinePerSlot = perSlot;
                baselineEstimatePerSlot = estimatePerSlot;
            }

            double ratio = perSlot / baselinePerSlot;
            double estimateRatio = estimatePerSlot / baselineEstimatePerSlot;
            string verdict = isBaseline ? "(baseline)" : !judged ? "(comparison)" : ratio <= targetRatio ? "met" : "NOT met";
            met &= isBaseline || !judged || ratio <= targetRatio;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {items} | {capacity:N0} | {name} | {perSlot:0.000} | {ratio:0.000} | {estimateRatio:0.000} | {verdict} |"));
        }

        return met;
    }

    private static (long Exact, long Estimate) Median(Func<object> create)
    {
        Retained(create); // warm-up: JIT and type loading out of the way
        (long Exact, long Estimate)[] samples = [Retained(create), Retained(create), Retained(create)];
        long[] exact = [samples[0].Exact, samples[1].Exact, samples[2].Exact];
        long[] estimate = [samples[0].Estimate, samples[1].Estimate, samples[2].Estimate];
        Array.Sort(exact);
        Array.Sort(estimate);
        return (exact[1], estimate[1]);
    }

    private static (long Exact, long Estimate) Retained(Func<object> create)
    {
        var keep = new object[Instances];
        long estimateBefore = GC.GetTotalMemory(forceFullCollection: true);
        long exactBefore = LiveHeapBytes();
        for (int i = 0; i < keep.Length; i++)
        {
            keep[i] = create();
        }

        long estimateAfter = GC.GetTotalMemory(forceFullCollection: true);
        long exactAfter = LiveHeapBytes();
        GC.KeepAlive(keep);
        return (exactAfter - exactBefore, estimateAfter - estimateBefore);
    }

    private static long LiveHeapBytes()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GCMemoryInfo info = GC.GetGCMemoryInfo(GCKind.Any);
        return info.HeapSizeBytes - info.FragmentedBytes;
    }

    private static TMap Fill<TMap, TKey>(TMap map, TKey[] keys, Action<TMap, TKey, int> set)
    {
        for (int i = 0; i < keys.Length; i++)
        {
            set(map, keys[i], i);
        }

        return map;
    }

    // Each queue is filled one and a half times over, so that it has wrapped and evicted: a steady-state queue.
    private static GeneratedLongQueue FullGeneratedLongQueue(int capacity)
    {
        var queue = new GeneratedLongQueue(capacity);
        for (int i = 0; i < capacity + (capacity / 2); i++)
        {
            queue.Add(i);
        }

        return queue;
    }

    private static GeneratedConcurrentLongQueue FullGeneratedConcurrentLongQueue(int capacity)
    {
        var queue = new GeneratedConcurrentLongQueue(capacity);
        for (int i = 0; i < capacity + (capacity / 2); i++)
        {
            queue.Add(i);
        }

        return queue;
    }

    private static Item[] FilledArray(Item[] pool)
    {
        var array = new Item[pool.Length];
        Array.Copy(pool, array, pool.Length);
        return array;
    }

    private static GeneratedItemQueue FullGeneratedItemQueue(Item[] pool)
    {
        var queue = new GeneratedItemQueue(pool.Length);
        for (int i = 0; i < pool.Length + (pool.Length / 2); i++)
        {
            queue.Add(pool[i % pool.Length]);
        }

        return queue;
    }

    private static GeneratedConcurrentItemQueue FullGeneratedConcurrentItemQueue(Item[] pool)
    {
        var queue = new GeneratedConcurrentItemQueue(pool.Length);
        for (int i = 0; i < pool.Length + (pool.Length / 2); i++)
        {
            queue.Add(pool[i % pool.Length]);
        }

        return queue;
    }
}
