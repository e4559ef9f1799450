using System.Collections.Generic;
using System.Text;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>A failing interleaving: which property broke, where it started, and the schedule that led there, step by step.</summary>
internal sealed class Counterexample
{
    public Counterexample(string violation, string scenario, IReadOnlyList<string> schedule)
    {
        Violation = violation;
        Scenario = scenario;
        Schedule = schedule;
    }

    public string Violation { get; }

    public string Scenario { get; }

    public IReadOnlyList<string> Schedule { get; }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine(Violation);
        text.AppendLine(Scenario);
        foreach (string line in Schedule)
        {
            text.Append("  ").AppendLine(line);
        }

        return text.ToString();
    }
}
