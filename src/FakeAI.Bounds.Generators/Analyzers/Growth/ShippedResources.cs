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

        IOperation body = add;
        while (body.Parent is not null)
        {
            body = body.Parent;
        }

        int addStart = add.Syntax.SpanStart;
        foreach (IOperation operation in body.Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod: { Name: "GetManifestResourceStream", ContainingType: { } owner }, Arguments.Length: > 0 } read
                && read.Syntax.SpanStart < addStart
                && IsAssembly(owner)
                && Mentions(read.Arguments[read.Arguments.Length - 1].Value, name)
                && StreamLocal(read) is { } stream
                && LeavesWhenNull(body, stream, addStart))
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

    // The resource's name is made with the key: `"StackExchange.Profiling.ui." + filename`, `$"{ns}.{name}"`.
    private static bool Mentions(IOperation value, ISymbol name)
    {
        foreach (IOperation part in value.DescendantsAndSelf())
        {
            ISymbol? read = part switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (SymbolEqualityComparer.Default.Equals(read, name))
            {
                return true;
            }
        }

        return false;
    }

    // The local the stream is declared in (`using var stream = …`, `using (var stream = …)`, `var stream = …`).
    private static ILocalSymbol? StreamLocal(IOperation read)
    {
        IOperation? parent = read.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
    }

    // `if (stream == null) return false;` (or `is null`, or a throw) before the add.
    private static bool LeavesWhenNull(IOperation body, ILocalSymbol stream, int addStart)
    {
        foreach (IOperation operation in body.Descendants())
        {
            if (operation is IConditionalOperation { WhenTrue: { } exit } check
                && check.Syntax.SpanStart < addStart
                && TestsForNull(check.Condition, stream)
                && SizeGuards.Exits(exit))
            {
                return true;
            }
        }

        return false;
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
