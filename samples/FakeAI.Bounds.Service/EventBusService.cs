using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace FakeAI.Bounds.Service;

/// <summary>
/// Runs the event bus's worker for the life of the service, with one subscriber for every event type, and stops it
/// (delivering what is queued) when the service stops. The subscriber keeps nothing: anything that kept events would
/// be state growing with traffic. The bus counts what it delivers (<c>ProcessedEvents</c>).
/// </summary>
internal sealed class EventBusService(AsyncEventBus bus) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        bus.Subscribe("*", static (_, _) => Task.CompletedTask);
        bus.Start();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => bus.StopAsync();
}
