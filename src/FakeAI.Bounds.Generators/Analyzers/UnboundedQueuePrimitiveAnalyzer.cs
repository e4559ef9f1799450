using System;
using System.Collections.Immutable;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Reports a long-lived field or auto-property that is given a producer/consumer queue without a bound (BND004):
/// <c>Channel.CreateUnbounded</c>, a <c>BlockingCollection&lt;T&gt;</c> created without a <c>boundedCapacity</c>, or a
/// TPL Dataflow block whose options do not set a positive <c>BoundedCapacity</c>. Long-lived means static, or an
/// instance member of a tracker class. Such a queue accepts every item its producers offer, so a consumer that falls
/// behind, even for a while, lets it grow until the process runs out of memory. It is reported on the creation
/// expression of a field or property initializer or of an assignment to the member.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedQueuePrimitiveAnalyzer : DiagnosticAnalyzer
{
    private const string ChannelName = "System.Threading.Channels.Channel";
    private const string BlockingCollectionName = "System.Collections.Concurrent.BlockingCollection`1";
    private const string DataflowBlockOptionsName = "System.Threading.Tasks.Dataflow.DataflowBlockOptions";

    /// <summary>The value of <c>DataflowBlockOptions.Unbounded</c>.</summary>
    private const int UnboundedCapacity = -1;

    private const string ChannelAdvice = "use Channel.CreateBounded with a capacity, a full mode and an itemDropped callback";
    private const string BlockingCollectionAdvice = "pass a boundedCapacity to the constructor";
    private const string DataflowAdvice = "set BoundedCapacity in the block's options";

    // The Dataflow blocks that buffer items and honour BoundedCapacity. WriteOnceBlock<T> holds a single value and
    // BatchedJoinBlock rejects any BoundedCapacity, so neither is reported.
    private static readonly string[] DataflowBlockNames =
    [
        "System.Threading.Tasks.Dataflow.BufferBlock`1",
        "System.Threading.Tasks.Dataflow.ActionBlock`1",
        "System.Threading.Tasks.Dataflow.TransformBlock`2",
        "System.Threading.Tasks.Dataflow.TransformManyBlock`2",
        "System.Threading.Tasks.Dataflow.BatchBlock`1",
        "System.Threading.Tasks.Dataflow.BroadcastBlock`1",
        "System.Threading.Tasks.Dataflow.JoinBlock`2",
        "System.Threading.Tasks.Dataflow.JoinBlock`3",
    ];

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnboundedQueuePrimitive);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (TestCode.IsSkipped(start.Compilation, start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            KnownTypes? types = KnownTypes.Resolve(start.Compilation);
            if (types is null)
            {
                // Neither channels, BlockingCollection<T> nor Dataflow is referenced: there is nothing to report.
                return;
            }

            start.RegisterOperationAction(
                operationContext => Analyze(operationContext, types),
                OperationKind.FieldInitializer,
                OperationKind.PropertyInitializer,
                OperationKind.SimpleAssignment,
                OperationKind.CoalesceAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        switch (context.Operation)
        {
            case IFieldInitializerOperation initializer:
                foreach (IFieldSymbol field in initializer.InitializedFields)
                {
                    Analyze(context, field, initializer.Value, types);
                }

                break;

            case IPropertyInitializerOperation initializer:
                foreach (IPropertySymbol property in initializer.InitializedProperties)
                {
                    Analyze(context, property, initializer.Value, types);
                }

                break;

            // '_queue = …' in a constructor or any other method, and the lazy '_queue ??= …'.
            case IAssignmentOperation assignment:
                ISymbol? member = assignment.Target switch
                {
                    IFieldReferenceOperation fieldReference => fieldReference.Field,
                    IPropertyReferenceOperation { Arguments.IsEmpty: true } propertyReference => propertyReference.Property,
                    _ => null,
                };
                if (member is not null)
                {
                    Analyze(context, member, assignment.Value, types);
                }

                break;
        }
    }

    private static void Analyze(OperationAnalysisContext context, ISymbol member, IOperation? value, KnownTypes types)
    {
        if (value is null)
        {
            return;
        }

        IOperation creation = value.WithoutConversions();
        if (!TryDescribe(creation, types, out string description, out string advice))
        {
            return;
        }

        ISymbol? holder = LongLivedHolder(member.OriginalDefinition, types, context);
        if (holder is null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnboundedQueuePrimitive,
            creation.Syntax.GetLocation(),
            holder.Name,
            holder.ContainingType.Name,
            description,
            advice));
    }

    // The field or auto-property to report when it outlives a request: static, or in a tracker; not [AllowUnbounded].
    private static ISymbol? LongLivedHolder(ISymbol member, KnownTypes types, OperationAnalysisContext context)
    {
        // 'field = …' in an accessor writes the backing field of the property that is declared.
        if (member is IFieldSymbol { AssociatedSymbol: IPropertySymbol associated })
        {
            member = associated;
        }

        if (member is IPropertySymbol property && !IsAutoProperty(property))
        {
            // A computed property stores nothing itself; whatever it writes to is analyzed where that is assigned.
            return null;
        }

        if (member is not IFieldSymbol and not IPropertySymbol
            || member.ContainingType is null
            || member.Locations.IsEmpty
            || member.Locations[0].SourceTree is not { } tree
            || (types.AllowUnboundedAttribute is not null && AttributeLookup.Find(member, types.AllowUnboundedAttribute) is not null))
        {
            return null;
        }

        if (member.IsStatic)
        {
            return member;
        }

        BoundsOptions options = BoundsOptions.Read(context.Options.AnalyzerConfigOptionsProvider, tree);
        return TrackerClasses.Classify(member.ContainingType, types.TrackerAttribute, options) != TrackerKind.None ? member : null;
    }

    private static bool IsAutoProperty(IPropertySymbol property)
    {
        if (property.IsIndexer || property.IsAbstract || property.ContainingType is null)
        {
            return false;
        }

        foreach (ISymbol candidate in property.ContainingType.GetMembers())
        {
            if (candidate is IFieldSymbol { AssociatedSymbol: { } associated } && SymbolEqualityComparer.Default.Equals(associated, property))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDescribe(IOperation creation, KnownTypes types, out string description, out string advice)
    {
        description = string.Empty;
        advice = string.Empty;
        switch (creation)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: true } method }
                when types.Channel is not null
                    && method.Name.StartsWith("CreateUnbounded", StringComparison.Ordinal)
                    && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Channel):
                // CreateUnbounded<T>() and CreateUnbounded<T>(UnboundedChannelOptions), and CreateUnboundedPrioritized.
                description = "an unbounded channel (Channel." + method.Name + ")";
                advice = ChannelAdvice;
                return true;

            // Without a resolved constructor (half-written code) the arguments cannot be read.
            case IObjectCreationOperation { Constructor: not null, Type: INamedTypeSymbol type } objectCreation:
                INamedTypeSymbol definition = type.OriginalDefinition;
                string typeName = definition.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
                if (types.BlockingCollection is not null && SymbolEqualityComparer.Default.Equals(definition, types.BlockingCollection))
                {
                    if (HasBoundedCapacityArgument(objectCreation.Arguments))
                    {
                        return false;
                    }

                    description = WithArticle(typeName) + " without a bounded capacity";
                    advice = BlockingCollectionAdvice;
                    return true;
                }

                if (types.DataflowBlockOptions is not null && types.DataflowBlocks.Contains(definition))
                {
                    if (!TryDescribeDataflowOptions(objectCreation.Arguments, types.DataflowBlockOptions, out string? problem) || problem is null)
                    {
                        return false;
                    }

                    description = WithArticle(typeName) + " " + problem;
                    advice = DataflowAdvice;
                    return true;
                }

                return false;

            default:
                return false;
        }
    }

    // new BlockingCollection<T>(boundedCapacity) and new BlockingCollection<T>(collection, boundedCapacity).
    private static bool HasBoundedCapacityArgument(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is { Name: "boundedCapacity" } && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the block's options can be seen, and if so what keeps them from bounding it (<paramref name="problem"/>
    /// is <see langword="null"/> when they set BoundedCapacity to anything but DataflowBlockOptions.Unbounded). Options
    /// that come from elsewhere (a parameter, a field, a local) or a BoundedCapacity that is not a constant cannot be
    /// seen.
    /// </summary>
    private static bool TryDescribeDataflowOptions(ImmutableArray<IArgumentOperation> arguments, INamedTypeSymbol optionsType, out string? problem)
    {
        problem = null;
        IArgumentOperation? optionsArgument = null;
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter is { } parameter && TypeHierarchy.DerivesFrom(parameter.Type, optionsType))
            {
                optionsArgument = argument;
                break;
            }
        }

        if (optionsArgument is null || optionsArgument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            problem = "without BoundedCapacity";
            return true;
        }

        if (optionsArgument.Value.WithoutConversions() is not IObjectCreationOperation { Type: { } createdType } options
            || !TypeHierarchy.DerivesFrom(createdType, optionsType))
        {
            return false;
        }

        IOperation? capacity = null;
        if (options.Initializer is { } initializer)
        {
            foreach (IOperation member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "BoundedCapacity" } } assignment)
                {
                    capacity = assignment.Value;
                }
            }
        }

        if (capacity is null)
        {
            problem = "without BoundedCapacity";
            return true;
        }

        if (capacity.ConstantValue is not { HasValue: true, Value: int value })
        {
            return false;
        }

        // DataflowBlockOptions.Unbounded (-1) is the default spelled out; any other value below 1 throws when it is set,
        // so no block is ever created with it.
        if (value == UnboundedCapacity)
        {
            problem = "with BoundedCapacity = DataflowBlockOptions.Unbounded";
        }

        return true;
    }

    // "an ActionBlock<TInput>", "a BufferBlock<T>".
    private static string WithArticle(string typeName)
    {
        return ("AEIOU".IndexOf(typeName[0]) >= 0 ? "an " : "a ") + typeName;
    }

    /// <summary>The types the rule looks for, resolved once per compilation; any of them may be missing.</summary>
    private sealed class KnownTypes
    {
        private KnownTypes(Compilation compilation, ImmutableHashSet<INamedTypeSymbol> dataflowBlocks)
        {
            Channel = compilation.GetTypeByMetadataName(ChannelName);
            BlockingCollection = compilation.GetTypeByMetadataName(BlockingCollectionName);
            DataflowBlockOptions = compilation.GetTypeByMetadataName(DataflowBlockOptionsName);
            DataflowBlocks = dataflowBlocks;
            TrackerAttribute = compilation.GetTypeByMetadataName(KnownNames.BoundedTrackerAttribute);
            AllowUnboundedAttribute = compilation.GetTypeByMetadataName(KnownNames.AllowUnboundedAttribute);
        }

        public INamedTypeSymbol? Channel { get; }

        public INamedTypeSymbol? BlockingCollection { get; }

        public INamedTypeSymbol? DataflowBlockOptions { get; }

        public ImmutableHashSet<INamedTypeSymbol> DataflowBlocks { get; }

        public INamedTypeSymbol? TrackerAttribute { get; }

        public INamedTypeSymbol? AllowUnboundedAttribute { get; }

        public static KnownTypes? Resolve(Compilation compilation)
        {
            ImmutableHashSet<INamedTypeSymbol>.Builder blocks = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            foreach (string name in DataflowBlockNames)
            {
                if (compilation.GetTypeByMetadataName(name) is { } block)
                {
                    blocks.Add(block);
                }
            }

            var types = new KnownTypes(compilation, blocks.ToImmutable());
            bool hasDataflow = types.DataflowBlockOptions is not null && !types.DataflowBlocks.IsEmpty;
            return types.Channel is null && types.BlockingCollection is null && !hasDataflow ? null : types;
        }
    }
}
