using System.Text;
using FakeAI.Bounds.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace FakeAI.Bounds.Generators.Emitting;

/// <summary>
/// Writes the members the generator adds to a <c>[BoundedTracker]</c> class: <c>MaxBoundedEntries</c>,
/// <c>GetBounds()</c>, <c>ClearBounds()</c> and <c>RegisterBoundsMetrics(Meter)</c>. Every member reads the bounded
/// members by name, so that the tracker's own code and the generated code always see the same instances.
/// </summary>
internal static partial class TrackerEmitter
{
    private const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"FakeAI.Bounds.Generators\", \"" + GeneratorInfo.Version + "\")]";

    private const string Snapshot = "global::FakeAI.Bounds.BoundSnapshot";

    // A tracker still reports a member, or sums a member type's constant, that is marked [Obsolete]; the user's own
    // uses of it are warned about, the generated ones need not be.
    private const string Directives = "#pragma warning disable CS0612, CS0618 // A bounded member or its type may be [Obsolete].";

    public static string Emit(TrackerModel model)
    {
        return FileFrame.Write(model, Directives, capacity: 8 * 1024, writer => WriteMembers(writer, model));
    }

    private static void WriteMembers(SourceWriter writer, TrackerModel model)
    {
        WriteMaxBoundedEntries(writer, model);
        WriteGetBounds(writer, model);
        WriteClearBounds(writer, model);
        WriteMetrics(writer, model);
    }

    private static void WriteMaxBoundedEntries(SourceWriter writer, TrackerModel model)
    {
        if (model.Members.Count == 0)
        {
            writer.Member($$"""
                /// <summary>The most entries the bounded members of this tracker can hold together: 0, as it has no bounded member.</summary>
                {{GeneratedCode}}
                public const long MaxBoundedEntries = 0L;
                """);
            return;
        }

        writer.Lines($$"""
            /// <summary>
            /// The most entries the bounded members of this tracker can hold together: the sum of the <c>MaxLength</c>s of
            /// their types, whatever capacity each instance was created with.
            /// </summary>
            {{GeneratedCode}}
            public const long MaxBoundedEntries =
            """);

        // Each member type's own constant, not a copy of its number: the sum follows a MaxLength edited in another
        // file. Each converts to long first, so that several large bounds cannot overflow int at compile time.
        // The terms are continuation lines of the declaration, one level in.
        for (int i = 0; i < model.Members.Count; i++)
        {
            string term = "(long)" + model.Members[i].MemberType + ".DeclaredMaxLength";
            string end = i == model.Members.Count - 1 ? ";" : "";
            writer.Line((i == 0 ? "    " : "    + ") + term + end);
        }

        writer.BlankLine();
    }

    private static void WriteGetBounds(SourceWriter writer, TrackerModel model)
    {
        if (model.Members.Count == 0)
        {
            writer.Member($$"""
                /// <summary>Takes a snapshot of how full each bounded member of this tracker is.</summary>
                /// <returns>An empty array: this tracker has no bounded member.</returns>
                {{GeneratedCode}}
                public {{Snapshot}}[] GetBounds()
                {
                    return global::System.Array.Empty<{{Snapshot}}>();
                }
                """);
            return;
        }

        writer.Open($$"""
            /// <summary>Takes a snapshot of how full each bounded member of this tracker is.</summary>
            /// <returns>
            /// One snapshot per bounded member, in declaration order:
            /// {{MemberList(model)}}.
            /// A member that is <see langword="null"/> reports zeros.
            /// </returns>
            {{GeneratedCode}}
            public {{Snapshot}}[] GetBounds()
            """);
        writer.Open("return new " + Snapshot + "[]");
        foreach (TrackerMemberModel member in model.Members)
        {
            writer.Line(Snapshot + ".Of(\"" + member.Name + "\", " + Access(member) + "),");
        }

        writer.Close(";");
        writer.Close();
        writer.BlankLine();
    }

    private static void WriteClearBounds(SourceWriter writer, TrackerModel model)
    {
        if (model.Members.Count == 0)
        {
            writer.Member($$"""
                /// <summary>Does nothing: this tracker has no bounded member.</summary>
                {{GeneratedCode}}
                public void ClearBounds()
                {
                }
                """);
            return;
        }

        writer.Open($$"""
            /// <summary>
            /// Removes every entry from every bounded member:
            /// {{MemberList(model)}}.
            /// A member that is <see langword="null"/> is skipped, and the members' counters keep their values. The members
            /// are cleared one after the other, not all at once.
            /// </summary>
            {{GeneratedCode}}
            public void ClearBounds()
            """);
        foreach (TrackerMemberModel member in model.Members)
        {
            writer.Line(Access(member) + "?.Clear();");
        }

        writer.Close();
        writer.BlankLine();
    }

    // Instance members through this., static ones by their simple name, which every generated member can see.
    private static string Access(TrackerMemberModel member)
    {
        string identifier = SyntaxFacts.GetKeywordKind(member.Name) == SyntaxKind.None ? member.Name : "@" + member.Name;
        return member.IsStatic ? identifier : "this." + identifier;
    }

    private static string MemberList(TrackerModel model)
    {
        var list = new StringBuilder();
        for (int i = 0; i < model.Members.Count; i++)
        {
            TrackerMemberModel member = model.Members[i];
            list.Append(i == 0 ? "" : ", ")
                .Append("<c>").Append(member.Name).Append("</c> (")
                .Append(member.IsStatic ? "static " : "")
                .Append(member.Kind == TrackerMemberKind.Field ? "field" : "property")
                .Append(')');
        }

        return list.ToString();
    }
}
