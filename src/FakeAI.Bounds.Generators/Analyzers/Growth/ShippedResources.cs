using System.Collections.Generic;
using System.Collections.Immutable;
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

        // Only what surely runs before the add, on its path: the statements before it in the blocks that enclose it
        // (and the top-level statements of a using statement among them), and the using statements around it, up to
        // the method or the lambda it is in, outermost first. The check that leaves when the stream is null is such a
        // statement, never one around the add.
        var path = new List<(IOperation Parent, IOperation Child)>();
        IOperation current = add;
        for (IOperation? parent = add.Parent; parent is not null && parent is not (IAnonymousFunctionOperation or ILocalFunctionOperation); current = parent, parent = parent.Parent)
        {
            if (parent is IBlockOperation or IUsingOperation)
            {
                path.Add((parent, current));
            }
        }

        ILocalSymbol? stream = null;
        IOperation? read = null;
        bool leaves = false;
        for (int i = path.Count - 1; i >= 0 && !leaves; i--)
        {
            (IOperation parent, IOperation child) = path[i];
            if (parent is IUsingOperation around)
            {
                // `using (var stream = …) { … }` around the add; `using (scope)` declares nothing.
                if (around.Resources is IVariableDeclarationGroupOperation resources && child != resources)
                {
                    FindStream(resources, name, ref stream, ref read);
                }

                continue;
            }

            if (parent is not IBlockOperation block)
            {
                continue;
            }

            foreach (IOperation statement in block.Operations)
            {
                if (statement == child || leaves)
                {
                    break;
                }

                switch (statement)
                {
                    case IUsingDeclarationOperation { DeclarationGroup: var group }:
                        FindStream(group, name, ref stream, ref read);
                        break;
                    case IVariableDeclarationGroupOperation group:
                        FindStream(group, name, ref stream, ref read);
                        break;
                    case IUsingOperation { Resources: IVariableDeclarationGroupOperation resources, Body: IBlockOperation body }:
                        FindStream(resources, name, ref stream, ref read);
                        leaves = stream is not null && LeavesWhenNull(body.Operations, stream);
                        break;
                    case IConditionalOperation:
                        leaves = stream is not null && LeavesWhenNull(ImmutableArray.Create(statement), stream);
                        break;
                }
            }
        }

        // The key is the same value at the add as at the read: not written in between (`name = user + name;`).
        return leaves && read is not null
            && !IsWrittenBetween(add, name.Name, read.Syntax.Span.End, add.Syntax.SpanStart);
    }

    // `var stream = assembly.GetManifestResourceStream("App.ui." + filename)`: the resource named by the key and
    // literals only, so that each key names one resource (not `Known(path) ? "App.ui." + path : "App.ui.index.html"`).
    private static void FindStream(IVariableDeclarationGroupOperation group, ISymbol name, ref ILocalSymbol? stream, ref IOperation? read)
    {
        foreach (IVariableDeclarationOperation declaration in group.Declarations)
        {
            foreach (IVariableDeclaratorOperation declarator in declaration.Declarators)
            {
                if (declarator.Initializer?.Value.WithoutConversions() is IInvocationOperation { TargetMethod: { Name: "GetManifestResourceStream", ContainingType: { } owner }, Arguments.Length: > 0 } invocation
                    && IsAssembly(owner)
                    && IsNamedByTheKey(invocation.Arguments[invocation.Arguments.Length - 1].Value, name))
                {
                    stream = declarator.Symbol;
                    read = invocation;
                }
            }
        }
    }

    // `if (stream == null) return false;` (or `is null`, or a throw) among the statements.
    private static bool LeavesWhenNull(ImmutableArray<IOperation> statements, ILocalSymbol stream)
    {
        foreach (IOperation statement in statements)
        {
            if (statement is IConditionalOperation { WhenTrue: { } exit } check && TestsForNull(check.Condition, stream) && LeavesTheMethod(exit))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LeavesTheMethod(IOperation exit)
    {
        while (true)
        {
            switch (exit)
            {
                case IBlockOperation { Operations.Length: > 0 } block:
                    exit = block.Operations[block.Operations.Length - 1];
                    continue;
                case IExpressionStatementOperation statement:
                    exit = statement.Operation;
                    continue;
                case IReturnOperation or IThrowOperation:
                    return true;
                default:
                    return false;
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

    private static bool TestsForNull(IOperation condition, ILocalSymbol stream)
    {
        return condition switch
        {
            IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals
                => (IsLocal(equals.LeftOperand, stream) && IsNull(equals.RightOperand)) || (IsLocal(equals.RightOperand, stream) && IsNull(equals.LeftOperand)),
            IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var value } } pattern => IsLocal(pattern.Value, stream) && IsNull(value),
            _ => false,
        };
    }

    private static bool IsLocal(IOperation operation, ILocalSymbol local)
    {
        return operation.WithoutConversions() is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
    }

    private static bool IsNull(IOperation operation)
    {
        return operation.WithoutConversions().ConstantValue is { HasValue: true, Value: null };
    }
}
