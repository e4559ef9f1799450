using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Reports a constant capacity outside 1 … MaxLength passed to the generated <c>(int capacity)</c> constructor of a
/// <c>[Bounded]</c> type (BND106): <c>new X(0)</c>, <c>new X(capacity: 5000)</c>, target-typed <c>new(5000)</c>,
/// constructor initializers such as <c>: base(0)</c>, and the generated <c>SetCapacity(int)</c> of a type declared with
/// <c>ResizableCapacity = true</c>. Such a call always throws <c>ArgumentOutOfRangeException</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BoundedCapacityArgumentAnalyzer : DiagnosticAnalyzer
{
    private const string SetCapacityName = "SetCapacity";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CapacityArgumentOutOfRange);

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
                // The runtime is not referenced: there can be no [Bounded] type to construct.
                return;
            }

            start.RegisterOperationAction(
                operationContext =>
                {
                    var creation = (IObjectCreationOperation)operationContext.Operation;
                    Analyze(operationContext, creation.Constructor, creation.Arguments, boundedAttribute);
                },
                OperationKind.ObjectCreation);

            // ': base(0)' in a derived type and ': this(0)' in the type's own code reach the same constructor;
            // SetCapacity(0) checks its argument against the same range.
            start.RegisterOperationAction(
                operationContext =>
                {
                    var invocation = (IInvocationOperation)operationContext.Operation;
                    if (invocation.TargetMethod.MethodKind == MethodKind.Constructor || invocation.TargetMethod.Name == SetCapacityName)
                    {
                        Analyze(operationContext, invocation.TargetMethod, invocation.Arguments, boundedAttribute);
                    }
                },
                OperationKind.Invocation);
        });
    }

    private static void Analyze(
        OperationAnalysisContext context,
        IMethodSymbol? constructor,
        ImmutableArray<IArgumentOperation> arguments,
        INamedTypeSymbol boundedAttribute)
    {
        // Only the generated constructor (int capacity) and SetCapacity(int) check their argument against MaxLength.
        if (constructor is not ({ MethodKind: MethodKind.Constructor } or { MethodKind: MethodKind.Ordinary, Name: SetCapacityName })
            || constructor is not { IsStatic: false, Parameters.Length: 1 }
            || constructor.Parameters[0].Type.SpecialType != SpecialType.System_Int32
            || constructor.ContainingType is not { } type
            || IsWrittenByUser(constructor))
        {
            return;
        }

        if (!TryGetMaxLength(type.OriginalDefinition, boundedAttribute, out int maxLength))
        {
            return;
        }

        IArgumentOperation? capacityArgument = FindFirstParameterArgument(arguments);
        if (capacityArgument is null
            || capacityArgument.ArgumentKind != ArgumentKind.Explicit
            || capacityArgument.Value is not { ConstantValue: { HasValue: true, Value: int capacity } })
        {
            return;
        }

        if (capacity >= KnownNames.MinMaxLength && capacity <= maxLength)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.CapacityArgumentOutOfRange,
            capacityArgument.Syntax.GetLocation(),
            capacity.ToString(CultureInfo.InvariantCulture),
            type.Name,
            maxLength.ToString(CultureInfo.InvariantCulture)));
    }

    private static IArgumentOperation? FindFirstParameterArgument(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is { Ordinal: 0 })
            {
                return argument;
            }
        }

        return null;
    }

    // A constructor (int) or SetCapacity the user wrote is not the generated one: BND105 reports it, and its checks are
    // the user's.
    // Generated constructors live in the generator's files or, for a type from a referenced assembly, in metadata.
    private static bool IsWrittenByUser(IMethodSymbol constructor)
    {
        return !constructor.Locations.IsEmpty && constructor.Locations[0].IsInSource && GeneratedFiles.IsUserMember(constructor);
    }

    // MaxLength as the generator read it; when it is missing or invalid nothing was generated and BND102 explains why.
    private static bool TryGetMaxLength(INamedTypeSymbol type, INamedTypeSymbol boundedAttribute, out int maxLength)
    {
        maxLength = 0;
        return AttributeLookup.Find(type, boundedAttribute) is { } attribute
            && BoundedDeclarationReader.TryReadMaxLength(attribute, out maxLength);
    }
}
