using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd002BoundedOnlyByManualCleanupTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        namespace App;

        """;

    [Fact]
    public Task A_list_cleared_only_by_a_method_nothing_on_the_add_path_calls_is_reported_with_the_cleanup_named()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class CostTracker
            {
                private readonly List<decimal> {|#0:_usage|} = new();
                public void RecordUsage(decimal cost) => _usage.Add(cost);
                public void ClearHistory() => _usage.Clear();
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.BoundedOnlyByManualCleanup).WithLocation(0)
                .WithArguments("_usage", "CostTracker", "'RecordUsage' (line 8) adds to it and only 'ClearHistory' (line 9) trims or clears it", "'ClearHistory'", "'CostTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task Age_based_cleanup_of_patterns_and_a_second_cleanup_are_both_named()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class ErrorTracker
            {
                private readonly Dictionary<string, DateTime> {|#0:_patterns|} = new();
                public void RecordError(string fingerprint, DateTime now) => _patterns[fingerprint] = now;
                public int CleanupOldPatterns(TimeSpan age, DateTime now)
                {
                    string[] stale = _patterns.Where(p => p.Value < now - age).Select(p => p.Key).ToArray();
                    foreach (string key in stale)
                    {
                        _patterns.Remove(key);
                    }

                    return stale.Length;
                }

                public void Reset() => _patterns.Clear();
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.BoundedOnlyByManualCleanup).WithLocation(0)
                .WithArguments(
                    "_patterns",
                    "ErrorTracker",
                    "'RecordError' (line 8) adds to it and only 'CleanupOldPatterns' (line 14) and 'Reset' (line 20) trim or clear it",
                    "'CleanupOldPatterns' or 'Reset'",
                    "'ErrorTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task A_cleanup_that_trims_under_a_size_check_but_is_never_called_on_the_add_path_is_still_manual()
    {
        return Verify.VerifyAsync(
            Usings + """
            public sealed class CostTracker
            {
                private List<decimal> {|#0:_usage|} = new();
                public void RecordUsage(decimal cost) => _usage.Add(cost);
                public int TrimHistory(int keepLast)
                {
                    int removed = Math.Max(0, _usage.Count - keepLast);
                    if (removed > 0 && _usage.Count > keepLast)
                    {
                        _usage = _usage.Skip(removed).ToList();
                    }

                    return removed;
                }
            }
            """,
            expectedGeneratedFiles: null,
            Verify.Diagnostic(DiagnosticDescriptors.BoundedOnlyByManualCleanup).WithLocation(0)
                .WithArguments("_usage", "CostTracker", "'RecordUsage' (line 8) adds to it and only 'TrimHistory' (line 14) trims or clears it", "'TrimHistory'", "'CostTracker' lives as long as the process: its name ends in 'Tracker', a tracker suffix the project declares"));
    }

    [Fact]
    public Task A_cleanup_the_adding_method_calls_bounds_it()
    {
        return Verify.VerifyCleanAsync(
            Usings + """
            public sealed class CostTracker
            {
                private readonly List<decimal> _usage = new();
                public void RecordUsage(decimal cost)
                {
                    _usage.Add(cost);
                    if (_usage.Count > 1000)
                    {
                        ClearHistory();
                    }
                }

                public void ClearHistory() => _usage.Clear();
            }
            """);
    }
}
