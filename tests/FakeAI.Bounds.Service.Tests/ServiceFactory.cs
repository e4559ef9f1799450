using System.Collections.Generic;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>
/// Starts a service in-process on Kestrel, listening on a free loopback port, so that tests talk to it over real HTTP.
/// <typeparamref name="TEntryPoint"/> picks the service: <see cref="Program"/> (bounded trackers) or
/// <see cref="UnboundedProgram"/> (the copy on the unbounded trackers). Settings override appsettings.json.
/// </summary>
internal sealed class ServiceFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ServiceFactory(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));

        // Thousands of requests: the service's own logging would only slow them down.
        builder.ConfigureLogging(logging => logging.ClearProviders());
    }
}
