using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Explains what the generator does with a <c>[BoundedTracker]</c> class: why it adds no members (BND112, BND113),
/// that it found no bounded member to report (BND108), and which members it leaves out because it cannot see their
/// bound (BND109). It runs the very reader the generator runs, with a reporter, so the two cannot disagree.
/// </summary>
/// <remarks>
/// The class is read when its analysis ends rather than when its symbol is seen, so that the values its code assigns
/// to interface-typed members are known by then: BND109 can then name the <c>[Bounded]</c> class to declare such a
/// member as.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BoundedTrackerAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TrackerWithoutBoundedMember,
        DiagnosticDescriptors.TrackerMemberBoundInvisible,
        DiagnosticDescriptors.TrackerNotGeneratable,
        DiagnosticDescriptors.TrackerMemberClashesWithGenerated);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? trackerAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.BoundedTrackerAttribute);
            if (trackerAttribute is null)
            {
                // The runtime is not referenced: there can be no tracker.
                return;
            }

            start.RegisterSymbolStartAction(symbolStart => StartType(symbolStart, trackerAttribute), SymbolKind.NamedType);
        });
    }

    private static void StartType(SymbolStartAnalysisContext context, INamedTypeSymbol trackerAttribute)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (AttributeLookup.Find(type, trackerAttribute) is null)
        {
            return;
        }

        var assigned = new AssignedTypes(type);
        context.RegisterOperationAction(
            operationContext => assigned.Record(operationContext.Operation),
            OperationKind.FieldInitializer,
            OperationKind.PropertyInitializer,
            OperationKind.SimpleAssignment);
        context.RegisterSymbolEndAction(endContext => TrackerDeclarationReader.Read(
            type,
            endContext.ReportDiagnostic,
            GeneratedFiles.IsUserMember,
            assigned.Of,
            endContext.CancellationToken));
    }

    /// <summary>
    /// The types of the values the tracker's code stores in its own fields and properties, by initializer or
    /// assignment, before any conversion to the member's type: <c>IBoundedQueue&lt;E&gt; _q = new Recent()</c> records
    /// <c>Recent</c> for <c>_q</c>.
    /// </summary>
    private sealed class AssignedTypes
    {
        private readonly INamedTypeSymbol _tracker;
        private readonly ConcurrentDictionary<ISymbol, ConcurrentQueue<ITypeSymbol>> _byMember = new(SymbolEqualityComparer.Default);

        public AssignedTypes(INamedTypeSymbol tracker)
        {
            _tracker = tracker;
        }

        public void Record(IOperation operation)
        {
            switch (operation)
            {
                case IFieldInitializerOperation initializer:
                    foreach (IFieldSymbol field in initializer.InitializedFields)
                    {
                        Add(field, initializer.Value);
                    }

                    break;
                case IPropertyInitializerOperation initializer:
                    foreach (IPropertySymbol property in initializer.InitializedProperties)
                    {
                        Add(property, initializer.Value);
                    }

                    break;
                case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } target } assignment:
                    Add(target.Member, assignment.Value);
                    break;
            }
        }

        public IEnumerable<ITypeSymbol> Of(ISymbol member)
        {
            return _byMember.TryGetValue(member, out ConcurrentQueue<ITypeSymbol>? types) ? types : System.Array.Empty<ITypeSymbol>();
        }

        private void Add(ISymbol member, IOperation value)
        {
            if (!SymbolEqualityComparer.Default.Equals(member.ContainingType, _tracker))
            {
                return;
            }

            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }

            if (value.Type is { } type)
            {
                _byMember.GetOrAdd(member, static _ => new ConcurrentQueue<ITypeSymbol>()).Enqueue(type);
            }
        }
    }
}
