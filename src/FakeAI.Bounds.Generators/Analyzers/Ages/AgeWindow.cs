namespace FakeAI.Bounds.Generators.Analyzers.Ages;

/// <summary>
/// The window of an age sweep: how old an entry may get before the sweep removes it, in milliseconds when the code
/// says it with constants, and as the code writes it, for the message.
/// </summary>
/// <param name="Milliseconds">The window in milliseconds; <see langword="null"/> when it is not a constant.</param>
/// <param name="Text">The window as the message shows it: "5 minutes", or the expression that holds it.</param>
internal readonly record struct AgeWindow(long? Milliseconds, string Text);
