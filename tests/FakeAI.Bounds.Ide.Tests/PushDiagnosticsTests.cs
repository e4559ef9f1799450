using FakeAI.Bounds.Ide.Tests.Fixtures;
using Xunit;

namespace FakeAI.Bounds.Ide.Tests;

/// <summary>The diagnostics tests with a client that waits for the server to publish them (<c>textDocument/publishDiagnostics</c>).</summary>
public sealed class PushDiagnosticsTests(PushedRequestTrackerServer fixture) : DiagnosticsTests(fixture), IClassFixture<PushedRequestTrackerServer>;
