namespace FakeAI.Bounds.Generators.Analyzers.Channels;

/// <summary>Why a dropped channel item leaves somebody hanging: what the part of the item it carries is.</summary>
internal enum AwaitedPartKind
{
    /// <summary>A completion source (a <c>TaskCompletionSource</c> or a value-task source) that a producer or caller awaits.</summary>
    Completion,

    /// <summary>A delegate: a reply callback somebody waits to be called, or a work item somebody expects to run.</summary>
    Delegate,
}
