using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests;

/// <summary>
/// The generated source, byte for byte, for one declaration of each policy and each thread-safety mode. A change to
/// the emitter shows up here as a reviewable diff of the committed snapshots.
/// </summary>
public class SnapshotTests
{
    [Fact]
    public void DropOldest_queue_of_a_value_type_in_a_block_namespace()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Metrics
            {
                [Bounded(MaxLength = 1000)]
                public sealed partial class LatencySamples : IBoundedQueue<long>
                {
                }
            }
            """, "DropOldest_Long_BlockNamespace");
    }

    [Fact]
    public void DropNewest_queue_of_nullable_references_in_a_file_scoped_namespace()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Events;

            [Bounded(MaxLength = 10000, Overflow = OverflowPolicy.DropNewest)]
            internal partial class PendingEvents : IBoundedQueue<string?>;
            """, "DropNewest_NullableString_FileScopedNamespace");
    }

    [Fact]
    public void Throw_queue_that_is_thread_safe_nested_in_a_partial_type()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Streaming;

            public sealed record StreamState(string Id);

            public partial class StreamingTracker
            {
                [Bounded(MaxLength = 100, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
                private sealed partial class ActiveStreams : IBoundedQueue<StreamState>;
            }
            """, "Throw_ThreadSafe_Nested");
    }

    [Fact]
    public void Generic_thread_safe_DropOldest_queue_in_the_global_namespace()
    {
        Verify("""
            using FakeAI.Bounds;

            [Bounded(MaxLength = 64, ThreadSafe = true)]
            public partial class Window<T> : IBoundedQueue<T> where T : notnull;
            """, "DropOldest_ThreadSafe_Generic_GlobalNamespace");
    }

    [Fact]
    public void DropOldest_dictionary_of_strings_to_longs()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Costs;

            [Bounded(MaxLength = 10000)]
            public sealed partial class CostPerApiKey : IBoundedDictionary<string, long>;
            """, "Dictionary_DropOldest_StringToLong");
    }

    [Fact]
    public void Least_recently_used_generic_dictionary_that_is_thread_safe()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Caching;

            [Bounded(MaxLength = 256, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
            public partial class Cache<TKey, TValue> : IBoundedDictionary<TKey, TValue> where TKey : notnull;
            """, "Dictionary_Lru_ThreadSafe_Generic");
    }

    [Fact]
    public void DropNewest_set_of_strings()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Errors;

            [Bounded(MaxLength = 1000, Overflow = OverflowPolicy.DropNewest)]
            public sealed partial class AffectedUsers : IBoundedSet<string>;
            """, "Set_DropNewest_String");
    }

    [Fact]
    public void Thread_safe_DropOldest_queue_with_an_eviction_hook_written_as_a_body_only()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Errors;

            public sealed record ErrorRecord(string Code);

            [Bounded(MaxLength = 500, ThreadSafe = true)]
            public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord>
            {
                public int Forgotten;

                partial void OnEvicted(ErrorRecord item, EvictionReason reason) => Forgotten++;
            }
            """, "Queue_DropOldest_ThreadSafe_EvictionHook");
    }

    [Fact]
    public void Least_recently_used_dictionary_with_an_eviction_hook_and_access_modifiers()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Costs;

            [Bounded(MaxLength = 1000, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
            public sealed partial class CostPerApiKey : IBoundedDictionary<string, long>
            {
                public long ForgottenCost;

                private partial void OnEvicted(string key, long value, EvictionReason reason)
                {
                    ForgottenCost += value;
                }
            }
            """, "Dictionary_Lru_EvictionHook");
    }

    [Fact]
    public void Thread_safe_least_recently_used_set_whose_hook_the_user_declares_and_implements()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Errors;

            [Bounded(MaxLength = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
            public sealed partial class AffectedUsers : IBoundedSet<string>
            {
                public int Forgotten;

                partial void OnEvicted(string item, EvictionReason reason);

                partial void OnEvicted(string item, EvictionReason reason) => System.Threading.Interlocked.Increment(ref Forgotten);
            }
            """, "Set_Lru_ThreadSafe_EvictionHook");
    }

    [Fact]
    public void DropNewest_queue_with_a_resizable_capacity_and_an_eviction_hook()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Events;

            [Bounded(MaxLength = 10000, Overflow = OverflowPolicy.DropNewest, ResizableCapacity = true)]
            public sealed partial class PendingEvents : IBoundedQueue<string>
            {
                public int Shed;

                partial void OnEvicted(string item, EvictionReason reason) => Shed++;
            }
            """, "Queue_DropNewest_Resizable_EvictionHook");
    }

    [Fact]
    public void Thread_safe_least_recently_used_generic_dictionary_with_a_resizable_capacity_and_an_eviction_hook()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Caching;

            [Bounded(MaxLength = 256, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true, ResizableCapacity = true)]
            public partial class Cache<TKey, TValue> : IBoundedDictionary<TKey, TValue> where TKey : notnull
            {
                public int Evictions;

                partial void OnEvicted(TKey key, TValue value, EvictionReason reason) => System.Threading.Interlocked.Increment(ref Evictions);
            }
            """, "Dictionary_Lru_ThreadSafe_Resizable_EvictionHook");
    }

    [Fact]
    public void Thread_safe_DropOldest_set_with_a_resizable_capacity()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Errors;

            [Bounded(MaxLength = 1000, ThreadSafe = true, ResizableCapacity = true)]
            public sealed partial class AffectedUsers : IBoundedSet<string>;
            """, "Set_DropOldest_ThreadSafe_Resizable");
    }

    [Fact]
    public void Queue_with_a_maximum_age_in_seconds_and_an_eviction_hook()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Streams;

            [Bounded(MaxLength = 500, MaxAgeSeconds = 300)]
            public sealed partial class UnfinishedStreams : IBoundedQueue<string>
            {
                public int Abandoned;

                partial void OnEvicted(string item, EvictionReason reason) => Abandoned++;
            }
            """, "Queue_DropOldest_MaxAge_EvictionHook");
    }

    [Fact]
    public void Least_recently_used_generic_dictionary_with_a_maximum_age_in_milliseconds()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Caching;

            [Bounded(MaxLength = 256, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, MaxAgeMilliseconds = 30_000)]
            public partial class Cache<TKey, TValue> : IBoundedDictionary<TKey, TValue> where TKey : notnull;
            """, "Dictionary_Lru_MaxAge");
    }

    [Fact]
    public void DropNewest_set_with_a_maximum_age_and_a_resizable_capacity()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Errors;

            [Bounded(MaxLength = 1000, Overflow = OverflowPolicy.DropNewest, MaxAgeSeconds = 3600, ResizableCapacity = true)]
            public sealed partial class AffectedUsers : IBoundedSet<string>;
            """, "Set_DropNewest_MaxAge_Resizable");
    }

    [Fact]
    public void Dictionary_with_a_maximum_weight_and_an_eviction_hook_thread_safe()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Caching;

            [Bounded(MaxLength = 1024, MaxWeight = 64 * 1024 * 1024, ThreadSafe = true)]
            public sealed partial class ResponseCache : IBoundedDictionary<string, byte[]>
            {
                private static partial int Weigh(string key, byte[] value) => value.Length;

                partial void OnEvicted(string key, byte[] value, EvictionReason reason) { }
            }
            """, "Dictionary_DropOldest_Weight_ThreadSafe_EvictionHook");
    }

    [Fact]
    public void LRU_set_with_a_maximum_weight_and_a_maximum_age()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Prompts;

            [Bounded(MaxLength = 500, MaxWeight = 100_000, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, MaxAgeSeconds = 600)]
            public sealed partial class RecentPrompts : IBoundedSet<string>
            {
                private static int Weigh(string item) => item.Length;
            }
            """, "Set_Lru_Weight_MaxAge");
    }

    [Fact]
    public void Thread_safe_LRU_dictionary_with_a_maximum_age_and_an_eviction_hook()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Errors;

            [Bounded(MaxLength = 10_000, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true, MaxAgeSeconds = 86_400)]
            public sealed partial class Patterns : IBoundedDictionary<string, int>
            {
                partial void OnEvicted(string key, int value, EvictionReason reason) { }
            }
            """, "Dictionary_Lru_ThreadSafe_MaxAge_EvictionHook");
    }

    [Fact]
    public void Thread_safe_queue_with_a_maximum_age_and_an_eviction_hook()
    {
        Verify("""
            using FakeAI.Bounds;

            namespace App.Streams;

            public sealed record StreamStart(string Id);

            [Bounded(MaxLength = 500, ThreadSafe = true, MaxAgeSeconds = 300)]
            public sealed partial class UnfinishedStreams : IBoundedQueue<StreamStart>
            {
                partial void OnEvicted(StreamStart item, EvictionReason reason) { }
            }
            """, "Queue_DropOldest_ThreadSafe_MaxAge_EvictionHook");
    }

    private static void Verify(string source, string snapshotName)
    {
        GeneratorRun run = TestCompilation.Generate(source);

        Assert.Empty(TestCompilation.WarningsAndErrors(run.Output));
        Snapshot.Match(run.SingleSource, snapshotName);
    }
}
