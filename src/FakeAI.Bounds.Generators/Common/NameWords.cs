using System.Collections.Generic;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>
/// The words of a PascalCase name, for the rules that read names: test doubles (<c>MockClock</c>) and the starts and ends
/// of operations (<c>OperationStart</c>, <c>OnRequestEnd</c>).
/// </summary>
internal static class NameWords
{
    // The next word of a PascalCase name from start ("FunctionalTestsWebsite": Functional, Tests, Website); digits,
    // underscores, dots and dashes separate words, so "Attestation" or "Latest" hold no test word. Runs for every
    // type, so it walks the name in place instead of splitting it.
    public static bool Next(string name, ref int start, out (int Start, int Length) word)
    {
        return Next(name, name.Length, ref start, out word);
    }

    /// <summary>The next word of the part of <paramref name="name"/> before <paramref name="end"/> (a folder of a path).</summary>
    public static bool Next(string name, int end, ref int start, out (int Start, int Length) word)
    {
        while (start < end && IsSeparator(name[start]))
        {
            start++;
        }

        if (start >= end)
        {
            word = default;
            return false;
        }

        int wordEnd = start + 1;
        while (wordEnd < end && !IsSeparator(name[wordEnd]) && !(char.IsUpper(name[wordEnd]) && !char.IsUpper(name[wordEnd - 1])))
        {
            wordEnd++;
        }

        word = (start, wordEnd - start);
        start = wordEnd;
        return true;
    }

    // Digits, underscores, and the dots and dashes of a folder or assembly name ("IntegrationTests.Host").
    private static bool IsSeparator(char c)
    {
        return c is '_' or '.' or '-' || char.IsDigit(c);
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
