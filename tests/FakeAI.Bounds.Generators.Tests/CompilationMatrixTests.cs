using System.Collections.Generic;
using System.Linq;
using System.Text;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests;

/// <summary>
/// Every declaration shape, policy and thread-safety mode, compiled with every supported C# version at the highest
/// warning level with nullable analysis on: the generated code must produce no diagnostic at all, so that consumers
/// with TreatWarningsAsErrors never see one.
/// </summary>
public class CompilationMatrixTests
{
    private static readonly string[] Policies = ["DropOldest", "DropNewest", "Throw"];

    public static TheoryData<LanguageVersion> LanguageVersions() =>
    [
        LanguageVersion.CSharp8,
        LanguageVersion.CSharp9,
        LanguageVersion.CSharp10,
        LanguageVersion.CSharp11,
        LanguageVersion.CSharp12,
        LanguageVersion.CSharp13,
        LanguageVersion.CSharp14,
    ];

    [Theory]
    [MemberData(nameof(LanguageVersions))]
    public void Every_shape_compiles_without_any_diagnostic(LanguageVersion version)
    {
        List<string> sources = [BlockScopedShapes(), GlobalNamespaceShapes(), HookedShapes(), ExpiringShapes(), WeightedShapes()];
        if (version >= LanguageVersion.CSharp9)
        {
            sources.Add(WeightedPartialShapes());
        }

        if (version >= LanguageVersion.CSharp10)
        {
            sources.Add(FileScopedShapes());
        }

        CSharpCompilation input = TestCompilation.Create(sources, version);
        // Before generation the only errors are the interface members the generator is about to write, and the eviction
        // hooks written as bodies only, whose defining declarations it is about to write.
        Assert.All(TestCompilation.WarningsAndErrors(input), diagnostic => Assert.Contains(diagnostic.Id, new[] { "CS0535", "CS0759" }));

        GeneratorDriver driver = TestCompilation.CreateDriver(TestCompilation.ParseOptions(version))
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out var generatorDiagnostics);

        Assert.Empty(generatorDiagnostics);
        int declarations = sources.Sum(source => CountOccurrences(source, "[Bounded("));
        Assert.Equal(declarations, driver.GetRunResult().Results.Single().GeneratedSources.Length);
        Assert.Empty(TestCompilation.WarningsAndErrors(output));
    }

    [Fact]
    public void Frameworks_without_IsReferenceOrContainsReferences_get_code_that_still_compiles()
    {
        // Without the SDK's NETCOREAPP symbols the generated code takes its netstandard2.0 branches.
        CSharpCompilation input = TestCompilation.Create([BlockScopedShapes(), GlobalNamespaceShapes(), HookedShapes(), ExpiringShapes(), WeightedShapes()], LanguageVersion.CSharp8, sdkSymbols: false);
        TestCompilation.CreateDriver(TestCompilation.ParseOptions(LanguageVersion.CSharp8, sdkSymbols: false))
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);

        Assert.Empty(TestCompilation.WarningsAndErrors(output));
    }

    private static string BlockScopedShapes()
    {
        var source = new StringBuilder("""
            using FakeAI.Bounds;

            namespace Matrix.Block
            {
                public sealed class Payload { public string Text { get; set; } = ""; }
                public struct Sample { public string Label; public long Value; }

            """);

        foreach (string policy in Policies)
        {
            foreach (bool threadSafe in new[] { false, true })
            {
                string suffix = policy + (threadSafe ? "Safe" : "Plain");
                string args = $"MaxLength = 16, Overflow = OverflowPolicy.{policy}, ThreadSafe = {(threadSafe ? "true" : "false")}";
                source.Append($$"""
                        [Bounded({{args}})]
                        public sealed partial class Ints{{suffix}} : IBoundedQueue<int> { }

                        [Bounded({{args}})]
                        internal partial class Payloads{{suffix}} : IBoundedQueue<Payload> { }

                        [Bounded({{args}})]
                        public partial class NullableStrings{{suffix}} : IBoundedQueue<string?> { }

                        [Bounded({{args}})]
                        public partial class Samples{{suffix}} : IBoundedQueue<Sample> { }

                        [Bounded({{args}})]
                        public partial class Window{{suffix}}<T> : IBoundedQueue<T> { }

                        [Bounded({{args}})]
                        public sealed partial class Counts{{suffix}} : IBoundedDictionary<string, long> { }

                        [Bounded({{args}})]
                        internal partial class Lookup{{suffix}}<TKey, TValue> : IBoundedDictionary<TKey, TValue> where TKey : notnull { }

                        [Bounded({{args}})]
                        public partial class Users{{suffix}} : IBoundedSet<string> { }

                        [Bounded({{args}})]
                        public partial class Samples{{suffix}}Set : IBoundedSet<Sample> { }

                        [Bounded({{args}})]
                        public partial class Blobs{{suffix}} : IBoundedDictionary<byte[], int?[]> { }

                        public partial class Outer{{suffix}}<TKey> where TKey : notnull
                        {
                            internal partial struct Middle
                            {
                                [Bounded({{args}})]
                                private sealed partial class Keys : IBoundedQueue<TKey> { }

                                [Bounded({{args}})]
                                private sealed partial class KeySet : IBoundedSet<TKey> { }
                            }
                        }

                    """);
            }
        }

        source.Append("""
                [Bounded(MaxLength = 16, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
                public sealed partial class LruCache : IBoundedDictionary<int, Payload> { }

                [Bounded(MaxLength = 16, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
                public sealed partial class LruCacheSafe<TKey> : IBoundedDictionary<TKey, string> where TKey : notnull { }

                [Bounded(MaxLength = 16, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
                public sealed partial class LruSet : IBoundedSet<long> { }

                [Bounded(MaxLength = 16, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
                public sealed partial class LruSetSafe : IBoundedSet<string?> { }

            """);
        return source.Append("}\n").ToString();
    }

    // Every kind and policy with a maximum age (in milliseconds and in seconds), with and without a hook and SetCapacity,
    // single-threaded and thread-safe;
    // reference, nullable, value, array and generic entries.
    private static string ExpiringShapes()
    {
        var source = new StringBuilder("""
            using FakeAI.Bounds;

            namespace Matrix.Expiring
            {
                public sealed class Payload { public string Text { get; set; } = ""; }

            """);

        foreach (string policy in Policies.Append("EvictLeastRecentlyUsed"))
        {
            foreach (string age in new[] { "MaxAgeMilliseconds = 1500", "MaxAgeSeconds = 30" })
            {
                string suffix = policy + (age.StartsWith("MaxAgeSeconds", System.StringComparison.Ordinal) ? "Seconds" : "Milliseconds");
                string args = $"MaxLength = 16, Overflow = OverflowPolicy.{policy}, {age}";
                source.Append($$"""
                        [Bounded({{args}})]
                        public sealed partial class Set{{suffix}} : IBoundedSet<string?> { }

                        [Bounded({{args}}, ResizableCapacity = true)]
                        public sealed partial class HookedSet{{suffix}} : IBoundedSet<long>
                        {
                            partial void OnEvicted(long item, EvictionReason reason) { }
                        }

                        [Bounded({{args}})]
                        internal partial class Lookup{{suffix}}<TKey, TValue> : IBoundedDictionary<TKey, TValue> where TKey : notnull
                        {
                            partial void OnEvicted(TKey key, TValue value, EvictionReason reason) { }
                        }

                        [Bounded({{args}}, ResizableCapacity = true)]
                        public sealed partial class Blobs{{suffix}} : IBoundedDictionary<byte[], Payload?> { }

                        [Bounded({{args}}, ThreadSafe = true)]
                        public sealed partial class SafeSet{{suffix}} : IBoundedSet<string?> { }

                        [Bounded({{args}}, ThreadSafe = true, ResizableCapacity = true)]
                        public sealed partial class SafeHookedBlobs{{suffix}} : IBoundedDictionary<byte[], Payload?>
                        {
                            partial void OnEvicted(byte[] key, Payload? value, EvictionReason reason) { }
                        }

                        [Bounded({{args}}, ThreadSafe = true)]
                        internal partial class SafeLookup{{suffix}}<TKey, TValue> : IBoundedDictionary<TKey, TValue> where TKey : notnull
                        {
                            partial void OnEvicted(TKey key, TValue value, EvictionReason reason) { }
                        }

                    """);
                if (policy != "EvictLeastRecentlyUsed")
                {
                    source.Append($$"""
                            [Bounded({{args}}, ResizableCapacity = true)]
                            public partial class Window{{suffix}}<T> : IBoundedQueue<T>
                            {
                                partial void OnEvicted(T item, EvictionReason reason) { }
                            }

                            [Bounded({{args}})]
                            public sealed partial class Bytes{{suffix}} : IBoundedQueue<byte[]> { }

                            [Bounded({{args}}, ThreadSafe = true, ResizableCapacity = true)]
                            public partial class SafeWindow{{suffix}}<T> : IBoundedQueue<T>
                            {
                                partial void OnEvicted(T item, EvictionReason reason) { }
                            }

                            [Bounded({{args}}, ThreadSafe = true)]
                            public sealed partial class SafeBytes{{suffix}} : IBoundedQueue<byte[]> { }

                        """);
                }
            }
        }

        return source.Append("}\n").ToString();
    }

    // Every dictionary and set policy and thread-safety mode with a maximum weight, the weigher an ordinary static method
    // (as a project on C# 8 writes it), with and without a hook, SetCapacity and a maximum age;
    // reference, nullable, value, array and generic entries.
    private static string WeightedShapes()
    {
        var source = new StringBuilder("""
            using FakeAI.Bounds;

            namespace Matrix.Weighted
            {
                public sealed class Payload { public string Text { get; set; } = ""; }

            """);

        foreach (string policy in Policies.Append("EvictLeastRecentlyUsed"))
        {
            foreach (bool threadSafe in new[] { false, true })
            {
                string suffix = policy + (threadSafe ? "Safe" : "Plain");
                string args = $"MaxLength = 16, MaxWeight = 100, Overflow = OverflowPolicy.{policy}, ThreadSafe = {(threadSafe ? "true" : "false")}";
                string aged = ", MaxAgeSeconds = 30";
                source.Append($$"""
                        [Bounded({{args}})]
                        public sealed partial class Names{{suffix}} : IBoundedSet<string?>
                        {
                            private static int Weigh(string? item) => item == null ? 0 : item.Length;
                        }

                        [Bounded({{args}}, ResizableCapacity = true{{aged}})]
                        public sealed partial class HookedBlobs{{suffix}} : IBoundedDictionary<byte[], Payload?>
                        {
                            internal static int Weigh(byte[] key, Payload? value) => key.Length;

                            partial void OnEvicted(byte[] key, Payload? value, EvictionReason reason) { }
                        }

                        [Bounded({{args}}{{aged}})]
                        public partial class Lookup{{suffix}}<TKey, TValue> : IBoundedDictionary<TKey, TValue> where TKey : notnull
                        {
                            private static int Weigh(TKey key, TValue value) => 1;

                            partial void OnEvicted(TKey key, TValue value, EvictionReason reason) { }
                        }

                        [Bounded({{args}})]
                        public sealed partial class HookedIds{{suffix}} : IBoundedSet<long>
                        {
                            public static int Weigh(long item) => (int)(item & 7);

                            partial void OnEvicted(long item, EvictionReason reason) { }
                        }

                    """);
            }
        }

        return source.Append("}\n").ToString();
    }

    // The weigher written as the body of a partial method (C# 9 and later), whose defining declaration the generator writes.
    private static string WeightedPartialShapes()
    {
        return """
            using FakeAI.Bounds;

            namespace Matrix.WeightedPartial
            {
                [Bounded(MaxLength = 16, MaxWeight = 100, Overflow = OverflowPolicy.EvictLeastRecentlyUsed, ThreadSafe = true)]
                public sealed partial class Responses : IBoundedDictionary<string, byte[]>
                {
                    private static partial int Weigh(string key, byte[] value) => value.Length;

                    partial void OnEvicted(string key, byte[] value, EvictionReason reason) { }
                }

                [Bounded(MaxLength = 16, MaxWeight = 100, Overflow = OverflowPolicy.Throw)]
                internal sealed partial class Names : IBoundedSet<string>
                {
                    internal static partial int Weigh(string item);

                    internal static partial int Weigh(string item) => item.Length;
                }
            }

            """;
    }

    // Every kind, policy and thread-safety mode with an eviction hook written as a body only, so that the generator
    // writes its declaration and the calls; reference, nullable, value and generic entries; and with SetCapacity, with
    // and without a hook.
    private static string HookedShapes()
    {
        var source = new StringBuilder("""
            using FakeAI.Bounds;

            namespace Matrix.Hooked
            {
                public sealed class Payload { public string Text { get; set; } = ""; }

            """);

        foreach (string policy in Policies.Append("EvictLeastRecentlyUsed"))
        {
            foreach (bool threadSafe in new[] { false, true })
            {
                string suffix = policy + (threadSafe ? "Safe" : "Plain");
                string args = $"MaxLength = 16, Overflow = OverflowPolicy.{policy}, ThreadSafe = {(threadSafe ? "true" : "false")}";
                source.Append($$"""
                        [Bounded({{args}}, ResizableCapacity = true)]
                        public sealed partial class ResizableSet{{suffix}} : IBoundedSet<Payload> { }

                        [Bounded({{args}}, ResizableCapacity = true)]
                        public sealed partial class ResizableHookedSet{{suffix}} : IBoundedSet<long>
                        {
                            partial void OnEvicted(long item, EvictionReason reason) { }
                        }

                        [Bounded({{args}}, ResizableCapacity = true)]
                        internal partial class ResizableLookup{{suffix}}<TKey, TValue> : IBoundedDictionary<TKey, TValue> where TKey : notnull
                        {
                            partial void OnEvicted(TKey key, TValue value, EvictionReason reason) { }
                        }

                    """);
                if (policy != "EvictLeastRecentlyUsed")
                {
                    source.Append($$"""
                            [Bounded({{args}}, ResizableCapacity = true)]
                            public partial class ResizableWindow{{suffix}}<T> : IBoundedQueue<T>
                            {
                                partial void OnEvicted(T item, EvictionReason reason) { }
                            }

                            [Bounded({{args}}, ResizableCapacity = true)]
                            public sealed partial class ResizableBytes{{suffix}} : IBoundedQueue<byte[]> { }

                        """);
                }

                if (policy != "EvictLeastRecentlyUsed")
                {
                    source.Append($$"""
                            [Bounded({{args}})]
                            public sealed partial class Strings{{suffix}} : IBoundedQueue<string?>
                            {
                                partial void OnEvicted(string? item, EvictionReason reason) { }
                            }

                            [Bounded({{args}})]
                            public partial class Window{{suffix}}<T> : IBoundedQueue<T>
                            {
                                partial void OnEvicted(T item, EvictionReason reason) { }
                            }

                        """);
                }

                source.Append($$"""
                        [Bounded({{args}})]
                        internal partial class Lookup{{suffix}}<TKey, TValue> : IBoundedDictionary<TKey, TValue> where TKey : notnull
                        {
                            partial void OnEvicted(TKey key, TValue value, EvictionReason reason) { }
                        }

                        [Bounded({{args}})]
                        public sealed partial class Payloads{{suffix}} : IBoundedDictionary<int, Payload?>
                        {
                            partial void OnEvicted(int key, Payload? value, EvictionReason reason) { }
                        }

                        [Bounded({{args}})]
                        public partial class Users{{suffix}} : IBoundedSet<string>
                        {
                            partial void OnEvicted(string item, EvictionReason reason) { }
                        }

                    """);
            }
        }

        return source.Append("}\n").ToString();
    }

    private static string GlobalNamespaceShapes()
    {
        return """
            using FakeAI.Bounds;

            [Bounded(MaxLength = 1)]
            public sealed partial class GlobalSingle : IBoundedQueue<double> { }

            [Bounded(MaxLength = 1073741824, Overflow = OverflowPolicy.DropNewest, ThreadSafe = true)]
            internal sealed partial class GlobalHuge : IBoundedQueue<object> { }

            public static partial class GlobalHost
            {
                [Bounded(MaxLength = 3, Overflow = OverflowPolicy.Throw)]
                public sealed partial class Nested : IBoundedQueue<System.Uri?> { }
            }
            """;
    }

    private static string FileScopedShapes()
    {
        return """
            using FakeAI.Bounds;

            namespace Matrix.FileScoped;

            [Bounded(MaxLength = 250)]
            public sealed partial class Recent : IBoundedQueue<System.DateTimeOffset> { }

            [Bounded(MaxLength = 250, ThreadSafe = true, Overflow = OverflowPolicy.Throw)]
            internal partial class Streams : IBoundedQueue<string> { }
            """;
    }

    private static int CountOccurrences(string text, string value)
    {
        int count = 0;
        for (int index = text.IndexOf(value, System.StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, System.StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
