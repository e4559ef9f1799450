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

// Costs per API key: clients choose the keys, so a plain Dictionary grows with every new key. CostPerApiKey keeps
// the 1,000 most recently active keys and evicts the least recently used one.
var costs = new CostPerApiKey();
for (int request = 0; request < 20_000; request++)
{
    string apiKey = "sk-" + (request % 3 == 0 ? request % 50 : request); // 50 busy keys, many one-off ones
    costs[apiKey] = costs.TryGetValue(apiKey, out decimal spent) ? spent + 0.002m : 0.002m;
}

Console.WriteLine($"api keys held: {costs.Count} of {costs.Capacity}, {costs.Evicted} evicted; busy key sk-0 kept: {costs.ContainsKey("sk-0")}");

// The users an error pattern touched: a set, capped, that refuses new users once full and counts them.
var affected = new AffectedUsers();
for (int user = 0; user < 300; user++)
{
    affected.Add("user-" + (user % 120));
}

Console.WriteLine($"users held:    {affected.Count} of {affected.Capacity}, {affected.Dropped} refused");

// A tracker gathers bounded state and reports it: GetBounds() for logs and health checks, RegisterBoundsMetrics for
// OpenTelemetry and dotnet-counters, MaxBoundedEntries as the worst case it can ever hold.
var tracker = new ServiceTracker(errors, costs, affected);
Console.WriteLine($"tracker holds at most {ServiceTracker.MaxBoundedEntries} entries; now:");
foreach (BoundSnapshot bound in tracker.GetBounds())
{
    Console.WriteLine($"  {bound}");
}

namespace FakeAI.Bounds.QuickStart
{
    public sealed record ErrorRecord(int RequestId, string Endpoint, string Code);

    [Bounded(MaxLength = 500)]
    public sealed partial class RecentErrors : IBoundedQueue<ErrorRecord>;

    [Bounded(MaxLength = 5, Overflow = OverflowPolicy.Throw, ThreadSafe = true)]
    public sealed partial class ActiveStreams : IBoundedQueue<string>;

    [Bounded(MaxLength = 1000, Overflow = OverflowPolicy.EvictLeastRecentlyUsed)]
    public sealed partial class CostPerApiKey : IBoundedDictionary<string, decimal>;

    [Bounded(MaxLength = 100, Overflow = OverflowPolicy.DropNewest)]
    public sealed partial class AffectedUsers : IBoundedSet<string>;

    [BoundedTracker]
    public sealed partial class ServiceTracker
    {
        public ServiceTracker(RecentErrors errors, CostPerApiKey costs, AffectedUsers affected)
        {
            Errors = errors;
            Costs = costs;
            Affected = affected;
        }

        public RecentErrors Errors { get; }

        public CostPerApiKey Costs { get; }

        public AffectedUsers Affected { get; }
    }
}
