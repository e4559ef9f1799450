namespace FakeAI.Bounds.Demo;

/// <summary>
/// The process exit codes, following the usual command-line convention, so that scripts can tell a mistyped command
/// (fix the arguments) from a failed run (look at the message).
/// </summary>
internal static class ExitCodes
{
    /// <summary>The demo ran, or help was shown.</summary>
    public const int Success = 0;

    /// <summary>Something unexpected failed while running.</summary>
    public const int Failure = 1;

    /// <summary>The arguments were refused; nothing ran.</summary>
    public const int Usage = 2;
}
