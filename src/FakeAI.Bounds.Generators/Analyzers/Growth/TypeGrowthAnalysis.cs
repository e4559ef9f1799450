using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Globalization;
using System.Threading;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The analysis of one type: its long-lived collection members (of a tracker, or static), what its code does to
/// them and its calls, reported at the end of the type. Its code's changes to the collections of other, ordinary
/// types go to the session's element-state store (BND006). Callbacks run concurrently; the state they fill locks.
/// </summary>
internal sealed class TypeGrowthAnalysis
{
    private readonly GrowthSession _session;
    private readonly INamedTypeSymbol _type;
    private readonly TrackerKind _tracker;
    private readonly string? _localReason;
    private readonly Dictionary<ISymbol, TrackedMember> _members = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _memberNames = new(System.StringComparer.Ordinal);
    private readonly CallGraph _calls = new();

    /// <param name="session">The compilation's analysis.</param>
    /// <param name="type">The type analyzed.</param>
    /// <param name="tracker">Whether it is a tracker, and how strictly it is held to that.</param>
    /// <param name="localReason">Why the type is long-lived by its own declaration; <see langword="null"/> when only
    /// the rest of the compilation can tell (a registration, a holder), and its findings wait for the end.</param>
    public TypeGrowthAnalysis(GrowthSession session, INamedTypeSymbol type, TrackerKind tracker, string? localReason)
    {
        _session = session;
        _type = type;
        _tracker = tracker;
        _localReason = localReason;
    }

    public bool HasTrackedMembers => _members.Count > 0;

    /// <summary>Tracks a collection field or auto-property that lives as long as the process (called before any callback).</summary>
    public void Consider(ISymbol member)
    {
        (ISymbol? storage, ITypeSymbol? type) = member switch
        {
            IFieldSymbol { IsImplicitlyDeclared: false, IsConst: false } field => (field, field.Type),
            IFieldSymbol { IsImplicitlyDeclared: true, AssociatedSymbol: IPropertySymbol property } => (property, property.Type),
            _ => ((ISymbol?)null, (ITypeSymbol?)null),
        };
        // Static members live as long as the process; instance members as long as their class's instances, which
        // the end of the compilation tells for classes that are not long-lived by their own declaration.
        if (storage is null || type is null || (!storage.IsStatic && _type.TypeKind != TypeKind.Class))
        {
            return;
        }

        bool declaredGrowable = _session.Collections.IsGrowableClass(type, out CollectionKind kind);
        if (!declaredGrowable && !_session.Collections.IsGrowableInterface(type, out kind))
        {
            return;
        }

        if (KeySpaces.IsFixedByTheProgram(type, kind))
        {
            return;
        }

        _members[storage.OriginalDefinition] = new TrackedMember(storage, type, kind, declaredGrowable);
        _memberNames.Add(storage.Name);
    }

    public void OnInvocation(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!OwnsOperation(context.ContainingSymbol))
        {
            return;
        }

        IMethodSymbol target = invocation.TargetMethod;
        if (SingletonRegistrations.TryRead(invocation, out INamedTypeSymbol? singleton))
        {
            _session.LongLived.RecordRegistration(singleton!, target.Name, invocation.Syntax.GetLocation());
        }

        if ((StartupRegistration.IsRegistrationMethod(target) || StartupRegistration.IsHostStartMethod(target)) && target.Locations.Length > 0 && target.Locations[0].IsInSource)
        {
            _session.RecordRegistrationCall(target, context.ContainingSymbol, DelegateTiming.InsideLambda(invocation));
        }

        if (ConstructionHelpers.IsCandidate(target, _session.Reach))
        {
            if (ConstructionHelpers.HandsOnFrom(invocation, context.ContainingSymbol, _session.Reach))
            {
                _session.RecordHelperHandOn(target, context.ContainingSymbol);
            }
            else
            {
                _session.RecordHelperCall(target, ConstructionHelpers.BuildsItsObject(invocation, context.ContainingSymbol));
            }
        }

        _session.OutsideCalls.Record(target, _type);
        _session.KeyArguments.RecordCall(invocation, context.ContainingSymbol, _type);

        IOperation? receiver = target.IsExtensionMethod || target.Name == "GetValueRefOrAddDefault"
            ? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
            : invocation.Instance;

        if (CollectionMethodRoles.TryClassify(target.Name, out GrowthEventKind role) && !IsLinq(target))
        {
            int keyIndex = target.IsExtensionMethod || target.Name == "GetValueRefOrAddDefault" ? 1 : 0;
            Record(context, receiver, role, invocation, invocation.Arguments.Length > keyIndex ? invocation.Arguments[keyIndex].Value : null);
            if (role == GrowthEventKind.RemoveSpecific
                && _localReason is null
                && _members.Count > 0
                && EntryValueRemovals.MapOf(receiver, context.CancellationToken) is { IsStatic: false } map
                && _members.TryGetValue(map, out TrackedMember? emptied))
            {
                emptied.AddAccess(new EntryAccess(context.ContainingSymbol, invocation.Syntax.GetLocation(), EntryAccessKind.ValueRemoval));
            }
        }
        else if (_localReason is null
            && _members.Count > 0
            && EntryAccess.KindOf(invocation) is { } accessKind
            && MemberReferences.ReferencedOnThis(receiver) is { IsStatic: false } accessedMember
            && _members.TryGetValue(accessedMember, out TrackedMember? accessed)
            && EntryAccess.Applies(accessKind, accessed.Kind))
        {
            accessed.AddAccess(new EntryAccess(context.ContainingSymbol, invocation.Syntax.GetLocation(), accessKind));
        }

        // Interlocked.Exchange(ref _items, new List<T>()) swaps in an empty collection.
        if (target.Name == "Exchange" && target.ContainingType?.Name == "Interlocked" && invocation.Arguments.Length > 0)
        {
            Record(context, invocation.Arguments[0].Value, GrowthEventKind.Clear, invocation);
        }

        if (!HasTrackedMembers)
        {
            return;
        }

        if (SymbolEqualityComparer.Default.Equals(target.ContainingType?.OriginalDefinition, _type.OriginalDefinition))
        {
            RecordCall(context.ContainingSymbol, target.OriginalDefinition, invocation);
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

        // map[key] = value inserts, through a collection's own indexer (not one a subclass adds).
        if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer)
        {
            if (IsCollectionIndexer(indexer.Property)
                && IndexerSetGrows(indexer.Instance)
                && !(indexer.Instance is { } map && indexer.Arguments.Length > 0 && ExistingKeyChecks.OnlyUpdates(assignment, map, indexer.Arguments[0].Value)))
            {
                Record(context, indexer.Instance, GrowthEventKind.Grow, assignment, indexer.Arguments.Length > 0 ? indexer.Arguments[0].Value : null);
            }

            return;
        }

        // `Settings.ExcludeAssembly = …` calls a registration setter as surely as an invocation calls a method.
        if (assignment.Target is IPropertyReferenceOperation { Property.SetMethod: { } setter }
            && StartupRegistration.IsRegistrationMethod(setter)
            && setter.Locations.Length > 0 && setter.Locations[0].IsInSource)
        {
            _session.RecordRegistrationCall(setter, context.ContainingSymbol, DelegateTiming.InsideLambda(assignment));
        }

        ISymbol? member = MemberReferences.Referenced(assignment.Target);
        if (member is null || (!_members.ContainsKey(member) && !_session.Collections.MayHoldGrowable(MemberType(member))))
        {
            return;
        }

        if (_members.TryGetValue(member, out TrackedMember? target) && IsConstruction(context.ContainingSymbol))
        {
            RecordCreation(target, assignment.Value);
        }

        // A new collection swapped in later empties it: the "reassign on a size check" trim. One rebuilt from the
        // member itself keeps part of it: a Take/Skip/Where rebuild trims or sweeps, other rebuilds (an Append, a
        // Concat) may grow it, so those count only under a size check.
        if (NullInitializations.RunsOnlyWhenNull(assignment, member))
        {
            return;
        }

        if (!ReadsMember(assignment.Value, member))
        {
            Record(context, assignment.Target, GrowthEventKind.Clear, assignment);
        }
        else if (RebuildKind(assignment.Value) is { } rebuild)
        {
            Record(context, assignment.Target, rebuild, assignment);
        }
        else if (SizeGuards.IsGuarded(assignment, member: null))
        {
            Record(context, assignment.Target, GrowthEventKind.Clear, assignment);
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

    /// <summary>
    /// A call the compiler could not bind (an argument of a type that does not resolve, code half written) still names
    /// the method it means: each of the type's own candidates counts as called, so that a private method is not taken
    /// for one that never runs (<see cref="CallPaths.NeverRuns"/>) only because its calls do not bind.
    /// </summary>
    public void OnInvalidOperation(OperationAnalysisContext context)
    {
        if (context.Operation.Syntax is not InvocationExpressionSyntax invocation
            || context.Operation.SemanticModel is not { } model
            || !OwnsOperation(context.ContainingSymbol))
        {
            return;
        }

        SymbolInfo info = model.GetSymbolInfo(invocation, context.CancellationToken);
        foreach (ISymbol candidate in info.CandidateSymbols)
        {
            if (candidate is IMethodSymbol method && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, _type.OriginalDefinition))
            {
                _calls.AddCall(context.ContainingSymbol, method.OriginalDefinition);
            }
        }
    }

    public void OnMethodReference(OperationAnalysisContext context)
    {
        // A method handed out as a delegate (a timer callback, an event handler) runs by itself; one of another
        // type's is a call of it from here.
        var reference = (IMethodReferenceOperation)context.Operation;
        if (!OwnsOperation(context.ContainingSymbol))
        {
            return;
        }

        _session.KeyArguments.RecordReference(reference.Method, _type);
        if (SymbolEqualityComparer.Default.Equals(reference.Method.ContainingType?.OriginalDefinition, _type.OriginalDefinition))
        {
            _calls.AddSelfRunning(reference.Method.OriginalDefinition);
            if (IsConstruction(context.ContainingSymbol) && StartsAThread(reference))
            {
                // The thread holds the object for as long as it runs, which for a loop started at construction is
                // the life of the process.
                _session.LongLived.RecordLocal(_type, "its constructor starts a thread that runs '" + reference.Method.Name + "'");
            }
        }
        else
        {
            _session.OutsideCalls.Record(reference.Method, _type);
        }

        // A protected helper handed out as a delegate runs whenever its holder calls it.
        if (ConstructionHelpers.IsCandidate(reference.Method, _session.Reach))
        {
            _session.RecordHelperCall(reference.Method, buildsItsObject: false);
        }
    }

    /// <summary>Static members, or a class long-lived by its own declaration: judged when the type ends.</summary>
    public bool HasMembersJudgedAtTypeEnd => _members.Count > 0 && (_localReason is not null || AnyStatic(true));

    /// <summary>The instance members of a class only the rest of the compilation can show long-lived.</summary>
    public bool HasMembersJudgedAtCompilationEnd => _localReason is null && AnyStatic(false);

    /// <summary>A map or set keyed by a per-request object, judged at the end of the compilation whatever holds its class (BND010).</summary>
    public bool HasRequestKeyedMembers => _members.Values.Any(member => RequestObjects.KeyOf(member) is not null);

    /// <summary>
    /// BND010: the maps and sets keyed by per-request objects that the class takes entries out of only one by one, in
    /// a call other than the adding one. The class's lifetime does not matter: it keys by request because it sees many.
    /// </summary>
    public void ReportRequestKeyedEntries(string? reason, System.Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        // A tracker by declaration is held to showing its bound: BND001 already reports a per-key lifecycle there.
        if (TrackerClasses.HeldToTrackerStandard(_tracker))
        {
            return;
        }

        foreach (TrackedMember member in _members.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (RequestObjects.KeyOf(member) is { } key
                && member.HoldsGrowable && member.Symbol.Locations.Length > 0 && !_session.IsAllowedUnbounded(member.Symbol)
                && !_session.OutsideRemovals.Any(member.Symbol)
                && RequestKeyedEntries.Explain(member) is { } evidence)
            {
                report(Create(DiagnosticDescriptors.RequestsKeptUntilALaterCall, member, key.Name, evidence));
            }
        }
    }

    public void Report(SymbolAnalysisContext context)
    {
        CallPaths? paths = null;
        foreach (TrackedMember member in _members.Values)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (!member.Symbol.IsStatic && _localReason is null)
            {
                continue;
            }

            paths ??= _calls.Freeze(context.CancellationToken);
            if (Judge(member, paths) is not { } verdict)
            {
                continue;
            }

            string lifetime = member.Symbol.IsStatic ? LongLivedShapes.OfStaticMember(member.Symbol) : LongLivedShapes.OfType(_type, _localReason!);
            if (member.Symbol.IsStatic && !TrackerClasses.HeldToTrackerStandard(_tracker) && OutsideRemovals.CanBeReachedFromOtherTypes(member.Symbol))
            {
                // Another type may take entries out of it (a provider's Dispose removing its own entry), which only
                // the end of the compilation tells.
                _session.Defer(_type, (_, report, cancellationToken) =>
                {
                    if (!_session.OutsideRemovals.Any(member.Symbol))
                    {
                        ReportOrDefer(member, verdict, _calls.Freeze(cancellationToken), lifetime, atCompilationEnd: true, report);
                    }
                });
                continue;
            }

            ReportOrDefer(member, verdict, paths, lifetime, atCompilationEnd: false, context.ReportDiagnostic);
        }
    }

    /// <summary>
    /// Once the compilation showed the class long-lived (a registration, a static holder, an owner), its instance
    /// members judged and reported with that reason. Most classes are never shown long-lived: for them only the members
    /// that BND009's evidence concerns (nothing removes from them, and the class looks up, empties or ends entries) are
    /// judged.
    /// </summary>
    /// <param name="reason">Why the class is long-lived; null when nothing shows it, and only entries of ended
    /// operations are reported (BND009).</param>
    public void ReportLongLivedInstanceMembers(string? reason, System.Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (reason is null)
        {
            ReportEntriesOfEndedOperations(report, cancellationToken);
            return;
        }

        CallPaths paths = _calls.Freeze(cancellationToken);

        foreach (TrackedMember member in _members.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!member.Symbol.IsStatic && Judge(member, paths) is { } verdict)
            {
                ReportOrDefer(member, verdict, paths, LongLivedShapes.OfType(_type, reason), atCompilationEnd: true, report);
            }
        }
    }

    // A class nothing shows long-lived still lives as long as the operations it sees end: a map or set it fills for
    // them and never removes from keeps every ended operation's entry (BND009). Only members nothing removes from at
    // all, whose keys the callers do not all fix.
    private void ReportEntriesOfEndedOperations(System.Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        CallPaths? paths = null;
        foreach (TrackedMember member in _members.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member.Symbol.IsStatic || member.Kind is not (CollectionKind.Dictionary or CollectionKind.Set))
            {
                continue;
            }

            // The cheap checks first: most members have a removal, or nothing that ends.
            (GrowthEvent[] events, GrowthEscape[] escapes) = member.Snapshot();
            if (escapes.Length > 0 || events.Length == 0 || events.Any(growthEvent => growthEvent.Kind != GrowthEventKind.Grow)
                || (member.Accesses().Length == 0 && !AnySiblingEndsEntries(member)))
            {
                continue;
            }

            paths ??= _calls.Freeze(cancellationToken);
            if (Judge(member, paths) is not { Outcome: GrowthOutcome.Unbounded } verdict
                || (KeyParametersDeciding(member, verdict, paths) is { } keyParameters && _session.KeyArguments.AllFixed(keyParameters))
                || OperationEnds.Explain(member, verdict.Adders, _members.Values, paths) is not { } ended)
            {
                continue;
            }

            report(Create(DiagnosticDescriptors.EntriesOutliveTheirOperations, member, verdict.Evidence, ended));
        }
    }

    // Whether another instance member of the class takes out single entries: the only other evidence BND009 reads.
    private bool AnySiblingEndsEntries(TrackedMember member)
    {
        foreach (TrackedMember sibling in _members.Values)
        {
            if (!ReferenceEquals(sibling, member) && !sibling.Symbol.IsStatic
                && sibling.Snapshot().Events.Any(e => e.EndsOneEntry))
            {
                return true;
            }
        }

        return false;
    }

    // A collection filled only through registration methods (Add…, Register…, Use…, directly or through the private
    // helpers they call) grows once per call the program makes while it starts: growth only if code that serves
    // traffic calls them, which the end of the compilation tells. A tracker is held to its declaration and reported
    // as it is. A cleanup another type calls is that object's part of the lifecycle, which the end of the compilation
    // tells too.
    private void ReportOrDefer(TrackedMember member, GrowthVerdict verdict, CallPaths paths, string lifetime, bool atCompilationEnd, System.Action<Diagnostic> report)
    {
        // Adds keyed only by their method's parameters, and bounded once those are left out: what every caller passes
        // decides, which only the end of the compilation knows.
        if (KeyParametersDeciding(member, verdict, paths) is { } keyParameters)
        {
            if (!atCompilationEnd)
            {
                _session.DeferKeyed(keyParameters, endReport => ReportOrDeferJudged(member, verdict, paths, lifetime, atCompilationEnd: true, endReport));
                return;
            }

            if (_session.KeyArguments.AllFixed(keyParameters))
            {
                return;
            }
        }

        ReportOrDeferJudged(member, verdict, paths, lifetime, atCompilationEnd, report);
    }

    // The parameters whose callers decide the verdict: those of the unbounded adds keyed only by parameters, when the
    // member is bounded without those adds; null otherwise.
    private IParameterSymbol[]? KeyParametersDeciding(TrackedMember member, GrowthVerdict verdict, CallPaths paths)
    {
        var parameters = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        foreach (GrowthEvent growthEvent in member.Snapshot().Events)
        {
            if (growthEvent.KeyParameters is { } keyParameters && verdict.Adders.Contains(growthEvent.Method, SymbolEqualityComparer.Default))
            {
                parameters.UnionWith(keyParameters);
            }
        }

        return parameters.Count > 0 && GrowthVerdict.Decide(member, paths, _tracker, excuseParameterKeys: true, keepsEveryEntry: source => KeepsEveryEntry(source, member)).Outcome == GrowthOutcome.Bounded
            ? parameters.ToArray()
            : null;
    }

    private void ReportOrDeferJudged(TrackedMember member, GrowthVerdict verdict, CallPaths paths, string lifetime, bool atCompilationEnd, System.Action<Diagnostic> report)
    {
        ISymbol[]? registrations = member.Symbol.IsStatic || _tracker == TrackerKind.None ? RegistrationEntries(verdict.Adders, paths) : null;
        if (registrations is not null)
        {
            lifetime += registrations.All(entry => ConstructionHelpers.IsCandidate(entry, _session.Reach))
                ? ", and code that is not building the object calls the methods that add to it"
                : ", and code that does not run at startup calls the methods that add to it";
        }

        if (!TrackerClasses.HeldToTrackerStandard(_tracker) && verdict.Outcome == GrowthOutcome.ManualCleanup)
        {
            _session.DeferCleanup(verdict.CleanupEntries, registrations, CreateFinding(member, verdict, lifetime, atCompilationEnd: true));
        }
        else if (registrations is not null)
        {
            _session.DeferRegistration(registrations, CreateFinding(member, verdict, lifetime, atCompilationEnd: true));
        }
        else
        {
            report(CreateFinding(member, verdict, lifetime, atCompilationEnd));
        }
    }

    // The registration methods every add goes through: an adder that is one, or, for one that is not, every way into it
    // from outside the type (a private InstallExtensions that only the public Register calls). Null when some way in
    // is neither a registration nor this type's construction, or when no registration is among them. A protected
    // helper derived classes call while they are built (ConstructionHelpers), and the start of a hosted service (the
    // host runs it once), are asked about the same way.
    private ISymbol[]? RegistrationEntries(ISymbol[] adders, CallPaths paths)
    {
        var registrations = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (ISymbol adder in adders)
        {
            // A loop the start of a hosted service sets going (`_loop = ReadLoopAsync(token)`) serves traffic.
            bool detached = paths.Detached.Contains(adder) || paths.DefersWork.Contains(adder);
            if (IsSetUpEntry(adder, detached))
            {
                registrations.Add(adder);
                continue;
            }

            foreach (ISymbol entry in paths.EntriesTo(adder))
            {
                if (IsSetUpEntry(entry, detached))
                {
                    registrations.Add(entry);
                }
                else if (!IsConstruction(entry))
                {
                    return null;
                }
            }
        }

        return registrations.Count > 0 ? registrations.ToArray() : null;
    }

    private bool IsSetUpEntry(ISymbol method, bool detached)
    {
        return StartupRegistration.IsRegistrationMethod(method)
            || (!detached && StartupRegistration.IsHostStartMethod(method))
            || ConstructionHelpers.IsCandidate(method, _session.Reach);
    }

    private bool AnyStatic(bool isStatic)
    {
        foreach (ISymbol member in _members.Keys)
        {
            if (member.IsStatic == isStatic)
            {
                return true;
            }
        }

        return false;
    }

    // The verdict on a member that may be reported; null when it is bounded, allowed, or has nothing to report on.
    private GrowthVerdict? Judge(TrackedMember member, CallPaths paths)
    {
        if (!member.HoldsGrowable || _session.IsAllowedUnbounded(member.Symbol) || member.Symbol.Locations.Length == 0)
        {
            return null;
        }

        GrowthVerdict verdict = GrowthVerdict.Decide(member, paths, _tracker, keepsEveryEntry: source => KeepsEveryEntry(source, member));
        return verdict.Outcome == GrowthOutcome.Bounded ? null : verdict;
    }

    // A collection of this type that never loses an entry once added: a growable collection the type creates itself,
    // that nothing in the type removes from or empties and that is not handed to other code; or one left untracked
    // because the program fixes its keys (a name-to-type resolver). A collection that evicts or removes (a bounded type,
    // a per-key lifecycle, one a caller passed in and may change) keeps only some of the keys it has seen, and a map
    // keyed by those grows with all of them. A map that compares keys more strictly than the collection its keys were
    // found in (ordinal after case-insensitive) holds every spelling the other took for one key: the two must compare
    // keys alike.
    private bool KeepsEveryEntry(ISymbol source, TrackedMember target)
    {
        if (_members.TryGetValue(source.OriginalDefinition, out TrackedMember? tracked))
        {
            (GrowthEvent[] events, GrowthEscape[] escapes) = tracked.Snapshot();
            return tracked.MadeByItsType
                && tracked.ComparerText == target.ComparerText
                && escapes.Length == 0
                && events.All(growthEvent => growthEvent.Kind == GrowthEventKind.Grow);
        }

        ITypeSymbol? type = source switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };
        return type is not null
            && SymbolEqualityComparer.Default.Equals(source.ContainingType?.OriginalDefinition, _type.OriginalDefinition)
            && _session.Collections.IsGrowableClass(type, out CollectionKind kind)
            && KeySpaces.IsFixedByTheProgram(type, kind);
    }

    // A capacity argument that reads like a bound is the most specific mistake, so BND003 comes first.
    private Diagnostic CreateFinding(TrackedMember member, GrowthVerdict verdict, string lifetime, bool atCompilationEnd)
    {
        if (member.CapacityText is { } capacity)
        {
            return Create(
                atCompilationEnd ? DiagnosticDescriptors.CapacityIsNotABoundAtEnd : DiagnosticDescriptors.CapacityIsNotABound,
                member,
                capacity,
                member.CreatedTypeName ?? member.DeclaredType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                verdict.Outcome == GrowthOutcome.ManualCleanup ? verdict.Evidence + ", which nothing on the add path calls" : verdict.Evidence,
                lifetime);
        }

        return verdict.Outcome == GrowthOutcome.ManualCleanup
            ? Create(atCompilationEnd ? DiagnosticDescriptors.BoundedOnlyByManualCleanupAtEnd : DiagnosticDescriptors.BoundedOnlyByManualCleanup, member, verdict.Evidence, verdict.Cleaners, lifetime)
            : Create(atCompilationEnd ? DiagnosticDescriptors.UnboundedCollectionAtEnd : DiagnosticDescriptors.UnboundedCollection, member, verdict.Evidence, lifetime);
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
            GrowthSession.Properties(member.Kind, member.Capacity),
            arguments);
    }

    /// <summary>
    /// Records a change to the collection <paramref name="collection"/> reads: for this type's own long-lived members
    /// when the change is to this object's (or a static) collection, for an ordinary type's instance members always.
    /// </summary>
    /// <param name="key">The key (or item) an add passes, read only once the collection is known to be a map or set.</param>
    private void Record(OperationAnalysisContext context, IOperation? collection, GrowthEventKind kind, IOperation operation, IOperation? key = null)
    {
        if (MemberReferences.Referenced(collection) is not { } member)
        {
            return;
        }

        // Only what takes entries out counts as another type's part of the lifecycle: a reassignment or Clear there
        // (an initialization at startup, a reset) is no more a bound than it is in the collection's own type.
        if (kind is GrowthEventKind.RemoveSpecific or GrowthEventKind.Sweep or GrowthEventKind.RemoveFromEnd && !IsConstruction(context.ContainingSymbol))
        {
            _session.OutsideRemovals.Record(member, _type);
        }

        // `_byType[type] = x` on a Hashtable: a key the program fixes adds at most one entry per declared type.
        bool keyedAdd = kind == GrowthEventKind.Grow && key is not null && KindOf(member) is CollectionKind.Dictionary or CollectionKind.Set;
        if (keyedAdd && KeySpaces.IsFixedKey(key))
        {
            return;
        }

        ISymbol method = context.ContainingSymbol;
        if (kind == GrowthEventKind.Grow && DelegateTiming.MayRunAfterItsMethod(operation))
        {
            // An add in a lambda or local function (an event handler, a timer tick, a Task.Run loop) runs per event
            // after its method has returned: a host's start that leads to it is no set-up entry for it.
            _calls.AddDefersWork(method);
        }

        bool inConstruction = IsConstruction(method);
        bool scheduled = inConstruction && DelegateTiming.MayRunAfterItsMethod(operation);
        if (inConstruction && !scheduled)
        {
            // Filling or creating a collection while the object is built is its initial state, not growth.
            return;
        }

        // A key that must name an embedded resource adds one entry per resource the assembly ships. Read after the
        // cheaper answers, as it reads the statements on the add's path.
        if (keyedAdd && ShippedResources.NamesAShippedResource(key!, operation))
        {
            return;
        }

        // One event, for both of its readers: this class's own analysis, and the element-state store.
        GrowthEvent? growthEvent = null;
        if (_members.TryGetValue(member, out TrackedMember? tracked) && MemberReferences.ReferencedOnThis(collection) is not null)
        {
            growthEvent = CreateEvent(kind, method, member, scheduled, operation);
            if (kind == GrowthEventKind.Grow && key is not null && tracked.Kind is CollectionKind.Dictionary or CollectionKind.Set)
            {
                if (KeySpaces.KeyParameters(key, method) is { } keyParameters)
                {
                    growthEvent = growthEvent.Value with { KeyParameters = keyParameters };
                }

                if (KeySubsets.LookedUpIn(operation, key, member) is { } keySource)
                {
                    growthEvent = growthEvent.Value with { KeySource = keySource };
                }
            }

            tracked.AddEvent(growthEvent.Value);
        }

        // An ordinary class's collections are also element state, which a tracker holding the class makes long-lived
        // (BND006), whoever changes them: the class itself or the tracker.
        if (!member.IsStatic
            && member.ContainingType is { } owner
            && owner.Locations.Length > 0 && owner.Locations[0].IsInSource
            && _session.Collections.MayHoldGrowable(MemberType(member))
            && _session.Classify(owner) == TrackerKind.None
            && !(kind == GrowthEventKind.Grow && IsFreshLocal(MemberReferences.Receiver(collection), context.CancellationToken)))
        {
            _session.Collections.IsGrowableClass(MemberType(member), out CollectionKind elementKind);
            _session.Elements.Record(member, elementKind, growthEvent ?? CreateEvent(kind, method, member, scheduled, operation));
        }
    }

    private static GrowthEvent CreateEvent(GrowthEventKind kind, ISymbol method, ISymbol member, bool scheduled, IOperation operation)
    {
        // Removing the entries a loop picks out (the stale ones) is a sweep, and so is removing in a `finally` the
        // entry the same method added (the entry lives only for the call): neither is the end of one named entry.
        bool picksEntries = kind == GrowthEventKind.Sweep;
        if (kind == GrowthEventKind.RemoveSpecific && InsideLoop(operation))
        {
            kind = GrowthEventKind.Sweep;
            picksEntries = true;
        }
        else if (kind == GrowthEventKind.RemoveSpecific && InsideFinally(operation))
        {
            kind = GrowthEventKind.Sweep;
        }

        // An add counts as guarded by a check of its own collection's size; a removal by a check of any collection's
        // (an LRU trims its map when its list is over the limit).
        bool guarded = SizeGuards.IsGuarded(operation, kind == GrowthEventKind.Grow ? member : null);
        bool paired = kind == GrowthEventKind.RemoveSpecific && DelegateTiming.RunsLater(operation);
        (bool once, ISymbol? filled) = kind == GrowthEventKind.Grow && !guarded ? RunOnceGuards.Read(operation) : default;
        return new GrowthEvent(kind, method, guarded, scheduled, operation.Syntax.GetLocation(), paired, once, picksEntries, FilledCollection: filled);
    }

    private void RecordCall(ISymbol caller, ISymbol callee, IInvocationOperation invocation)
    {
        _calls.AddCall(caller, callee);

        // A call inside a lambda that runs later (a timer tick, an event, a continuation) runs by itself.
        if (DelegateTiming.RunsLater(invocation))
        {
            _calls.AddSelfRunning(callee);
        }

        if (DelegateTiming.StartsWithoutWaiting(invocation))
        {
            _calls.AddDetached(callee);
        }

        // `if (_map.Count >= max) Evict();`: what Evict removes is a trim; what a guarded helper adds is bounded.
        if (SizeGuards.IsGuarded(invocation, member: null))
        {
            _calls.AddGuardedCall(member: null, callee);
            foreach (ISymbol member in _members.Keys)
            {
                if (SizeGuards.IsGuarded(invocation, member))
                {
                    _calls.AddGuardedCall(member, callee);
                }
            }
        }
    }

    private void RecordCreation(TrackedMember member, IOperation value)
    {
        IOperation created = value.WithoutConversions();

        ITypeSymbol? createdType = created.Type;
        if (createdType is null || !_session.Collections.IsGrowableClass(createdType, out CollectionKind kind))
        {
            return;
        }

        int? capacity = null;
        string? capacityText = null;
        string? comparerText = null;
        if (created is IObjectCreationOperation creation)
        {
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    continue;
                }

                if (argument.Parameter?.Name == "capacity")
                {
                    capacity = argument.Value.ConstantValue is { HasValue: true, Value: int constant } ? constant : null;
                    capacityText = capacity?.ToString(CultureInfo.InvariantCulture) ?? argument.Value.Syntax.ToString();
                }
                else if (argument.Parameter?.Type is { Name: "IEqualityComparer" })
                {
                    comparerText = argument.Value.Syntax.ToString();
                }
            }
        }

        bool made = created is IObjectCreationOperation;
        member.RecordCreation(createdType, kind, capacity, capacityText, comparerText, value.Syntax.GetLocation(), made);
    }

    // Handing the collection to code that can change it: that code may bound it, out of this analysis' sight.
    private void RecordEscapes(IInvocationOperation invocation)
    {
        IMethodSymbol target = invocation.TargetMethod;
        if (target.ContainingType?.Name is "Interlocked" or "CollectionsMarshal" or "Volatile" || !PassesAMemberByName(invocation.Syntax))
        {
            return;
        }

        for (int i = 0; i < invocation.Arguments.Length; i++)
        {
            IArgumentOperation argument = invocation.Arguments[i];
            if ((target.IsExtensionMethod && i == 0)
                || MemberReferences.ReferencedOnThis(argument.Value) is not { } member
                || !_members.TryGetValue(member, out TrackedMember? tracked))
            {
                continue;
            }

            bool mutable = argument.Parameter is { } parameter
                && (parameter.RefKind != RefKind.None || _session.Collections.MayHoldGrowable(parameter.Type));
            if (mutable)
            {
                Location location = argument.Syntax.GetLocation();
                tracked.AddEscape(new GrowthEscape(
                    "'" + target.Name + "' (line " + SourceOrder.Line(location).ToString(CultureInfo.InvariantCulture) + ")",
                    location));
            }
        }
    }

    // The kind of a collection member: as tracked (its created type refines an interface), else as declared.
    private CollectionKind KindOf(ISymbol member)
    {
        return _members.TryGetValue(member, out TrackedMember? tracked)
            ? tracked.Kind
            : _session.Collections.TryGetKind(MemberType(member), out CollectionKind kind) ? kind : CollectionKind.Other;
    }

    // Runs for every call in the type: the syntax of its arguments tells, without building their operations, whether
    // any of them names one of the tracked members.
    private bool PassesAMemberByName(SyntaxNode call)
    {
        if (call is not InvocationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments })
        {
            return call is not InvocationExpressionSyntax;
        }

        foreach (ArgumentSyntax argument in arguments)
        {
            ExpressionSyntax expression = argument.Expression;
            while (expression is ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax)
            {
                expression = expression switch
                {
                    ParenthesizedExpressionSyntax parenthesized => parenthesized.Expression,
                    CastExpressionSyntax cast => cast.Expression,
                    _ => ((PostfixUnaryExpressionSyntax)expression).Operand,
                };
            }

            string? name = expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or IdentifierNameSyntax } access => access.Name.Identifier.ValueText,
                _ => null,
            };
            if (name is not null && _memberNames.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    private bool IndexerSetGrows(IOperation? instance)
    {
        return MemberReferences.Referenced(instance) is { } member && CollectionMethodRoles.IndexerSetGrows(KindOf(member));
    }

    // `new Thread(DrainEntries)`: the method handed to a new thread.
    private static bool StartsAThread(IMethodReferenceOperation reference)
    {
        return reference.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IObjectCreationOperation { Type: { Name: "Thread" } thread } } }
            && thread.ContainingNamespace?.ToDisplayString() == "System.Threading";
    }

    // Operations of nested types belong to their own analysis.
    private bool OwnsOperation(ISymbol containingSymbol)
    {
        return SymbolEqualityComparer.Default.Equals(containingSymbol.ContainingType?.OriginalDefinition, _type.OriginalDefinition);
    }

    // A constructor of this type, or a field or property initializer.
    private bool IsConstruction(ISymbol symbol)
    {
        return symbol is IFieldSymbol or IPropertySymbol
            || (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } constructor
                && SymbolEqualityComparer.Default.Equals(constructor.ContainingType.OriginalDefinition, _type.OriginalDefinition));
    }

    private static bool IsCollectionIndexer(IPropertySymbol indexer)
    {
        string? ns = indexer.ContainingType?.ContainingNamespace?.ToDisplayString();
        return ns is not null && ns.StartsWith("System.Collections", System.StringComparison.Ordinal);
    }

    private static GrowthEventKind? RebuildKind(IOperation value)
    {
        foreach (IOperation descendant in value.DescendantsAndSelf())
        {
            if (descendant is IInvocationOperation { TargetMethod: { IsExtensionMethod: true } method } && IsLinq(method))
            {
                switch (method.Name)
                {
                    case "Take" or "TakeLast" or "Skip" or "SkipLast":
                        return GrowthEventKind.RemoveFromEnd;
                    case "Where" or "Distinct" or "DistinctBy":
                        return GrowthEventKind.Sweep;
                }
            }
        }

        return null;
    }

    // `var s = new Session(); s.Tags.Add(t); return s;`: filling a new object in a factory is its initial state.
    // Read from the local's declaration syntax: this runs for every add through a local, so no walk of the method.
    private static bool IsFreshLocal(IOperation? receiver, CancellationToken cancellationToken)
    {
        if (receiver is not ILocalReferenceOperation local)
        {
            return false;
        }

        foreach (SyntaxReference reference in local.Local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax })
            {
                return true;
            }
        }

        return false;
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

    private static bool InsideFinally(IOperation operation)
    {
        IOperation current = operation;
        for (IOperation? parent = operation.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            if (parent is ITryOperation { Finally: { } handler } && handler == current)
            {
                return true;
            }

            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsLinq(IMethodSymbol method)
    {
        return method.IsExtensionMethod && method.ContainingType?.Name is "Enumerable" or "Queryable";
    }
}
