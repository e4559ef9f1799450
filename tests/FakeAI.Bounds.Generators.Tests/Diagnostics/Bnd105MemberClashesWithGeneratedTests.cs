using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Model;
using FakeAI.Bounds.Generators.Parsing;
using FakeAI.Bounds.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Verify = FakeAI.Bounds.Generators.Tests.Infrastructure.AnalyzerVerifier;

namespace FakeAI.Bounds.Generators.Tests.Diagnostics;

public class Bnd105MemberClashesWithGeneratedTests
{
    private const string Queue = "IBoundedQueue<T>";

    [Fact]
    public Task A_user_Add_method_is_reported_on_its_name()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                public void {|#0:Add|}(int item) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0)
                .WithMessage("'Recent' declares Add, which the generator reserves for the IBoundedQueue<T> it writes; rename or remove it (nothing is generated for 'Recent' while it clashes)"));
    }

    [Fact]
    public Task A_user_Add_overload_with_other_parameters_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                public void {|#0:Add|}(string text) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0).WithArguments("Recent", "Add", Queue));
    }

    [Fact]
    public Task A_user_SetCapacity_is_reported_when_the_type_asks_for_a_resizable_capacity()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10, ResizableCapacity = true)]
            public sealed partial class Recent : IBoundedSet<int>
            {
                public void {|#0:SetCapacity|}(int capacity) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0).WithArguments("Recent", "SetCapacity", "IBoundedSet<T>"));
    }

    [Fact]
    public Task A_user_SetCapacity_is_the_users_own_when_the_capacity_is_fixed()
    {
        return Verify.VerifyCleanAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedSet<int>
            {
                public int Requested { get; private set; }

                public void SetCapacity(int capacity) => Requested = capacity;
            }
            """,
            "App.Recent.Bounded.g.cs");
    }

    [Fact]
    public Task A_user_Count_property_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                public int {|#0:Count|} => 0;
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0).WithArguments("Recent", "Count", Queue));
    }

    [Fact]
    public Task A_user_parameterless_constructor_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                public {|#0:Recent|}() { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0)
                .WithMessage("'Recent' declares the constructor Recent(), which the generator reserves for the IBoundedQueue<T> it writes; rename or remove it (nothing is generated for 'Recent' while it clashes)"));
    }

    [Fact]
    public Task A_user_int_constructor_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                private {|#0:Recent|}(int size) { }
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0).WithArguments("Recent", "the constructor Recent(int)", Queue));
    }

    [Fact]
    public Task A_user_indexer_is_reported_on_this()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                public int {|#0:this|}[string key] => 0;
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0).WithArguments("Recent", "the indexer this[]", Queue));
    }

    [Fact]
    public Task A_user_field_with_the_generated_prefix_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                private int {|#0:_bndState|};
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0).WithArguments("Recent", "_bndState", Queue));
    }

    [Fact]
    public Task Every_clashing_member_is_reported()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                public {|#0:Recent|}() { }
                public void {|#1:Clear|}() { }
                public sealed class {|#2:Enumerator|} { }
                private int {|#3:_bndCount|};
            }
            """,
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0).WithArguments("Recent", "the constructor Recent()", Queue),
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(1).WithArguments("Recent", "Clear", Queue),
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(2).WithArguments("Recent", "Enumerator", Queue),
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(3).WithArguments("Recent", "_bndCount", Queue));
    }

    [Fact]
    public Task A_clash_in_one_type_is_reported_while_generated_code_exists_for_the_others()
    {
        return Verify.VerifyAsync(
            """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Clashing : IBoundedQueue<int>
            {
                public int {|#0:Count|} => 0;
            }

            [Bounded(MaxLength = 10)]
            public sealed partial class Valid : IBoundedQueue<int>;

            [Bounded(MaxLength = 20, ThreadSafe = true)]
            public sealed partial class AlsoValid : IBoundedQueue<string>
            {
                public string Describe() => $"{Count} of {Capacity}";
            }
            """,
            ["App.AlsoValid.Bounded.g.cs", "App.Valid.Bounded.g.cs"],
            Verify.Diagnostic(DiagnosticDescriptors.MemberClashesWithGenerated).WithLocation(0).WithArguments("Clashing", "Count", Queue));
    }

    [Fact]
    public Task Members_that_do_not_clash_are_clean_beside_the_generated_members()
    {
        return Verify.VerifyCleanAsync(
            """
            using System;
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                private readonly string _name = "recent";

                static Recent() { }

                public Recent(string name) : this() => _name = name;

                public Recent(string name, int capacity) : this(capacity) => _name = name;

                public string Name => _name;

                public int Sum()
                {
                    int sum = 0;
                    foreach (int item in this)
                    {
                        sum += item;
                    }

                    return sum;
                }

                public override string ToString() => $"{_name}: {Count}/{Capacity}";
            }
            """,
            "App.Recent.Bounded.g.cs");
    }

    /// <summary>
    /// Every member the generator writes must be on the clash list, or a user member of that name makes the generated
    /// code fail to compile with no diagnostic to explain it. Today the private helpers, named <c>Bnd…</c> rather than
    /// <c>_bnd…</c> (<c>BndSlot</c>, <c>BndAppend</c>, <c>BndEnterLock</c>, …), are not on it (GeneratedMemberNames bug).
    /// </summary>
    [Fact]
    public void Every_member_the_generator_writes_is_on_the_clash_list()
    {
        var missing = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (string policy in new[] { "DropOldest", "DropNewest", "Throw" })
        {
            foreach (bool threadSafe in new[] { false, true })
            {
                foreach (bool resizable in new[] { false, true })
                {
                    GeneratorRun run = TestCompilation.Generate($$"""
                        using FakeAI.Bounds;
                        [Bounded(MaxLength = 5, Overflow = OverflowPolicy.{{policy}}, ThreadSafe = {{(threadSafe ? "true" : "false")}}, ResizableCapacity = {{(resizable ? "true" : "false")}})]
                        public sealed partial class Probe : IBoundedQueue<int>;
                        """);
                    INamedTypeSymbol probe = run.Output.GetTypeByMetadataName("Probe")!;
                    foreach (ISymbol member in probe.GetMembers().Where(IsNamedByTheGenerator))
                    {
                        ISymbol userMember = UserMemberNamed(member.Name);
                        if (!GeneratedMemberNames.Clashes(userMember, BoundedKind.Queue, resizable, out _))
                        {
                            missing.Add(member.Name);
                        }
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, "Generated members a user member could clash with unreported: " + string.Join(", ", missing));
    }

    /// <summary>
    /// The generator implements <c>IEnumerable.GetEnumerator</c> and <c>IEnumerable&lt;T&gt;.GetEnumerator</c>
    /// explicitly; a user's explicit implementation of either duplicates it (CS0111 in generated code), yet the clash
    /// check compares simple names only, and an explicit implementation's name is qualified (GeneratedMemberNames bug).
    /// </summary>
    [Fact]
    public async Task A_user_explicit_IEnumerable_GetEnumerator_is_reported_and_not_generated()
    {
        const string source = """
            using System.Collections;
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Recent : IBoundedQueue<int>
            {
                IEnumerator IEnumerable.GetEnumerator() => null!;
            }
            """;

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(source);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.Generation.GeneratedSources);
        Diagnostic reported = Assert.Single(result.BoundsDiagnostics);
        Assert.Equal(DiagnosticIds.MemberClashesWithGenerated, reported.Id);
    }

    /// <summary>
    /// The type's own name clashes too: a [Bounded] class named like a generated member (here the nested
    /// <c>Enumerator</c> struct) makes the generated code fail with CS0542 "member names cannot be the same as their
    /// enclosing type", yet the reader checks only the type's members, never its name (reader bug:
    /// CheckMemberClashes).
    /// </summary>
    [Fact]
    public async Task A_type_named_like_a_generated_member_is_reported_and_not_generated()
    {
        const string source = """
            using FakeAI.Bounds;
            namespace App;
            [Bounded(MaxLength = 10)]
            public sealed partial class Enumerator : IBoundedQueue<int>;
            """;

        AnalyzerRunResult result = await AnalyzerRunner.RunAsync(source);

        Assert.Empty(result.AnalyzerExceptions);
        Assert.Empty(result.Generation.GeneratedSources);
        Assert.Contains(result.BoundsDiagnostics, d => d.Id == DiagnosticIds.MemberClashesWithGenerated);
    }

    // Accessors and explicit implementations follow from their property or interface; constructors are checked above.
    private static bool IsNamedByTheGenerator(ISymbol member)
    {
        return !member.IsImplicitlyDeclared
            && member is not IMethodSymbol { MethodKind: MethodKind.PropertyGet or MethodKind.PropertySet or MethodKind.Constructor or MethodKind.ExplicitInterfaceImplementation }
            && member is not IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 }
            && member is not IPropertySymbol { IsIndexer: true };
    }

    private static ISymbol UserMemberNamed(string name)
    {
        Compilation compilation = TestCompilation.Create("public class User { public void " + name + "() { } }");
        return compilation.GetTypeByMetadataName("User")!.GetMembers(name).Single();
    }
}
