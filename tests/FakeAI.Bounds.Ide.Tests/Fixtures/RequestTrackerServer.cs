using System.Threading.Tasks;
using FakeAI.Bounds.Ide.Tests.Consumers;
using FakeAI.Bounds.Ide.Tests.Lsp;
using Xunit;

namespace FakeAI.Bounds.Ide.Tests.Fixtures;

/// <summary>
/// One language server per test class on a consumer of its own (the consumer's restore takes a second, loading it
/// into a server several): the tests of a class run one after another against it and leave its documents as they
/// found them.
/// </summary>
public abstract class RequestTrackerServer : IAsyncLifetime
{
    private readonly DiagnosticsDelivery _delivery;
    private LanguageServerSession? _server;
    private RestoredConsumer? _consumer;

    private protected RequestTrackerServer(DiagnosticsDelivery delivery)
    {
        _delivery = delivery;
    }

    internal LanguageServerSession Server => _server!;

    internal RestoredConsumer Consumer => _consumer!;

    public async Task InitializeAsync()
    {
        _consumer = await Task.Run(() => RestoredConsumer.Create($"request-tracker-{_delivery.ToString().ToLowerInvariant()}", RequestTrackerSources.All));
        _server = await LanguageServerSession.StartAsync(_consumer.Folder.Path, _delivery, _consumer.ServerEnvironment);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
