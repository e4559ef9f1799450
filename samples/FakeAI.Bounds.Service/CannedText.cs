using System;

namespace FakeAI.Bounds.Service;

/// <summary>The canned answers: a fixed reply cut into word tokens, repeated when more tokens are asked for, and
/// embeddings derived from the input's hash so that the same input always gets the same vector.</summary>
internal static class CannedText
{
    /// <summary>How many tokens a reply has when the request does not set <c>max_tokens</c>.</summary>
    public const int DefaultCompletionTokens = 24;

    private static readonly string[] Words =
        "This is a canned reply from the FakeAI service: it answers every request the same way, so that the traffic and not the text is what you measure."
            .Split(' ');

    /// <summary>The <paramref name="index"/>-th token of the reply (a word and the space before it).</summary>
    public static string Token(int index) => index == 0 ? Words[0] : " " + Words[index % Words.Length];

    /// <summary>The reply of <paramref name="tokens"/> tokens.</summary>
    public static string Reply(int tokens)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < tokens; i++)
        {
            text.Append(Token(i));
        }

        return text.ToString();
    }

    /// <summary>Roughly how many tokens a text is: four characters a token, as OpenAI's rule of thumb has it.</summary>
    public static int CountTokens(int characters) => Math.Max(1, (characters + 3) / 4);

    /// <summary>A unit-length vector of <paramref name="dimensions"/> values determined by the text.</summary>
    public static float[] Embedding(string text, int dimensions)
    {
        // FNV-1a: stable across processes, unlike string.GetHashCode.
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        var vector = new float[dimensions];
        double norm = 0;
        for (int i = 0; i < dimensions; i++)
        {
            vector[i] = (float)Math.Sin(hash + (i * 0.7));
            norm += vector[i] * vector[i];
        }

        float scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0;
        for (int i = 0; i < dimensions; i++)
        {
            vector[i] *= scale;
        }

        return vector;
    }
}
