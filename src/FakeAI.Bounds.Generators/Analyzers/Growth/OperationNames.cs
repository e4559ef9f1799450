using System.Collections.Generic;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// Method names that start or end an operation, and what the operation is: <c>OperationStart</c> starts an
/// "Operation" that <c>OperationSuccess</c> ends, <c>RecordRunning</c> a "Running" that <c>ResetRunning</c> ends,
/// <c>Subscribe</c> a subscription <c>Unsubscribe</c> ends. A start and an end of the same operation are a pair.
/// </summary>
internal static class OperationNames
{
    public static readonly HashSet<string> StartWords = new(System.StringComparer.Ordinal)
    {
        "Start", "Started", "Starting", "Begin", "Enter", "Open", "Opened", "Subscribe", "Register", "Acquire", "Connect",
        "Connected", "Attach", "Record", "Add", "Track", "Create", "Push", "Lock", "Rent", "Lease",
    };

    // Not Dispose or Clear: those end the object, whose collections go with it. Not Send and Receive: they name the
    // two directions of a pipeline (SendPipeline, ReceivePipeline) as often as a request and its reply.
    public static readonly HashSet<string> EndWords = new(System.StringComparer.Ordinal)
    {
        "End", "Ended", "Stop", "Stopped", "Finish", "Finished", "Complete", "Completed", "Success", "Succeeded",
        "Failure", "Failed", "Fail", "Unsubscribe", "Unregister", "Close", "Closed", "Exit", "Leave", "Release",
        "Released", "Detach", "Disconnect", "Disconnected", "Abort", "Aborted", "Cancel", "Canceled", "Cancelled",
        "Reset", "Remove", "Untrack", "Delete", "Pop", "Unlock", "Return",
    };

    // Words that frame a name without saying what it does: OnRequestEnd is RequestEnd, StartAsync is Start.
    private static readonly HashSet<string> FramingPrefixes = new(System.StringComparer.Ordinal) { "On", "Handle", "Try", "Do" };

    private static readonly HashSet<string> FramingSuffixes = new(System.StringComparer.Ordinal) { "Async", "Core", "Internal", "Impl" };

    // A start and an end named by their verbs alone (Subscribe, Unsubscribe) are a pair only if the verbs are.
    private static readonly HashSet<(string Start, string End)> VerbPairs = new()
    {
        ("Start", "Stop"), ("Begin", "End"), ("Open", "Close"), ("Enter", "Exit"), ("Enter", "Leave"), ("Subscribe", "Unsubscribe"),
        ("Register", "Unregister"), ("Acquire", "Release"), ("Connect", "Disconnect"), ("Attach", "Detach"), ("Track", "Untrack"),
        ("Lock", "Unlock"), ("Rent", "Return"), ("Add", "Remove"), ("Push", "Pop"),
    };

    /// <summary>
    /// Whether the method named <paramref name="end"/> ends an operation that the method named <paramref name="start"/>
    /// starts: the same rest of the name after a start and an end verb (OperationStart and OperationFailure,
    /// RecordRunning and ResetRunning), or, for names that are only a verb, verbs that pair (Subscribe and Unsubscribe).
    /// </summary>
    public static bool ArePair(string start, string end)
    {
        foreach ((string startVerb, string startRest) in Rests(start, StartWords))
        {
            foreach ((string endVerb, string endRest) in Rests(end, EndWords))
            {
                if (startRest == endRest && (startRest.Length > 0 || VerbPairs.Contains((startVerb, endVerb))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// What the method named <paramref name="methodName"/> starts or ends, when its first or last word is one of
    /// <paramref name="verbs"/>: the verb and the rest of its words, its remainder ("Operation" for OperationSuccess, "" for Unsubscribe).
    /// </summary>
    public static IEnumerable<(string Verb, string Remainder)> Rests(string methodName, HashSet<string> verbs)
    {
        List<string> words = Common.NameWords.Split(MethodNames.InCode(methodName));
        while (words.Count > 1 && FramingPrefixes.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        while (words.Count > 1 && FramingSuffixes.Contains(words[words.Count - 1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        if (words.Count == 0)
        {
            yield break;
        }

        if (verbs.Contains(words[0]))
        {
            yield return (words[0], string.Concat(words.GetRange(1, words.Count - 1)));
        }

        if (words.Count > 1 && verbs.Contains(words[words.Count - 1]))
        {
            yield return (words[words.Count - 1], string.Concat(words.GetRange(0, words.Count - 1)));
        }
    }
}
