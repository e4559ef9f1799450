using System;

namespace FakeAI.Bounds.Ide.Tests.Fixtures;

/// <summary>How long the editor waited for one file's diagnostics: from opening it, and from an edit to it.</summary>
internal sealed record EditorTiming(string FileName, int BoundsDiagnostics, TimeSpan OpenToFirstBounds, TimeSpan EditToUpdate);
