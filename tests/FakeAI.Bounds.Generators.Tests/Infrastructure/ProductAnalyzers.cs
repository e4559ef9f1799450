using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Generators.Tests.Infrastructure;

/// <summary>Every analyzer the generator assembly ships, found the way the compiler finds them: by attribute.</summary>
internal static class ProductAnalyzers
{
    public static ImmutableArray<Type> Types { get; } =
    [
        .. typeof(BoundedGenerator).Assembly.GetTypes()
            .Where(type => !type.IsAbstract
                && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute
                && attribute.Languages.Contains(LanguageNames.CSharp))
            .OrderBy(type => type.Name, StringComparer.Ordinal),
    ];

    public static ImmutableArray<DiagnosticAnalyzer> CreateAll()
    {
        return [.. Types.Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)];
    }

    /// <summary>
    /// Each supported rule with the analyzer that reports it: one descriptor per ID. A rule reported both as each type
    /// is analyzed and once the compilation is done has a twin tagged CompilationEnd; the untagged one stands for it.
    /// </summary>
    public static ImmutableArray<(DiagnosticDescriptor Descriptor, Type Analyzer)> Descriptors()
    {
        return
        [
            .. AllDescriptors()
                .GroupBy(pair => pair.Descriptor.Id, StringComparer.Ordinal)
                .Select(group => group.OrderBy(pair => IsCompilationEndTwin(pair.Descriptor, group.Count()) ? 1 : 0).First())
                .OrderBy(pair => pair.Descriptor.Id, StringComparer.Ordinal),
        ];
    }

    /// <summary>Every supported descriptor, twins included, with the analyzer that reports it.</summary>
    public static ImmutableArray<(DiagnosticDescriptor Descriptor, Type Analyzer)> AllDescriptors()
    {
        return
        [
            .. CreateAll().SelectMany(analyzer => analyzer.SupportedDiagnostics.Select(descriptor => (descriptor, analyzer.GetType())))
                .OrderBy(pair => pair.descriptor.Id, StringComparer.Ordinal),
        ];
    }

    /// <summary>Whether the descriptor is the CompilationEnd-tagged twin of a rule that has <paramref name="sameId"/> descriptors.</summary>
    public static bool IsCompilationEndTwin(DiagnosticDescriptor descriptor, int sameId)
    {
        return sameId > 1 && descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd);
    }
}
