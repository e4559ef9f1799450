namespace FakeAI.Bounds.Service;

// The request and response shapes of /v1/batches.

/// <summary>A request to create a batch.</summary>
internal sealed class BatchRequest
{
    public string? InputFileId { get; set; }

    public string? Endpoint { get; set; }

    public string? CompletionWindow { get; set; }
}

/// <summary>A batch as OpenAI reports it; fields the service does not keep after creation are left out when read back.</summary>
internal sealed record BatchObject(string Id, string Object, string Status, BatchRequestCounts RequestCounts, string? Endpoint = null, string? InputFileId = null, string? CompletionWindow = null, long? CreatedAt = null);

internal sealed record BatchRequestCounts(int Total, int Completed, int Failed);
