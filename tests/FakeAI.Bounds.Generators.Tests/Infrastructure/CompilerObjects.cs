using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace FakeAI.Bounds.Generators.Tests.Infrastructure;

/// <summary>
/// Walks a pipeline step's output: a symbol, a syntax node or a compilation kept in a cached output would pin a whole
/// compilation in memory and defeat caching (symbols are never equal across compilations).
/// </summary>
internal static class CompilerObjects
{
    public static void AssertNoneIn(object? value, string step)
    {
        AssertNoneIn(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    private static void AssertNoneIn(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is Compilation, $"{step} holds a Compilation.");
        Assert.False(value is ISymbol, $"{step} holds an ISymbol.");
        Assert.False(value is SyntaxNode, $"{step} holds a SyntaxNode.");
        Assert.False(value is SyntaxTree, $"{step} holds a SyntaxTree.");
        Assert.False(value is SemanticModel, $"{step} holds a SemanticModel.");
        Assert.False(value is Location, $"{step} holds a Location.");

        if (value is IEnumerable sequence)
        {
            foreach (object? element in sequence)
            {
                AssertNoneIn(element, step, seen);
            }
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoneIn(field.GetValue(value), step, seen);
        }
    }
}
