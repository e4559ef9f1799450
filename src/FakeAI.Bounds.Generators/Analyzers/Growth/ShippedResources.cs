using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// An add keyed by the name of an embedded resource its method reads first, leaving before the add when the assembly
/// has no such resource: <c>using var stream = assembly.GetManifestResourceStream("Ui." + filename); if (stream == null)
/// return false; … _cache[filename] = text;</c>, the file cache of a profiler's or a dashboard's embedded UI. Whatever
/// names a request asks for, only the resources the assembly ships are kept, one entry each, as a careful reader sees.
/// A cache that adds a default for a missing resource (an empty table for a culture nobody translated) is not one.
/// </summary>
internal static class ShippedResources
{
    public static bool NamesAShippedResource(IOperation key, IOperation add)
    {
        ISymbol? name = key.WithoutConversions() switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        if (name is null)
        {
            return false;
        }

        var found = new Found(name);
        ReadPathTo(add, ref found);
        return found.Leaves
            && found.Read is not null
            && !IsWrittenBetween(add, name.Name, found.Read.Syntax.Span.End, add.Syntax.SpanStart);
    }

    // What has been read on the path to the add so far: the stream declared with the key, and whether a statement
    // leaves when it is null.
    private struct Found
    {
        public Found(ISymbol key)
        {
            Key = key;
            Stream = null;
            Read = null;
            Leaves = false;
        }

        public ISymbol Key { get; }

        public ILocalSymbol? Stream { get; set; }

        public IOperation? Read { get; set; }

        public bool Leaves { get; set; }
    }

    // Only what surely runs before the add, on its path: the statements before it in the blocks that enclose it (and
    // the top-level statements of a using statement among them), and the using statements around it, up to the method
    // or the lambda it is in, outermost first (the parents are read before the child on the way back). The check that
    // leaves when the stream is null is such a statement, never one around the add.
    private static void ReadPathTo(IOperation child, ref Found found)
    {
        IOperation? parent = child.Parent;
        if (parent is null or IAnonymousFunctionOperation or ILocalFunctionOperation)
        {
            return;
        }

        ReadPathTo(parent, ref found);
        if (found.Leaves)
        {
            return;
        }

        switch (parent)
        {
            // `using (var stream = …) { … }` around the add; `using (scope)` declares nothing.
            case IUsingOperation { Resources: IVariableDeclarationGroupOperation resources } when child != resources:
                FindStream(resources, ref found);
                break;
            case IBlockOperation block:
                ReadStatementsBefore(block, child, ref found);
                break;
        }
    }

    private static void ReadStatementsBefore(IBlockOperation block, IOperation child, ref Found found)
    {
        foreach (IOperation statement in block.Operations)
        {
            if (statement == child || found.Leaves)
            {
                return;
            }

            switch (statement)
            {
                case IUsingDeclarationOperation { DeclarationGroup: var group }:
                    FindStream(group, ref found);
                    break;
                case IVariableDeclarationGroupOperation group:
                    FindStream(group, ref found);
                    break;
                case IUsingOperation { Resources: IVariableDeclarationGroupOperation resources, Body: IBlockOperation body }:
                    FindStream(resources, ref found);
                    foreach (IOperation inner in body.Operations)
                    {
                        found.Leaves |= IsNullExit(inner, found.Stream);
                    }

                    break;
                default:
                    found.Leaves = IsNullExit(statement, found.Stream);
                    break;
            }
        }
    }

    // `if (stream == null) return false;` (or `is null`, or a throw).
    private static bool IsNullExit(IOperation statement, ILocalSymbol? stream)
    {
        return stream is not null
            && statement is IConditionalOperation { WhenTrue: { } exit } check
            && SizeGuards.LeavesTheMethod(exit)
            && NullChecks.TestsForNull(check.Condition, stream, static (tested, local) => tested.WithoutConversions() is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local));
    }

    // `var stream = assembly.GetManifestResourceStream("App.ui." + filename)`: the resource named by the key and
    // literals only, so that each key names one resource (not `Known(path) ? "App.ui." + path : "App.ui.index.html"`).
    private static void FindStream(IVariableDeclarationGroupOperation group, ref Found found)
    {
        foreach (IVariableDeclarationOperation declaration in group.Declarations)
        {
            foreach (IVariableDeclaratorOperation declarator in declaration.Declarators)
            {
                if (declarator.Initializer?.Value.WithoutConversions() is IInvocationOperation { TargetMethod: { Name: "GetManifestResourceStream", ContainingType: { } owner }, Arguments.Length: > 0 } invocation
                    && IsAssembly(owner)
                    && IsNamedByTheKey(invocation.Arguments[invocation.Arguments.Length - 1].Value, found.Key))
                {
                    found.Stream = declarator.Symbol;
                    found.Read = invocation;
                }
            }
        }
    }

    private static bool IsWrittenBetween(IOperation add, string name, int from, int to)
    {
        SyntaxNode? scope = add.Syntax;
        for (IOperation? parent = add.Parent; parent is not null; parent = parent.Parent)
        {
            scope = parent.Syntax;
        }

        foreach (SyntaxNode node in scope.DescendantNodes(node => node.Span.End > from && node.SpanStart < to))
        {
            if (node.SpanStart > from && node.SpanStart < to && LocalWrites.IsWrite(node, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAssembly(INamedTypeSymbol type)
    {
        return type.Name == "Assembly" && type.ContainingNamespace?.ToDisplayString() == "System.Reflection";
    }

    // The key alone, or a concatenation or interpolation of it with constants: `"StackExchange.Profiling.ui." + filename`.
    private static bool IsNamedByTheKey(IOperation value, ISymbol name)
    {
        bool keyed = false;
        return AreKeyAndConstants(value.WithoutConversions(), name, ref keyed) && keyed;
    }

    private static bool AreKeyAndConstants(IOperation value, ISymbol name, ref bool keyed)
    {
        switch (value)
        {
            case ILocalReferenceOperation local when SymbolEqualityComparer.Default.Equals(local.Local, name):
            case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter, name):
                keyed = true;
                return true;
            case { ConstantValue.HasValue: true }:
                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum:
                return AreKeyAndConstants(sum.LeftOperand.WithoutConversions(), name, ref keyed) && AreKeyAndConstants(sum.RightOperand.WithoutConversions(), name, ref keyed);
            case IInterpolatedStringOperation interpolated:
                foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation { Expression: var expression, Alignment: null, FormatString: null } && !AreKeyAndConstants(expression.WithoutConversions(), name, ref keyed))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
