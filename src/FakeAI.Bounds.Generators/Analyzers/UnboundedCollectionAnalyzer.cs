using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using FakeAI.Bounds.Generators.Analyzers.Growth;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Finds long-lived collections that can grow without limit: the collection fields and auto-properties of trackers
/// (a [BoundedTracker] class, or a class whose name ends in a configured suffix) and the static ones of any type.
/// Each type is analyzed on its own (a symbol-start action with operation callbacks): what adds to a member, what
/// removes from it, under which size checks, and which methods call which. It reports BND001 (nothing bounds it),
/// BND002 (only a cleanup off the add path shrinks it), BND003 (as BND001, for a member created with a capacity
/// argument that looks like a bound) and, once the compilation is done, BND006 (a collection inside a type whose
/// instances a tracker keeps, grown and never trimmed).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedCollectionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnboundedCollection,
        DiagnosticDescriptors.BoundedOnlyByManualCleanup,
        DiagnosticDescriptors.CapacityIsNotABound,
        DiagnosticDescriptors.UnboundedElementState);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var collections = new GrowableCollectionTypes(start.Compilation);
            if (collections.IsEmpty)
            {
                return;
            }

            var session = new CompilationSession(
                collections,
                start.Compilation.GetTypeByMetadataName(KnownNames.BoundedTrackerAttribute),
                start.Compilation.GetTypeByMetadataName(KnownNames.AllowUnboundedAttribute),
                start.Options.AnalyzerConfigOptionsProvider);

            start.RegisterSymbolStartAction(session.StartType, SymbolKind.NamedType);
            start.RegisterCompilationEndAction(session.ReportElementState);
        });
    }

    /// <summary>The per-compilation state: resolved types, tracker classification, and the element-state facts.</summary>
    private sealed class CompilationSession
    {
        private readonly GrowableCollectionTypes _collections;
        private readonly INamedTypeSymbol? _trackerAttribute;
        private readonly INamedTypeSymbol? _allowUnboundedAttribute;
        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly ConcurrentDictionary<INamedTypeSymbol, TrackerKind> _trackerKinds = new(SymbolEqualityComparer.Default);
        private readonly ElementStateStore _elements = new();

        public CompilationSession(
            GrowableCollectionTypes collections,
            INamedTypeSymbol? trackerAttribute,
            INamedTypeSymbol? allowUnboundedAttribute,
            AnalyzerConfigOptionsProvider options)
        {
            _collections = collections;
            _trackerAttribute = trackerAttribute;
            _allowUnboundedAttribute = allowUnboundedAttribute;
            _options = options;
        }

        public void StartType(SymbolStartAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                return;
            }

            TrackerKind tracker = Classify(type);
            var analysis = new TypeAnalysis(this, type, tracker);
            if (tracker != TrackerKind.None)
            {
                RecordHeldElements(type);
            }

            foreach (ISymbol member in type.GetMembers())
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                analysis.Consider(member);
            }

            // Every type's code may grow the collections of an element type a tracker holds (BND006).
            context.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
            context.RegisterOperationAction(analysis.OnAssignment, OperationKind.SimpleAssignment);

            // Creations, calls and delegates matter only to a type with long-lived collections of its own.
            if (analysis.HasTrackedMembers)
            {
                context.RegisterOperationAction(analysis.OnInitializer, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
                context.RegisterOperationAction(analysis.OnMethodReference, OperationKind.MethodReference);
                context.RegisterSymbolEndAction(analysis.Report);
            }
        }

        public void ReportElementState(CompilationAnalysisContext context)
        {
            foreach ((ElementMember member, string holder) in _elements.UnboundedHeldMembers())
            {
                if (IsAllowedUnbounded(member.Symbol) || member.UnguardedAdd is not { } add || member.Symbol.Locations.Length == 0)
                {
                    continue;
                }

                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UnboundedElementState,
                    member.Symbol.Locations[0],
                    additionalLocations: new[] { add.Location },
                    properties: Properties(member.Kind, capacity: null),
                    member.Symbol.Name,
                    member.Symbol.ContainingType.Name,
                    "'" + add.Method + "' adds to it (line " + SourceOrder.Line(add.Location).ToString(CultureInfo.InvariantCulture) + ") and nothing removes from it under a size check",
                    holder));
            }
        }

        public GrowableCollectionTypes Collections => _collections;

        public ElementStateStore Elements => _elements;

        public TrackerKind Classify(INamedTypeSymbol type)
        {
            INamedTypeSymbol candidate = type.OriginalDefinition;
            if (_trackerKinds.TryGetValue(candidate, out TrackerKind known))
            {
                return known;
            }

            SyntaxTree? tree = candidate.Locations.Length > 0 ? candidate.Locations[0].SourceTree : null;
            TrackerKind kind = tree is null
                ? TrackerKind.None
                : TrackerClasses.Classify(candidate, _trackerAttribute, BoundsOptions.Read(_options, tree));
            return _trackerKinds.GetOrAdd(candidate, kind);
        }

        public bool IsAllowedUnbounded(ISymbol member)
        {
            return _allowUnboundedAttribute is not null && AttributeLookup.Find(member, _allowUnboundedAttribute) is not null;
        }

        public static ImmutableDictionary<string, string?> Properties(CollectionKind kind, int? capacity)
        {
            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                .Add(CollectionKindProperty.PropertyName, kind.ToString());
            return capacity is { } value
                ? properties.Add(CollectionKindProperty.CapacityPropertyName, value.ToString(CultureInfo.InvariantCulture))
                : properties;
        }

        // A tracker's collections hold element types; their own collections are checked at the end (BND006).
        private void RecordHeldElements(INamedTypeSymbol tracker)
        {
            foreach (ISymbol member in tracker.GetMembers())
            {
                ITypeSymbol? memberType = member switch
                {
                    IFieldSymbol { IsImplicitlyDeclared: false } field => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };
                if (memberType is not INamedTypeSymbol named)
                {
                    continue;
                }

                string holder = tracker.Name + "." + member.Name;
                foreach (ITypeSymbol argument in named.TypeArguments)
                {
                    RecordHeldElement(argument, holder);
                }

                foreach (INamedTypeSymbol implemented in named.AllInterfaces)
                {
                    if (implemented.ContainingNamespace?.ToDisplayString() == "FakeAI.Bounds")
                    {
                        foreach (ITypeSymbol argument in implemented.TypeArguments)
                        {
                            RecordHeldElement(argument, holder);
                        }
                    }
                }
            }
        }

        private void RecordHeldElement(ITypeSymbol candidate, string holder)
        {
            if (candidate is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } element
                && element.Locations.Length > 0
                && element.Locations[0].IsInSource
                && Classify(element) == TrackerKind.None)
            {
                _elements.RecordHeld(element.OriginalDefinition, holder);
            }
        }
    }

    /// <summary>The analysis of one type: its long-lived collection members, their size events and its calls.</summary>
    private sealed class TypeAnalysis
    {
        private readonly CompilationSession _session;
        private readonly INamedTypeSymbol _type;
        private readonly TrackerKind _tracker;
        private readonly Dictionary<ISymbol, TrackedMember> _members = new(SymbolEqualityComparer.Default);
        private readonly CallGraph _calls = new();

        public TypeAnalysis(CompilationSession session, INamedTypeSymbol type, TrackerKind tracker)
        {
            _session = session;
            _type = type;
            _tracker = tracker;
        }

        public bool HasTrackedMembers => _members.Count > 0;

        /// <summary>Tracks a collection field or auto-property that lives as long as the process.</summary>
        public void Consider(ISymbol member)
        {
            (ISymbol? storage, ITypeSymbol? type) = member switch
            {
                IFieldSymbol { IsImplicitlyDeclared: false, IsConst: false } field => (field, field.Type),
                IFieldSymbol { IsImplicitlyDeclared: true, AssociatedSymbol: IPropertySymbol property } => (property, property.Type),
                _ => ((ISymbol?)null, (ITypeSymbol?)null),
            };
            if (storage is null || type is null || (!storage.IsStatic && _tracker == TrackerKind.None))
            {
                return;
            }

            bool declaredGrowable = _session.Collections.IsGrowableClass(type, out CollectionKind kind);
            if (!declaredGrowable && !_session.Collections.IsGrowableInterface(type, out kind))
            {
                return;
            }

            if (kind is CollectionKind.Dictionary or CollectionKind.Set && KeySpaces.IsFixedByTheProgram(type))
            {
                return;
            }

            _members[storage.OriginalDefinition] = new TrackedMember(storage, type, kind, declaredGrowable);
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!OwnsOperation(context.ContainingSymbol))
            {
                return;
            }

            IMethodSymbol target = invocation.TargetMethod;
            IOperation? receiver = target.IsExtensionMethod || target.Name == "GetValueRefOrAddDefault"
                ? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
                : invocation.Instance;

            if (MemberReferences.Referenced(receiver) is { } member
                && CollectionMethodRoles.TryClassify(target.Name, out GrowthEventKind role)
                && !IsLinq(target))
            {
                Record(context, member, role, invocation);
            }

            // Interlocked.Exchange(ref _items, new List<T>()) swaps in an empty collection.
            if (target.Name == "Exchange" && target.ContainingType?.Name == "Interlocked" && invocation.Arguments.Length > 0
                && MemberReferences.Referenced(invocation.Arguments[0].Value) is { } swapped)
            {
                Record(context, swapped, GrowthEventKind.Clear, invocation);
            }

            if (!HasTrackedMembers)
            {
                return;
            }

            if (SymbolEqualityComparer.Default.Equals(target.ContainingType?.OriginalDefinition, _type.OriginalDefinition))
            {
                _calls.AddCall(context.ContainingSymbol, target.OriginalDefinition);

                // A call inside a lambda runs when the lambda does: a timer tick, an event, a continuation.
                if (InsideLambda(invocation))
                {
                    _calls.AddSelfRunning(target.OriginalDefinition);
                }
            }

            RecordEscapes(invocation);
        }

        public void OnAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (!OwnsOperation(context.ContainingSymbol))
            {
                return;
            }

            // map[key] = value inserts.
            if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer
                && MemberReferences.Referenced(indexer.Instance) is { } indexed)
            {
                if (_members.TryGetValue(indexed, out TrackedMember? tracked) ? CollectionMethodRoles.IndexerSetGrows(tracked.Kind) : IsDictionaryLike(indexed))
                {
                    Record(context, indexed, GrowthEventKind.Grow, assignment);
                }

                return;
            }

            if (MemberReferences.Referenced(assignment.Target) is not { } member)
            {
                return;
            }

            if (_members.TryGetValue(member, out TrackedMember? target))
            {
                RecordCreation(target, assignment.Value);
            }

            // A new collection swapped in later empties it: the "reassign on a size check" trim. One built from the
            // member itself (_items = _items.Append(x).ToList(), or .Skip(1)) may grow or shrink it: only a size check
            // around it says which.
            bool rebuiltFromItself = ReadsMember(assignment.Value, member);
            if (!rebuiltFromItself || SizeGuards.IsGuarded(assignment, member))
            {
                Record(context, member, GrowthEventKind.Clear, assignment);
            }
        }

        public void OnInitializer(OperationAnalysisContext context)
        {
            ImmutableArray<ISymbol> initialized = context.Operation switch
            {
                IFieldInitializerOperation field => ImmutableArray<ISymbol>.CastUp(field.InitializedFields),
                IPropertyInitializerOperation property => ImmutableArray<ISymbol>.CastUp(property.InitializedProperties),
                _ => ImmutableArray<ISymbol>.Empty,
            };
            IOperation value = ((ISymbolInitializerOperation)context.Operation).Value;
            foreach (ISymbol symbol in initialized)
            {
                if (_members.TryGetValue(symbol.OriginalDefinition, out TrackedMember? member))
                {
                    RecordCreation(member, value);
                }
            }
        }

        public void OnMethodReference(OperationAnalysisContext context)
        {
            // A method handed out as a delegate (a timer callback, an event handler) runs by itself.
            var reference = (IMethodReferenceOperation)context.Operation;
            if (SymbolEqualityComparer.Default.Equals(reference.Method.ContainingType?.OriginalDefinition, _type.OriginalDefinition))
            {
                _calls.AddSelfRunning(reference.Method.OriginalDefinition);
            }
        }

        public void Report(SymbolAnalysisContext context)
        {
            foreach (TrackedMember member in _members.Values)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!member.HoldsGrowable || _session.IsAllowedUnbounded(member.Symbol) || member.Symbol.Locations.Length == 0)
                {
                    continue;
                }

                GrowthVerdict verdict = GrowthVerdict.Decide(member, _calls, _tracker);
                // A capacity argument that reads like a bound is the most specific mistake, so BND003 comes first.
                Diagnostic? diagnostic = verdict.Outcome switch
                {
                    GrowthOutcome.Bounded => null,
                    _ when member.CapacityText is { } capacity => Create(
                        DiagnosticDescriptors.CapacityIsNotABound,
                        member,
                        capacity,
                        member.CreatedTypeName ?? member.DeclaredType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                        verdict.Outcome == GrowthOutcome.ManualCleanup
                            ? verdict.Evidence + ", which nothing on the add path calls"
                            : verdict.Evidence),
                    GrowthOutcome.ManualCleanup => Create(DiagnosticDescriptors.BoundedOnlyByManualCleanup, member, verdict.Evidence, verdict.Cleaners),
                    _ => Create(DiagnosticDescriptors.UnboundedCollection, member, verdict.Evidence),
                };
                if (diagnostic is not null)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }

        private Diagnostic Create(DiagnosticDescriptor descriptor, TrackedMember member, params string[] details)
        {
            var arguments = new object[details.Length + 2];
            arguments[0] = member.Symbol.Name;
            arguments[1] = _type.Name;
            details.CopyTo(arguments, 2);
            return Diagnostic.Create(
                descriptor,
                member.Symbol.Locations[0],
                CompilationSession.Properties(member.Kind, member.Capacity),
                arguments);
        }

        private void Record(OperationAnalysisContext context, ISymbol member, GrowthEventKind kind, IOperation operation)
        {
            ISymbol method = context.ContainingSymbol;
            bool inConstructor = IsConstructor(method) || method is IFieldSymbol or IPropertySymbol;
            bool scheduled = inConstructor && InsideLambda(operation);
            if (inConstructor && !scheduled)
            {
                // Filling or creating a collection while the object is built is its initial state, not growth.
                return;
            }

            // Removing the entries a loop picks out (the stale ones) is a sweep, not the end of one named entry.
            if (kind == GrowthEventKind.RemoveSpecific && InsideLoop(operation))
            {
                kind = GrowthEventKind.Sweep;
            }

            var growthEvent = new GrowthEvent(kind, method, SizeGuards.IsGuarded(operation, member), scheduled, operation.Syntax.GetLocation());
            if (_members.TryGetValue(member, out TrackedMember? tracked))
            {
                tracked.Record(growthEvent);
            }
            else if (!member.IsStatic
                && member.ContainingType is { } owner
                && owner.Locations.Length > 0 && owner.Locations[0].IsInSource
                && _session.Collections.MayHoldGrowable(MemberType(member))
                && _session.Classify(owner) == TrackerKind.None)
            {
                _session.Collections.IsGrowableClass(MemberType(member), out CollectionKind elementKind);
                _session.Elements.Record(member, elementKind, growthEvent, MethodNames.Qualified(method));
            }
        }

        private void RecordCreation(TrackedMember member, IOperation value)
        {
            IOperation created = value;
            while (created is IConversionOperation conversion)
            {
                created = conversion.Operand;
            }

            ITypeSymbol? createdType = created.Type;
            if (!_session.Collections.IsGrowableClass(createdType, out CollectionKind kind))
            {
                return;
            }

            int? capacity = null;
            string? capacityText = null;
            if (created is IObjectCreationOperation creation)
            {
                foreach (IArgumentOperation argument in creation.Arguments)
                {
                    if (argument.Parameter?.Name == "capacity" && argument.ArgumentKind == ArgumentKind.Explicit)
                    {
                        capacity = argument.Value.ConstantValue is { HasValue: true, Value: int constant } ? constant : null;
                        capacityText = capacity?.ToString(CultureInfo.InvariantCulture) ?? argument.Value.Syntax.ToString();
                    }
                }
            }

            member.RecordCreation(createdType, kind, capacity, capacityText);
        }

        // Handing the collection to code that can change it: that code may bound it, out of this analysis' sight.
        private void RecordEscapes(IInvocationOperation invocation)
        {
            bool reducedExtension = invocation.TargetMethod.IsExtensionMethod;
            for (int i = 0; i < invocation.Arguments.Length; i++)
            {
                IArgumentOperation argument = invocation.Arguments[i];
                if ((reducedExtension && i == 0) || MemberReferences.Referenced(argument.Value) is not { } member
                    || !_members.TryGetValue(member, out TrackedMember? tracked))
                {
                    continue;
                }

                bool mutable = argument.Parameter is { } parameter
                    && (parameter.RefKind != RefKind.None || _session.Collections.MayHoldGrowable(parameter.Type));
                if (mutable && invocation.TargetMethod.ContainingType?.Name != "Interlocked")
                {
                    tracked.RecordEscape("'" + invocation.TargetMethod.Name + "' (line "
                        + SourceOrder.Line(argument.Syntax.GetLocation()).ToString(CultureInfo.InvariantCulture) + ")");
                }
            }
        }

        private bool IsDictionaryLike(ISymbol member)
        {
            return _session.Collections.IsGrowableClass(MemberType(member), out CollectionKind kind) ? kind == CollectionKind.Dictionary
                : _session.Collections.IsGrowableInterface(MemberType(member), out kind) && kind == CollectionKind.Dictionary;
        }

        // Operations of nested types belong to their own analysis.
        private bool OwnsOperation(ISymbol containingSymbol)
        {
            return SymbolEqualityComparer.Default.Equals(containingSymbol.ContainingType?.OriginalDefinition, _type.OriginalDefinition);
        }

        private bool IsConstructor(ISymbol symbol)
        {
            return symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor
                && SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, _type.OriginalDefinition);
        }

        private static ITypeSymbol? MemberType(ISymbol member)
        {
            return member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
        }

        private static bool ReadsMember(IOperation value, ISymbol member)
        {
            foreach (IOperation descendant in value.DescendantsAndSelf())
            {
                if (MemberReferences.Refers(descendant, member))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InsideLoop(IOperation operation)
        {
            for (IOperation? parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case ILoopOperation:
                        return true;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        private static bool InsideLambda(IOperation operation)
        {
            for (IOperation? parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsLinq(IMethodSymbol method)
        {
            return method.IsExtensionMethod && method.ContainingType?.Name is "Enumerable" or "Queryable";
        }
    }
}
