using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace FakeAI.Bounds.Service;

/// <summary>
/// Runs the event bus's worker for the life of the service, with one subscriber for every event type, and stops it
/// (delivering what is queued) when the service stops. The subscriber only counts: anything that kept events would be
/// state growing with traffic.
/// </summary>
internal sealed class EventBusService(AsyncEventBus bus) : IHostedService
{
    private long _delivered;

    /// <summary>Events the subscriber has received.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        bus.Subscribe("*", Count);
        bus.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => bus.StopAsync();

    private Task Count(IBusEvent busEvent, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _delivered);
        return Task.CompletedTask;
    }
}
