using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace FakeAI.Bounds.Service.Tests;

/// <summary>
/// Rounds of client visits, each from a new API key: a streamed chat, a chat on the client's own fine-tuned model, an
/// embedding, a batch (read back, and so finished, every other time; abandoned otherwise), and a request for a model
/// that does not exist. Every visit brings new keys for the trackers: an API key, a model id, a batch id, an error
/// message. Round <c>n</c> always sends the same requests, so two services see the same traffic.
/// </summary>
internal sealed class SoakTraffic(ServiceClient client, int visitsPerRound)
{
    /// <summary>Tokens per streamed reply.</summary>
    public const int StreamTokens = 8;

    private const int Parallelism = 4;

    public Task RunRoundAsync(int round)
    {
        int first = round * visitsPerRound;
        return Parallel.ForAsync(first, first + visitsPerRound, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (visit, _) => await VisitAsync(visit));
    }

    /// <summary>
    /// A model id the service does not know, unique to the visit. Letters, not digits: the error tracker folds digit
    /// runs of a message into one pattern, and each visit is meant to bring a new one.
    /// </summary>
    public static string UnknownModel(int visit)
    {
        var letters = new System.Text.StringBuilder("no-such-model-");
        do
        {
            letters.Append((char)('a' + (visit % 26)));
            visit /= 26;
        }
        while (visit > 0);

        return letters.ToString();
    }

    private async Task VisitAsync(int visit)
    {
        string key = "sk-soak-" + visit;
        Expect(await client.ChatAsync(key, "gpt-4o-mini", stream: true, maxTokens: StreamTokens), HttpStatusCode.OK);
        Expect(await client.ChatAsync(key, "ft:gpt-4o-mini:soak::job" + visit), HttpStatusCode.OK);
        Expect(await client.EmbedAsync(key, "text-embedding-3-small", "text of visit " + visit), HttpStatusCode.OK);
        using HttpResponseMessage created = await client.CreateBatchAsync(key);
        string batch = await ServiceClient.BatchIdAsync(created);
        if (visit % 2 == 0)
        {
            Expect(await client.GetBatchAsync(key, batch), HttpStatusCode.OK);
        }

        Expect(await client.ChatAsync(key, UnknownModel(visit)), HttpStatusCode.NotFound);
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
        }
    }
}
