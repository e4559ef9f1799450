using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace FakeAI.Bounds.Tests.ModelCheck;

/// <summary>
/// The model writer and reader are ports, statement by statement, of members of the generated thread-safe LRU
/// dictionary as its snapshot shows them. A port silently goes stale when the generator changes, so each ported
/// member's text is pinned here by a hash: a change to one fails this test, naming the member, and the model must be
/// ported again (and the hash updated) before the model check means anything for the new code.
/// </summary>
public class PortedMembersTests
{
    private const string Snapshot = "tests/FakeAI.Bounds.Generators.Tests/Snapshots/Dictionary_Lru_ThreadSafe_Generic.g.cs";

    /// <summary>Each ported member, by the start of its declaration, with the hash of its text when it was ported.</summary>
    private static readonly (string Declaration, string Hash)[] Ported =
    {
        ("private int BndFindUnlocked(", "5B926639CA240038"),
        ("private bool BndTryGet(", "CC5E459EA21464A0"),
        ("private void BndTouch(", "A4EC9468FC2F8FAC"),
        ("private void BndTouchUnlocked(", "95D4F8209623FB3E"),
        ("private int BndBeginRead(", "794BDD245ABD25C3"),
        ("private bool BndReadIsConsistent(", "FE574D2823F49DC3"),
        ("private void BndEnterLock(", "99B4AE1A290478A5"),
        ("private void BndExitLock(", "A1901CB47E8527A0"),
        ("public TValue this[TKey key]", "280ADEEA6B7F8E75"),
        ("public bool Remove(TKey key,", "550ABC18F7FA8246"),
        ("private bool BndInsert(", "FD659039EE421E4A"),
        ("private int BndTakeVictim(", "28A91B00349F9F7F"),
        ("private void BndRemoveEntry(", "D0819FB6392A038D"),
        ("private void BndUnlinkBucket(", "DA342F3FBCB0644B"),
        ("private void BndUnlinkOrder(", "05C70500878E0D3F"),
        ("private void BndLinkNewest(", "555DB88D55F96DC6"),
        ("private void BndGrow(", "6BD3EDAF03BBD237"),
    };

    [Fact]
    public void The_model_is_ported_from_the_generated_code_as_it_is()
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), Snapshot));
        var changed = new List<string>();
        foreach ((string declaration, string hash) in Ported)
        {
            string actual = Hash(Member(lines, declaration));
            if (actual != hash)
            {
                changed.Add($"(\"{declaration}\", \"{actual}\")");
            }
        }

        Assert.True(
            changed.Count == 0,
            "These generated members changed since the model was ported from them; port the change into ModelWriter / ModelReader, then update their hashes:\n"
            + string.Join("\n", changed));
    }

    /// <summary>The member's lines, from its declaration to the brace that closes it (or its one line, for an expression body).</summary>
    private static string Member(string[] lines, string declaration)
    {
        int start = Array.FindIndex(lines, line => line.TrimStart().StartsWith(declaration, StringComparison.Ordinal));
        Assert.True(start >= 0, "The snapshot has no member declared as " + declaration);
        if (lines[start].TrimEnd().EndsWith(';'))
        {
            return lines[start].Trim();
        }

        var text = new StringBuilder();
        int depth = 0;
        bool opened = false;
        for (int index = start; index < lines.Length; index++)
        {
            text.Append(lines[index].TrimEnd()).Append('\n');
            depth += lines[index].Count(character => character == '{') - lines[index].Count(character => character == '}');
            opened |= lines[index].Contains('{', StringComparison.Ordinal);
            if (opened && depth == 0)
            {
                return text.ToString();
            }
        }

        throw new InvalidOperationException("The member declared as " + declaration + " does not end.");
    }

    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).Substring(0, 16);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FakeAI.Bounds.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with FakeAI.Bounds.sln) is not above " + AppContext.BaseDirectory);
    }
}
