namespace FakeAI.Bounds.Demo;

/// <summary>
/// The outcome of reading the command line: options to run with, a request for help, or the one-line reason the
/// arguments were refused. A value rather than an exception, so that bad input never reaches the user as a stack trace.
/// </summary>
/// <param name="Options">The options, when the arguments were valid and help was not asked for.</param>
/// <param name="HelpRequested">Whether <c>--help</c> or <c>-h</c> was given.</param>
/// <param name="Error">Why the arguments were refused, when they were.</param>
internal sealed record ParsedArguments(DemoOptions? Options, bool HelpRequested, string? Error)
{
    /// <summary>Valid arguments.</summary>
    /// <param name="options">The options they describe.</param>
    /// <returns>The outcome.</returns>
    public static ParsedArguments Run(DemoOptions options) => new(options, false, null);

    /// <summary>Help was asked for; nothing else is checked.</summary>
    public static ParsedArguments Help { get; } = new(null, true, null);

    /// <summary>Refused arguments.</summary>
    /// <param name="error">A one-line reason.</param>
    /// <returns>The outcome.</returns>
    public static ParsedArguments Invalid(string error) => new(null, false, error);
}
