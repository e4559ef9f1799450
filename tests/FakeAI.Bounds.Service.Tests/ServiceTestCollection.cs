using Xunit;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>
/// The tests that start a service run one at a time, after the others: the soak measures the managed heap of this
/// process, which another test's traffic would disturb, and every service publishes its bounds under the same meter
/// name, which a second live service would add to the scrape.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServiceTestCollection
{
    public const string Name = "Services started in-process";
}
