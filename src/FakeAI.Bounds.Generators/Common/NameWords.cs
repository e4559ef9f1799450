using System.Collections.Generic;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>
/// The words of a PascalCase name, for the rules that read names: test doubles (<c>MockClock</c>) and the starts and ends
/// of operations (<c>OperationStart</c>, <c>OnRequestEnd</c>).
/// </summary>
internal static class NameWords
{
    // The next word of a PascalCase name from start ("FunctionalTestsWebsite": Functional, Tests, Website); digits and
    // underscores separate words, so "Attestation" or "Latest" hold no test word. Runs for every type, so it walks the
    // name in place instead of splitting it.
    public static bool Next(string name, ref int start, out (int Start, int Length) word)
    {
        while (start < name.Length && (name[start] == '_' || char.IsDigit(name[start])))
        {
            start++;
        }

        if (start >= name.Length)
        {
            word = default;
            return false;
        }

        int end = start + 1;
        while (end < name.Length && name[end] != '_' && !char.IsDigit(name[end]) && !(char.IsUpper(name[end]) && !char.IsUpper(name[end - 1])))
        {
            end++;
        }

        word = (start, end - start);
        start = end;
        return true;
    }

    /// <summary>The words of <paramref name="name"/>, as strings.</summary>
    public static List<string> Split(string name)
    {
        var words = new List<string>();
        for (int start = 0; Next(name, ref start, out (int Start, int Length) word);)
        {
            words.Add(name.Substring(word.Start, word.Length));
        }

        return words;
    }
}
