using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

/// <summary>
/// Trackers as they are while being typed, and in every shape the language allows: the unbounded-collection
/// analysis never throws (AD0001).
/// </summary>
public class UnboundedCollectionHalfWrittenCodeTests
{
    public static TheoryData<string> Sources { get; } = new()
    {
        "public class ErrorTracker { private readonly List<int> _c = new(",
        "public class ErrorTracker { private readonly List<int> _c = new(); public void A() { _c.",
        "public class ErrorTracker { private readonly List<int> _c = new(); public void A() { _c.Add( }",
        "public class ErrorTracker { private readonly List<int> _c = new(); public void A() { _c.Add(1); if (_c.Count > ) _c.RemoveAt(0); }",
        "public class ErrorTracker { private readonly List<int> _c = new(); public void A() { _c.Add(1); while ( _c.Dequeue(); }",
        "public class ErrorTracker { private readonly List<Missing> _c = new(); public void A(Missing m) => _c.Add(m); }",
        "public class ErrorTracker { private readonly Dictionary<string, > _c = new(); public void A() => _c[\"a\"] = 1; }",
        "public class ErrorTracker { private readonly Unknown<int> _c = new(); public void A() => _c.Add(1); }",
        "public class ErrorTracker { private List<int> _c; public void A() { _c = ; _c.Add(1); } }",
        "public class ErrorTracker { private List<int> _c = new(); public void A() { Interlocked.Exchange(ref _c, ); } }",
        "public class ErrorTracker { private List<int> _c = new(); public void A() { B(_c, ); } void B(List<int> x, int y) { } }",
        "public class ErrorTracker { private List<int> _c = new(); public ErrorTracker() { var t = new Timer(_ => Clean( } void Clean() => _c.Clear(); }",
        "public class ErrorTracker { private List<int> _c = new(); public void A() => A(); public void B() { _c.Add(1); B(); } }",
        "public class ErrorTracker { private List<int> _c = new(); private List<int> _d = _c; public void A() => _d.Add(1); }",
        "public class ErrorTracker<T> { private List<T> _c = new(); public void A(T t) => _c.Add(t); public void B() => _c.Clear(); }",
        "public partial class ErrorTracker { private List<int> _c = new(); } public partial class ErrorTracker { public void A() => _c.Add(1); }",
        "public class ErrorTracker { public class StreamTracker { private List<int> _c = new(); public void A() => _c.Add(1); } private Dictionary<string, StreamTracker> _d = new(); }",
        "public class State { public List<int> Items = new(); } public class ErrorTracker { private Dictionary<string, State> _d = new(); public void A() => _d[\"a\"].Items.Add(); }",
        "public class ErrorTracker { private static readonly List<int> Items = new(); static ErrorTracker() { Items.Add(1); } public static void A() => Items.",
        "[BoundedTracker] public class ErrorTracker { [AllowUnbounded()] private List<int> _c = new(); public void A() => _c.Add(1); }",
        "public class ErrorTracker { private List<int> _c { get; set; } = new(); public void A() { _c.Add(1); _c = _c.Skip(1).ToList(); } }",
        "public class ErrorTracker { private readonly List<int> _c = new(); public void A() { _c.Add(1); if (_c.Count() > 3) { return } } }",
        "public sealed record ErrorTracker(List<int> Items) { public void A(int i) => Items.Add(i); public ErrorTracker B() => this with { Items = new() }; }",
        "public record struct StatsTracker(List<int> Items) { public void A(int i) => Items.Add(i); }",
        "public class ErrorTracker { public List<int> Items { get => field ??= new(); } public void A() => Items.Add(1); }",
        "public class ErrorTracker(List<int> items) { private readonly List<int> _c = items; public void A() => _c.Add(1); }",
        "public class ErrorTracker { private readonly List<int> _c = new(); ~ErrorTracker() { _c.Add(1); } public static ErrorTracker operator +(ErrorTracker t, int i) { t._c.Add(i); return t; } }",
        "public class ErrorTracker { private readonly List<int> _c = new(); public event System.Action E { add => _c.Add(1); remove => _c.Clear(); } }",
        "public class ErrorTracker { private readonly Dictionary<(int, string), int> _c = new(); public void A(int a, string b) => _c[(a, b)] = 1; }",
        "public class ErrorTracker { private readonly List<int> _c = new(); public ref int A() { _c.Add(1); return ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_c)[0]; } }",
        "public class ErrorTracker { private static readonly List<int> s_c = []; public void A() { s_c.Add(1); s_c.AddRange([1, 2]); switch (s_c) { case [_, ..]: s_c.RemoveAt(0); break; } } }",
        "public static class Extensions { extension(List<int> list) { public void AddTwice(int i) { list.Add(i); list.Add(i); } } } public class ErrorTracker { private readonly List<int> _c = new(); public void A() => _c.AddTwice(1); }",
        "public class ErrorTracker { private readonly List<int> _c = new(); public void A() { dynamic d = _c; d.Add(1); } }",
        "public class ErrorTracker { private readonly List<int> _c = new(); public void A() { start: _c.Add(1); if (_c.Count < 3) goto start; } }",
        "public struct ErrorTracker { private static readonly List<int> S = new(); public void A() => S.Add(1); }",
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Nothing_throws_on_half_written_trackers(string code)
    {
        string source = "using System.Collections.Generic;\nusing System.Linq;\nusing System.Threading;\nusing FakeAI.Bounds;\nnamespace App;\n" + code;

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(source);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.AnalyzerFailures);
    }
}
