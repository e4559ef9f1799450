namespace FakeAI.Bounds.CodeFixes.Channels;

/// <summary>How the <c>itemDropped</c> callback ends the wait on one part of a dropped item.</summary>
internal enum WaitEnding
{
    /// <summary>A <c>TaskCompletionSource</c> or <c>TaskCompletionSource&lt;T&gt;</c>: <c>TrySetException(error)</c>.</summary>
    FailCompletionSource,

    /// <summary>A delegate that takes only an <see cref="System.Exception"/> and returns nothing: it is called with the error.</summary>
    CallWithError,
}
