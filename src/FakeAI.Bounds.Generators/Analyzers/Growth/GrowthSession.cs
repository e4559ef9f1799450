using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The state of the unbounded-collection analysis for one compilation: the resolved types, which classes are
/// trackers, and the element-state facts that are joined once the compilation is done (BND006).
/// </summary>
internal sealed class GrowthSession
{
    private readonly INamedTypeSymbol? _trackerAttribute;
    private readonly INamedTypeSymbol? _allowUnboundedAttribute;
    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly bool _analyzeTestCode;
    private readonly ConcurrentDictionary<INamedTypeSymbol, TrackerKind> _trackerKinds = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentBag<DeferredFinding> _deferred = new();
    private readonly ConcurrentBag<(ISymbol[] Adders, Diagnostic Finding)> _registrations = new();
    // Per registration method, whether every call so far runs at startup; per protected construction helper, whether
    // every call so far builds the object it is called on (the two kinds of method never overlap: public or internal,
    // protected). Either way, whether the method only sets the program up.
    private readonly ConcurrentDictionary<ISymbol, bool> _calledOnlyToSetUp = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ConcurrentBag<ISymbol>> _helperCallers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentBag<(ISymbol[] CleanupEntries, ISymbol[]? RegistrationAdders, Diagnostic Finding)> _cleanups = new();
    private readonly ConcurrentBag<(IParameterSymbol[] KeyParameters, System.Action<System.Action<Diagnostic>> Report)> _keyed = new();

    public GrowthSession(
        GrowableCollectionTypes collections,
        INamedTypeSymbol? trackerAttribute,
        INamedTypeSymbol? allowUnboundedAttribute,
        AnalyzerConfigOptionsProvider options,
        AssemblyReach reach)
    {
        Collections = collections;
        Reach = reach;
        KeyArguments = new KeyArguments(reach);
        _trackerAttribute = trackerAttribute;
        _allowUnboundedAttribute = allowUnboundedAttribute;
        _options = options;
        _analyzeTestCode = BoundsOptions.AnalyzeTestCode(options.GlobalOptions);
    }

    public GrowableCollectionTypes Collections { get; }

    public ElementStateStore Elements { get; } = new();

    public LongLivedTypes LongLived { get; } = new();

    public OutsideCalls OutsideCalls { get; } = new();

    public KeyArguments KeyArguments { get; }

    /// <summary>The static collections other types remove from.</summary>
    public OutsideRemovals OutsideRemovals { get; } = new();

    /// <summary>Which code outside the compilation can call its members.</summary>
    public AssemblyReach Reach { get; }

    public void StartType(SymbolStartAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || (!_analyzeTestCode && TestCode.IsTestSupport(type)))
        {
            return;
        }

        TrackerKind tracker = Classify(type);

        // A configuration object's collections, and what it holds, are filled by the code that configures: neither is
        // judged. Its code is still read, as every type's is, for what it does to other types' collections.
        if (!TrackerClasses.HeldToTrackerStandard(tracker) && ConfigurationTypes.IsConfiguration(type))
        {
            ReadCode(context, new TypeGrowthAnalysis(this, type, tracker, localReason: null));
            return;
        }

        var owned = new OwnedInstances(type, context.CancellationToken);
        ISymbol? singletonHolder = RecordHolders(type, owned);
        string? localReason = LongLivedShapes.LocalReason(type, tracker, TrackerSuffix(type, tracker), singletonHolder);
        if (localReason is not null)
        {
            LongLived.RecordLocal(type, localReason);
        }

        var analysis = new TypeGrowthAnalysis(this, type, tracker, localReason);
        if (tracker != TrackerKind.None)
        {
            RecordHeldElements(type);
        }

        foreach (ISymbol member in type.GetMembers())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            analysis.Consider(member);
        }

        if (type.TypeKind == TypeKind.Class)
        {
            context.RegisterOperationAction(RecordCreatedHolder, OperationKind.FieldInitializer);
        }

        ReadCode(context, analysis);

        // Creations, calls and delegates matter only to a type with collections of its own. Those judged as the type
        // ends (static members, a class long-lived by its own declaration) need its end; the instance members of any
        // other class wait for the end of the compilation, and the driver need not track the type's end for them.
        if (analysis.HasTrackedMembers)
        {
            context.RegisterOperationAction(analysis.OnInitializer, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
            context.RegisterOperationAction(analysis.OnInvalidOperation, OperationKind.Invalid);
            if (analysis.HasMembersJudgedAtTypeEnd)
            {
                context.RegisterSymbolEndAction(analysis.Report);
            }

            if (analysis.HasMembersJudgedAtCompilationEnd)
            {
                Defer(type, analysis.ReportLongLivedInstanceMembers);
            }

            if (analysis.HasRequestKeyedMembers)
            {
                Defer(type, analysis.ReportRequestKeyedEntries);
            }
        }
    }

    // Every type's code may grow the collections of an element type a tracker holds (BND006).
    private static void ReadCode(SymbolStartAnalysisContext context, TypeGrowthAnalysis analysis)
    {
        context.RegisterOperationAction(analysis.OnInvocation, OperationKind.Invocation);
        context.RegisterOperationAction(analysis.OnAssignment, OperationKind.SimpleAssignment);
        context.RegisterOperationAction(analysis.OnMethodReference, OperationKind.MethodReference);
    }

    /// <summary>
    /// The instance collections of a class that is long-lived only if the rest of the compilation says so:
    /// <paramref name="report"/> judges and reports them, with the reason, once the end shows that it is.
    /// </summary>
    public void Defer(INamedTypeSymbol type, System.Action<string?, System.Action<Diagnostic>, System.Threading.CancellationToken> report)
    {
        _deferred.Add(new DeferredFinding(type.OriginalDefinition, report));
    }

    /// <summary>A static collection that only public registration methods add to: reported at the end if code other than startup calls them.</summary>
    public void DeferRegistration(ISymbol[] adders, Diagnostic finding)
    {
        _registrations.Add((adders, finding));
    }

    /// <summary>
    /// A collection of an ordinary class bounded only by a cleanup off its add path (BND002): reported at the end
    /// unless another type calls one of <paramref name="cleanupEntries"/>; when <paramref name="registrationAdders"/>
    /// is set, only if code other than startup calls them, too.
    /// </summary>
    public void DeferCleanup(ISymbol[] cleanupEntries, ISymbol[]? registrationAdders, Diagnostic finding)
    {
        _cleanups.Add((cleanupEntries, registrationAdders, finding));
    }

    /// <summary>
    /// A finding whose unbounded adds are keyed only by their methods' <paramref name="keyParameters"/>: left out at the
    /// end if every caller passes a key the program fixes, else handed to <paramref name="report"/> (which may defer
    /// it further, as a registration or a cleanup).
    /// </summary>
    public void DeferKeyed(IParameterSymbol[] keyParameters, System.Action<System.Action<Diagnostic>> report)
    {
        _keyed.Add((keyParameters, report));
    }

    /// <summary>A call of a public static registration method, and whether the code making it runs at startup.</summary>
    public void RecordRegistrationCall(ISymbol method, ISymbol caller, bool insideFunction)
    {
        RecordSetUpCall(method, StartupRegistration.IsStartupCaller(caller, insideFunction));
    }

    /// <summary>
    /// A call of a protected helper (<see cref="ConstructionHelpers"/>), or a delegate made of it, and whether it builds
    /// the object it is called on.
    /// </summary>
    public void RecordHelperCall(ISymbol method, bool buildsItsObject) => RecordSetUpCall(method, buildsItsObject);

    /// <summary>A protected helper called by another helper on the same object: it builds the object when that one does.</summary>
    public void RecordHelperHandOn(ISymbol method, ISymbol callingHelper)
    {
        RecordSetUpCall(method, setsUp: true);
        _helperCallers.GetOrAdd(method.OriginalDefinition, static _ => new ConcurrentBag<ISymbol>()).Add(callingHelper.OriginalDefinition);
    }

    // How many helpers deep a hand-on is followed.
    private const int MaxHelperHandOns = 3;

    private void RecordSetUpCall(ISymbol method, bool setsUp)
    {
        _calledOnlyToSetUp.AddOrUpdate(method.OriginalDefinition, setsUp, (_, before) => before && setsUp);
    }

    // Called at least once, only while an object of its class is built: by constructors, or by helpers that are.
    private bool CalledOnlyToBuild(ISymbol method, int depth)
    {
        if (!_calledOnlyToSetUp.TryGetValue(method.OriginalDefinition, out bool onlyToBuild) || !onlyToBuild)
        {
            return false;
        }

        if (!_helperCallers.TryGetValue(method.OriginalDefinition, out ConcurrentBag<ISymbol>? callers))
        {
            return true;
        }

        foreach (ISymbol caller in callers)
        {
            if (depth >= MaxHelperHandOns || SymbolEqualityComparer.Default.Equals(caller, method.OriginalDefinition) || !CalledOnlyToBuild(caller, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Once every type was analyzed: the findings that wait for a class to be known long-lived, and BND006.</summary>
    public void ReportAtCompilationEnd(CompilationAnalysisContext context)
    {
        // The classes shown long-lived first: their registration-only members join the registrations below.
        if (!_deferred.IsEmpty)
        {
            System.Collections.Generic.Dictionary<INamedTypeSymbol, string> reasons = LongLived.Resolve(context.CancellationToken);
            foreach (DeferredFinding finding in _deferred)
            {
                // A class nothing shows long-lived is still judged for the entries of its ended operations.
                reasons.TryGetValue(finding.Type, out string? reason);
                finding.Report(reason, context.ReportDiagnostic, context.CancellationToken);
            }
        }

        foreach ((IParameterSymbol[] keyParameters, System.Action<System.Action<Diagnostic>> report) in _keyed)
        {
            if (!KeyArguments.AllFixed(keyParameters))
            {
                report(context.ReportDiagnostic);
            }
        }

        foreach ((ISymbol[] entries, ISymbol[]? registrationAdders, Diagnostic finding) in _cleanups)
        {
            if (OutsideCalls.AnyCalled(entries))
            {
                continue;
            }

            if (registrationAdders is null)
            {
                context.ReportDiagnostic(finding);
            }
            else
            {
                _registrations.Add((registrationAdders, finding));
            }
        }

        foreach ((ISymbol[] adders, Diagnostic finding) in _registrations)
        {
            foreach (ISymbol adder in adders)
            {
                if (CalledOutsideStartup(adder))
                {
                    context.ReportDiagnostic(finding);
                    break;
                }
            }
        }

        ReportElementState(context);
    }

    // A registration method called by code that does not run at startup: directly, or through the base method it
    // overrides or the interface member it implements (a controller calling IInstaller.InstallPackage). A protected
    // helper called other than while an object of its class is built.
    private bool CalledOutsideStartup(ISymbol adder)
    {
        if (adder is not IMethodSymbol method)
        {
            return false;
        }

        // A protected helper: called at least once, and only while derived classes build their objects.
        if (ConstructionHelpers.IsCandidate(method, Reach))
        {
            return !CalledOnlyToBuild(method, depth: 0);
        }

        foreach (ISymbol name in CallNames.Of(method))
        {
            if (_calledOnlyToSetUp.TryGetValue(name, out bool onlyAtStartup) && !onlyAtStartup)
            {
                return true;
            }
        }

        return false;
    }

    private void ReportElementState(CompilationAnalysisContext context)
    {
        foreach ((ElementMember member, string holder) in Elements.UnboundedHeldMembers())
        {
            context.CancellationToken.ThrowIfCancellationRequested();
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
                "'" + MethodNames.Qualified(add.Method) + "' adds to it (line " + SourceOrder.Line(add.Location).ToString(CultureInfo.InvariantCulture)
                    + ") and nothing removes from it under a size check",
                holder));
        }
    }

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
            .Add(DiagnosticProperties.CollectionKind, kind.ToString());
        return capacity is { } value
            ? properties.Add(DiagnosticProperties.Capacity, value.ToString(CultureInfo.InvariantCulture))
            : properties;
    }

    private string? TrackerSuffix(INamedTypeSymbol type, TrackerKind tracker)
    {
        return tracker is TrackerKind.ByName && type.Locations.Length > 0 && type.Locations[0].SourceTree is { } tree
            ? BoundsOptions.Read(_options, tree).TrackerSuffixOf(type.Name)
            : null;
    }

    // Who holds whom: a static field makes the class it holds long-lived; an instance field passes a holder's
    // long life on to the class it holds (resolved at the end, when every holder is known). Returns the class's own
    // singleton holder, which is a reason of the class itself.
    private ISymbol? RecordHolders(INamedTypeSymbol type, OwnedInstances owned)
    {
        ISymbol? singletonHolder = null;
        foreach (ISymbol member in type.GetMembers())
        {
            // Fields, and auto-properties through their backing fields.
            (ISymbol? holder, ITypeSymbol? memberType) = member switch
            {
                IFieldSymbol { IsConst: false, IsImplicitlyDeclared: false } field => (field, field.Type),
                IFieldSymbol { IsImplicitlyDeclared: true, AssociatedSymbol: IPropertySymbol property } => (property, property.Type),
                _ => ((ISymbol?)null, (ITypeSymbol?)null),
            };
            if (holder is null || memberType is null || LongLivedShapes.HeldType(memberType) is not { } held || Collections.MayHoldGrowable(held))
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(held.OriginalDefinition, type.OriginalDefinition))
            {
                singletonHolder ??= LongLivedShapes.IsSingletonHolder(holder, type, owned) ? holder : null;
                continue;
            }

            // Only an instance the holder creates shares its life (a sentinel's back-reference does not).
            if (!owned.CreatesIt(holder))
            {
                continue;
            }

            if (holder.IsStatic)
            {
                LongLived.RecordStaticHolder(held, holder);
            }
            else if (type.TypeKind == TypeKind.Class)
            {
                LongLived.RecordField(type, holder, held);
            }
        }

        return singletonHolder;
    }

    // `static readonly ExpressionVisitor Visitor = new IfNotNullVisitor();`: a field declared as a base type (one from
    // outside the program, or an abstract one) holds the program's class it creates, whose own fields RecordHolders
    // cannot see from the declared type.
    private void RecordCreatedHolder(OperationAnalysisContext context)
    {
        var initializer = (IFieldInitializerOperation)context.Operation;
        if (initializer.Value.WithoutConversions() is not IObjectCreationOperation { Type: INamedTypeSymbol created }
            || LongLivedShapes.HeldType(created) is not { } held
            || Collections.MayHoldGrowable(held))
        {
            return;
        }

        foreach (IFieldSymbol field in initializer.InitializedFields)
        {
            if (SymbolEqualityComparer.Default.Equals(LongLivedShapes.HeldType(field.Type)?.OriginalDefinition, held.OriginalDefinition)
                || SymbolEqualityComparer.Default.Equals(held.OriginalDefinition, field.ContainingType.OriginalDefinition))
            {
                continue;
            }

            if (field.IsStatic)
            {
                LongLived.RecordStaticHolder(held, field);
            }
            else
            {
                LongLived.RecordField(field.ContainingType, field, held);
            }
        }
    }

    private readonly record struct DeferredFinding(
        INamedTypeSymbol Type,
        System.Action<string?, System.Action<Diagnostic>, System.Threading.CancellationToken> Report);

    // A tracker's collections hold element types; their own collections are checked at the end (BND006). Only
    // members that hold entries count: an IOptions<T>, a Func<T> or a Lazy<T> keeps one T, not one per entry.
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
            if (Collections.MayHoldGrowable(named) || ImplementsEnumerable(named))
            {
                foreach (ITypeSymbol argument in named.TypeArguments)
                {
                    RecordHeldElement(argument, holder);
                }
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

    private static bool ImplementsEnumerable(INamedTypeSymbol type)
    {
        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }
        }

        return false;
    }

    private void RecordHeldElement(ITypeSymbol candidate, string holder)
    {
        if (candidate is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } element
            && element.Locations.Length > 0
            && element.Locations[0].IsInSource
            && Classify(element) == TrackerKind.None
            && !ConfigurationTypes.IsConfiguration(element))
        {
            Elements.RecordHeld(element.OriginalDefinition, holder);
        }
    }
}
