using FakeAI.Bounds.Ide.Tests.Fixtures;
using Xunit;

namespace FakeAI.Bounds.Ide.Tests;

/// <summary>The diagnostics tests with a client that asks for them (<c>textDocument/diagnostic</c>), as VS Code does.</summary>
public sealed class PullDiagnosticsTests(PullingRequestTrackerServer fixture) : DiagnosticsTests(fixture), IClassFixture<PullingRequestTrackerServer>;
