using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Samples.Tests;

/// <summary>
/// Drives a tracker for many operations with random ids and measures the retained heap after half, after 90 % and after
/// all of them. A tracker whose state is bounded reaches its steady state long before half-way, so neither the second
/// half nor the last 10 % retain anything more; a tracker that keeps something per operation keeps growing. Both spans
/// are checked because a growing <c>List</c> retains memory in steps (it doubles its array): a short span can fall
/// between two steps, a half cannot.
/// </summary>
internal static class Soak
{
    /// <summary>The operations a soak of a bounded tracker runs.</summary>
    public const int Operations = 1_000_000;

    /// <summary>
    /// The most the heap may grow over the last 10 % of a soak (and over its second half) and still count as flat:
    /// 256 KB, less than 2.7 bytes per operation of the last 100,000. Keeping one 24-byte reference per operation would
    /// already be ten times that.
    /// </summary>
    public const long FlatMargin = 256 * 1024;

    /// <summary>Runs <paramref name="operations"/> steps, measuring the heap after 50 %, 90 % and 100 % of them.</summary>
    /// <param name="operations">How many steps to run.</param>
    /// <param name="seed">The seed of the random ids, so that a run can be repeated.</param>
    /// <param name="step">One operation on the tracker.</param>
    /// <param name="settle">What to await before each measurement (a bus draining its queue), if anything.</param>
    /// <returns>The measurements.</returns>
    public static async Task<SoakResult> RunAsync(int operations, int seed, Action<Random> step, Func<Task>? settle = null)
    {
        var random = new Random(seed);
        int half = operations / 2;
        int ninetyPercent = operations / 10 * 9;
        long atHalf = await RunAndMeasureAsync(random, step, half, settle);
        long atNinety = await RunAndMeasureAsync(random, step, ninetyPercent - half, settle);
        long atEnd = await RunAndMeasureAsync(random, step, operations - ninetyPercent, settle);
        return new SoakResult(operations, atHalf, atNinety, atEnd);
    }

    private static async Task<long> RunAndMeasureAsync(Random random, Action<Random> step, int count, Func<Task>? settle)
    {
        RunSteps(random, step, count);
        if (settle is not null)
        {
            await settle();
        }

        return Heap.RetainedBytes();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RunSteps(Random random, Action<Random> step, int count)
    {
        for (int i = 0; i < count; i++)
        {
            step(random);
        }
    }
}

/// <summary>What a soak measured.</summary>
/// <param name="Operations">The operations run.</param>
/// <param name="AtHalf">The retained heap after half of them.</param>
/// <param name="AtNinetyPercent">The retained heap after 90 % of them.</param>
/// <param name="AtEnd">The retained heap after all of them.</param>
internal sealed record SoakResult(int Operations, long AtHalf, long AtNinetyPercent, long AtEnd)
{
    /// <summary>What the last 10 % of the operations added to the retained heap.</summary>
    public long LastTenPercentGrowth => AtEnd - AtNinetyPercent;

    /// <summary>What the second half of the operations added to the retained heap.</summary>
    public long SecondHalfGrowth => AtEnd - AtHalf;

    /// <summary>Whether neither the last 10 % nor the second half grew the heap by <see cref="Soak.FlatMargin"/> or more.</summary>
    public bool IsFlat => LastTenPercentGrowth < Soak.FlatMargin && SecondHalfGrowth < Soak.FlatMargin;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Operations:N0} operations: {Heap.Kb(AtHalf)} retained at 50 %, {Heap.Kb(AtNinetyPercent)} at 90 %, {Heap.Kb(AtEnd)} at the end; "
        + $"growth {Heap.Kb(SecondHalfGrowth)} over the second half, {Heap.Kb(LastTenPercentGrowth)} over the last 10 % "
        + $"(flat means both under {Heap.Kb(Soak.FlatMargin)})";
}
