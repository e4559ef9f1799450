using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

// Test-only analyzers: they run inside the test, never in a compiler.
#pragma warning disable RS1036, RS1038, RS1041

namespace FakeAI.Bounds.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Reports BND001, BND002, BND003 and BND006 the way the product's UnboundedCollectionAnalyzer is specified to (on the
/// member's identifier, with the CollectionKind and Capacity properties), until that analyzer is available: a member
/// of a tracker (or a static field) that its class adds to is reported unless a removal under a size check bounds it.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class StandInUnboundedCollectionAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] AddNames = ["Add", "AddRange", "Enqueue", "AddLast", "AddFirst", "Push", "TryAdd", "Insert", "GetOrAdd", "AddOrUpdate"];
    private static readonly string[] RemoveNames = ["Remove", "RemoveAt", "RemoveRange", "RemoveAll", "RemoveWhere", "RemoveFirst", "RemoveLast", "Dequeue", "TryDequeue", "Pop", "TryPop", "TryTake", "TryRemove", "Clear"];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnboundedCollection,
        DiagnosticDescriptors.BoundedOnlyByManualCleanup,
        DiagnosticDescriptors.CapacityIsNotABound,
        DiagnosticDescriptors.UnboundedElementState);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? allow = start.Compilation.GetTypeByMetadataName("FakeAI.Bounds.AllowUnboundedAttribute");
            INamedTypeSymbol? trackerAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.BoundedTrackerAttribute);
            var elementTypes = new ConcurrentDictionary<ITypeSymbol, byte>(SymbolEqualityComparer.Default);
            var pending = new ConcurrentQueue<(ISymbol Member, Diagnostic Diagnostic)>();
            start.RegisterSymbolStartAction(symbolStart =>
            {
                var type = (INamedTypeSymbol)symbolStart.Symbol;
                if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.Locations.FirstOrDefault()?.SourceTree is not { } tree)
                {
                    return;
                }

                BoundsOptions options = BoundsOptions.Read(symbolStart.Options.AnalyzerConfigOptionsProvider, tree);
                bool tracker = TrackerClasses.Classify(type, trackerAttribute, options) != TrackerKind.None;
                var members = type.GetMembers().Where(m => m is IFieldSymbol { IsImplicitlyDeclared: false } or IPropertySymbol { IsIndexer: false })
                    .Where(m => Family(MemberType(m)) is not null)
                    .Where(m => allow is null || !m.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, allow)))
                    .ToImmutableArray();
                if (members.IsEmpty)
                {
                    return;
                }

                if (tracker)
                {
                    foreach (ISymbol member in members)
                    {
                        if (MemberType(member) is INamedTypeSymbol { IsGenericType: true } collection)
                        {
                            foreach (ITypeSymbol argument in collection.TypeArguments)
                            {
                                elementTypes.TryAdd(argument, 0);
                            }
                        }
                    }
                }

                var facts = members.ToDictionary(m => m, _ => new Facts(), (IEqualityComparer<ISymbol>)SymbolEqualityComparer.Default);
                symbolStart.RegisterOperationAction(
                    operationContext => Record(operationContext.Operation, facts),
                    OperationKind.Invocation,
                    OperationKind.FieldInitializer,
                    OperationKind.PropertyInitializer,
                    OperationKind.SimpleAssignment);
                symbolStart.RegisterSymbolEndAction(end =>
                {
                    foreach (KeyValuePair<ISymbol, Facts> pair in facts)
                    {
                        if (!pair.Value.Adds || pair.Value.SizeCheckedRemoval)
                        {
                            continue;
                        }

                        bool longLived = tracker || pair.Key.IsStatic;
                        Diagnostic diagnostic = Create(pair.Key, pair.Value, longLived ? null : type);
                        if (longLived)
                        {
                            end.ReportDiagnostic(diagnostic);
                        }
                        else
                        {
                            pending.Enqueue((pair.Key, diagnostic));
                        }
                    }
                });
            }, SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                foreach ((ISymbol member, Diagnostic diagnostic) in pending)
                {
                    if (elementTypes.ContainsKey(member.ContainingType))
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                }
            });
        });
    }

    private static Diagnostic Create(ISymbol member, Facts facts, INamedTypeSymbol? elementType)
    {
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add("CollectionKind", Family(facts.CreatedType ?? MemberType(member)) ?? "Other");
        if (facts.Capacity is { } capacity)
        {
            properties = properties.Add("Capacity", capacity.ToString(CultureInfo.InvariantCulture));
        }

        Location location = member.Locations[0];
        if (elementType is not null)
        {
            return Diagnostic.Create(DiagnosticDescriptors.UnboundedElementState, location, properties, member.Name, elementType.Name, "it is added to", "a tracker");
        }

        if (facts.Capacity is not null)
        {
            return Diagnostic.Create(DiagnosticDescriptors.CapacityIsNotABound, location, properties, member.Name, member.ContainingType.Name, facts.Capacity, "collection", "it grows");
        }

        return facts.Removes
            ? Diagnostic.Create(DiagnosticDescriptors.BoundedOnlyByManualCleanup, location, properties, member.Name, member.ContainingType.Name, "it is removed from")
            : Diagnostic.Create(DiagnosticDescriptors.UnboundedCollection, location, properties, member.Name, member.ContainingType.Name, "it is added to and never removed from");
    }

    private static void Record(IOperation operation, Dictionary<ISymbol, Facts> facts)
    {
        switch (operation)
        {
            case IInvocationOperation { Instance: IMemberReferenceOperation { Member: var member } } invocation when facts.TryGetValue(member, out Facts? memberFacts):
                string name = invocation.TargetMethod.Name;
                lock (memberFacts)
                {
                    memberFacts.Adds |= AddNames.Contains(name);
                    if (RemoveNames.Contains(name))
                    {
                        memberFacts.Removes = true;
                        memberFacts.SizeCheckedRemoval |= UnderSizeCheck(invocation.Syntax, member.Name);
                    }
                }

                break;
            case IFieldInitializerOperation initializer:
                foreach (IFieldSymbol field in initializer.InitializedFields)
                {
                    RecordCreation(field, initializer.Value, facts);
                }

                break;
            case IPropertyInitializerOperation initializer:
                foreach (IPropertySymbol property in initializer.InitializedProperties)
                {
                    RecordCreation(property, initializer.Value, facts);
                }

                break;
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IMemberReferenceOperation { Member: var member } } }
                when facts.TryGetValue(member, out Facts? indexed):
                lock (indexed)
                {
                    indexed.Adds = true;
                }

                break;
            case ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: var member } } assignment:
                RecordCreation(member, assignment.Value, facts);
                break;
        }
    }

    private static void RecordCreation(ISymbol member, IOperation value, Dictionary<ISymbol, Facts> facts)
    {
        if (!facts.TryGetValue(member, out Facts? memberFacts))
        {
            return;
        }

        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value is IObjectCreationOperation creation)
        {
            lock (memberFacts)
            {
                memberFacts.CreatedType = creation.Type;
                IArgumentOperation? capacity = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "capacity");
                if (capacity?.Value.ConstantValue is { HasValue: true, Value: int constant })
                {
                    memberFacts.Capacity = constant;
                }

                if (creation.Initializer is { Initializers.Length: > 0 })
                {
                    memberFacts.Adds = true;
                }
            }
        }
    }

    private static bool UnderSizeCheck(SyntaxNode node, string memberName)
    {
        foreach (SyntaxNode ancestor in node.Ancestors())
        {
            ExpressionSyntax? condition = ancestor switch
            {
                IfStatementSyntax i => i.Condition,
                WhileStatementSyntax w => w.Condition,
                _ => null,
            };
            if (condition is not null && condition.DescendantNodes().OfType<MemberAccessExpressionSyntax>()
                .Any(m => m.Name.Identifier.ValueText == "Count" && m.Expression.ToString().EndsWith(memberName, System.StringComparison.Ordinal)))
            {
                return true;
            }

            if (ancestor is MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    private static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        _ => null,
    };

    private static string? Family(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true } named || named.ContainingNamespace?.ToDisplayString() is not ("System.Collections.Generic" or "System.Collections.Concurrent"))
        {
            return null;
        }

        return named.Name switch
        {
            "Queue" or "ConcurrentQueue" => "Queue",
            "List" or "IList" or "ICollection" => "List",
            "LinkedList" => "LinkedList",
            "Stack" or "ConcurrentStack" => "Stack",
            "Dictionary" or "ConcurrentDictionary" or "SortedDictionary" or "SortedList" or "IDictionary" => "Dictionary",
            "HashSet" or "SortedSet" or "ISet" => "Set",
            "ConcurrentBag" => "Other",
            _ => null,
        };
    }

    private sealed class Facts
    {
        public bool Adds { get; set; }

        public bool Removes { get; set; }

        public bool SizeCheckedRemoval { get; set; }

        public int? Capacity { get; set; }

        public ITypeSymbol? CreatedType { get; set; }
    }
}

/// <summary>Reports BND004 on a tracker's <c>Channel&lt;T&gt;</c> created unbounded, like the product's UnboundedQueuePrimitiveAnalyzer is specified to.</summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class StandInUnboundedQueuePrimitiveAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.UnboundedQueuePrimitive);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(
            operationContext =>
            {
                var initializer = (IFieldInitializerOperation)operationContext.Operation;
                if (initializer.Value is IInvocationOperation { TargetMethod.Name: "CreateUnbounded" })
                {
                    foreach (IFieldSymbol field in initializer.InitializedFields)
                    {
                        operationContext.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.UnboundedQueuePrimitive, field.Locations[0], field.Name, field.ContainingType.Name, "an unbounded channel", "create it with Channel.CreateBounded"));
                    }
                }
            },
            OperationKind.FieldInitializer);
    }
}
