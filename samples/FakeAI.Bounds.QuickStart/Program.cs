using System;
using FakeAI.Bounds;
using FakeAI.Bounds.QuickStart;

// A service keeps the errors it has seen. A plain List would grow with every request; RecentErrors keeps the
// newest 500 and counts what it had to let go.
var errors = new RecentErrors();
for (int request = 1; request <= 10_000; request++)
{
    if (request % 7 == 0)
    {
        errors.Add(new ErrorRecord(request, "/v1/chat/completions", "rate_limit_exceeded"));
    }
}

Console.WriteLine($"errors seen:  {errors.TotalAdded}");
Console.WriteLine($"errors held:  {errors.Count} of {errors.Capacity}");
Console.WriteLine($"evicted:      {errors.Evicted}");
errors.TryPeekOldest(out ErrorRecord? oldest);
errors.TryPeekNewest(out ErrorRecord? newest);
Console.WriteLine($"oldest held:  request {oldest?.RequestId}");
Console.WriteLine($"newest held:  request {newest?.RequestId}");

// A hard cap: the sixth concurrent stream is refused.
var streams = new ActiveStreams();
for (int stream = 1; stream <= 5; stream++)
{
    streams.Add($"stream-{stream}");
}

Console.WriteLine($"streams held: {streams.Count} of {streams.Capacity}, TryAdd of a sixth: {streams.TryAdd("stream-6")}");
try
{
    streams.Add("stream-6");
}
catch (BoundExceededException exception)
{
    Console.WriteLine($"Add of a sixth: {exception.Message}");
}

namespace FakeAI.Bounds.QuickStart
{
    public sealed record ErrorRecord(int RequestId, string Endpoint, string Code);

    [Bounded(MaxLength = 500)]
    public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord>;

    [Bounded(MaxLength = 5, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    public sealed partial class ActiveStreams : IBoundedQueue<string>;
}
