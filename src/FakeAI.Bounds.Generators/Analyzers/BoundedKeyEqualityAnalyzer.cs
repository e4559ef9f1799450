using System.Collections.Immutable;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Model;
using FakeAI.Bounds.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Warns at <c>new X()</c> of a generated dictionary or set whose key type compares by reference and that is given no
/// comparer (BND111): such a map cannot find a key rebuilt from the same data, so it fills with duplicates.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BoundedKeyEqualityAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.KeyUsesReferenceEquality);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? boundedAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.BoundedAttribute);
            if (boundedAttribute is null)
            {
                return;
            }

            start.RegisterOperationAction(
                operationContext => Analyze(operationContext, (IObjectCreationOperation)operationContext.Operation, boundedAttribute),
                OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, IObjectCreationOperation creation, INamedTypeSymbol boundedAttribute)
    {
        if (creation.Type is not INamedTypeSymbol type || AttributeLookup.Find(type.OriginalDefinition, boundedAttribute) is null)
        {
            return;
        }

        // A comparer argument decides equality, whatever the key type.
        foreach (IArgumentOperation argument in creation.Arguments)
        {
            if (argument.Parameter?.Type is INamedTypeSymbol { Name: "IEqualityComparer", Arity: 1 })
            {
                return;
            }
        }

        foreach (INamedTypeSymbol candidate in type.AllInterfaces)
        {
            if (!BoundedInterfaces.TryGetKind(candidate.OriginalDefinition, out BoundedKind kind) || kind == BoundedKind.Queue)
            {
                continue;
            }

            ITypeSymbol key = candidate.TypeArguments[0];
            if (ComparesByReference(key))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.KeyUsesReferenceEquality,
                    creation.Syntax.GetLocation(),
                    type.Name,
                    kind == BoundedKind.Set ? "value" : "key",
                    key.Name));
            }

            return;
        }
    }

    // A class whose hierarchy overrides neither Equals(object) nor GetHashCode() below object, and does not implement
    // IEquatable<T>: the default comparer then compares references. Interfaces, type parameters, delegates and
    // structs are left alone (the instance behind an interface may well define equality).
    private static bool ComparesByReference(ITypeSymbol key)
    {
        if (key is not INamedTypeSymbol { TypeKind: TypeKind.Class } type || type.SpecialType != SpecialType.None || type.IsRecord)
        {
            return false;
        }

        for (INamedTypeSymbol? current = type; current is { SpecialType: not SpecialType.System_Object }; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member is IMethodSymbol { IsOverride: true, Name: "Equals" or "GetHashCode" })
                {
                    return false;
                }
            }

            foreach (INamedTypeSymbol implemented in current.Interfaces)
            {
                if (implemented is { Name: "IEquatable", Arity: 1 })
                {
                    return false;
                }
            }
        }

        return true;
    }
}
