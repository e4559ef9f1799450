using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd006UnboundedElementStateTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using FakeAI.Bounds;
        namespace App;

        """;

    private static string Message(string member, string type, string evidence, string holder) =>
        $"'{member}' in '{type}' grows without limit: {evidence}; '{holder}' keeps a '{type}' per entry, so the tracker grows with every entry's '{member}'; bound it with a [Bounded] type, trim it after each add, or mark it [AllowUnbounded(\"reason\")]";

    [Fact]
    public Task Per_stream_token_lists_grown_by_the_tracker_are_reported_on_the_element_member()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class StreamState
            {
                public List<double> {|#0:TokenTimes|} { get; } = new();
                public List<string> RecentIds { get; } = new();
            }

            public sealed class StreamingMetricsTracker
            {
                private readonly Dictionary<string, StreamState> _active = new();
                public void Start(string id)
                {
                    if (_active.Count >= 100) return;
                    _active[id] = new StreamState();
                }

                public void RecordToken(string id, double at)
                {
                    if (!_active.TryGetValue(id, out StreamState? stream)) return;
                    {|#1:stream.TokenTimes.Add(at)|};
                    if (stream.RecentIds.Count < 10) stream.RecentIds.Add(id);
                }
            }
            """,
            expectedGeneratedFiles: null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticDescriptors.UnboundedElementState).WithLocation(0).WithLocation(1)
                .WithMessage(Message("TokenTimes", "StreamState", "'StreamingMetricsTracker.RecordToken' adds to it (line 22) and nothing removes from it under a size check", "StreamingMetricsTracker._active")));
    }

    [Fact]
    public Task Element_state_held_in_a_generated_bounded_map_of_a_bounded_tracker_is_reported()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class ErrorPattern
            {
                public HashSet<string> {|#0:AffectedUsers|} { get; } = new();
                public void Touch(string user) => {|#1:AffectedUsers.Add(user)|};
            }

            [Bounded(MaxLength = 1000)] public sealed partial class Patterns : IBoundedDictionary<string, ErrorPattern>;

            [BoundedTracker]
            public sealed partial class ErrorTracker
            {
                private readonly Patterns _patterns = new();
                public void Record(string fingerprint, string user) => _patterns.GetOrAdd(fingerprint, _ => new ErrorPattern()).Touch(user);
            }
            """,
            expectedGeneratedFiles: null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(DiagnosticDescriptors.UnboundedElementState).WithLocation(0).WithLocation(1)
                .WithMessage(Message("AffectedUsers", "ErrorPattern", "'ErrorPattern.Touch' adds to it (line 7) and nothing removes from it under a size check", "ErrorTracker._patterns")));
    }

    [Fact]
    public Task Element_state_that_is_trimmed_or_not_held_by_a_tracker_is_not_reported()
    {
        return Verify.VerifyCleanAsync(
            Usings + """
            public sealed class StreamState
            {
                public Queue<double> TokenTimes { get; } = new();
                [AllowUnbounded("a stream ends after its max_tokens")] public List<string> Chunks { get; } = new();
            }

            public sealed class Request
            {
                public List<string> Headers { get; } = new();
            }

            public sealed class StreamingMetricsTracker
            {
                private readonly Dictionary<string, StreamState> _active = new();
                public void Start(string id) { if (_active.Count < 100) _active[id] = new StreamState(); }
                public void RecordToken(string id, double at, string chunk)
                {
                    if (!_active.TryGetValue(id, out StreamState? stream)) return;
                    stream.TokenTimes.Enqueue(at);
                    while (stream.TokenTimes.Count > 1000) stream.TokenTimes.Dequeue();
                    stream.Chunks.Add(chunk);
                }
            }

            public static class Handler
            {
                public static Request Parse(string header)
                {
                    var request = new Request();
                    request.Headers.Add(header);
                    return request;
                }
            }
            """);
    }
}
