using System.Collections.Immutable;
using FakeAI.Bounds.Generators.Analyzers.Growth;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Finds long-lived collections that can grow without limit: the collection fields and auto-properties of trackers
/// (a [BoundedTracker] class, or a class whose name ends in a configured suffix) and the static ones of any type.
/// Each type is analyzed on its own (a symbol-start action with operation callbacks, see <see cref="TypeGrowthAnalysis"/>):
/// what adds to a member, what removes from it, under which size checks, and which methods call which. It reports
/// BND001 (nothing bounds it), BND002 (only a cleanup off the add path shrinks it), BND003 (either of those, for a
/// member created with a capacity argument that looks like a bound) and, once the compilation is done, BND006 (a
/// collection inside a type whose instances a tracker keeps, grown and never trimmed).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnboundedCollectionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnboundedCollection,
        DiagnosticDescriptors.BoundedOnlyByManualCleanup,
        DiagnosticDescriptors.CapacityIsNotABound,
        DiagnosticDescriptors.UnboundedCollectionAtEnd,
        DiagnosticDescriptors.BoundedOnlyByManualCleanupAtEnd,
        DiagnosticDescriptors.CapacityIsNotABoundAtEnd,
        DiagnosticDescriptors.UnboundedElementState,
        DiagnosticDescriptors.EntriesOutliveTheirOperations,
        DiagnosticDescriptors.RequestsKeptUntilALaterCall);

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

            var collections = new GrowableCollectionTypes(start.Compilation);
            if (collections.IsEmpty)
            {
                return;
            }

            var session = new GrowthSession(
                collections,
                start.Compilation.GetTypeByMetadataName(KnownNames.BoundedTrackerAttribute),
                start.Compilation.GetTypeByMetadataName(KnownNames.AllowUnboundedAttribute),
                start.Options.AnalyzerConfigOptionsProvider,
                new AssemblyReach(
                    application: start.Compilation.Options.OutputKind is not (OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule),
                    internalsSeenOutside: FriendAssemblies.AnyBesidesTests(start.Compilation.Assembly)));

            start.RegisterSymbolStartAction(session.StartType, SymbolKind.NamedType);
            start.RegisterCompilationEndAction(session.ReportAtCompilationEnd);
        });
    }
}
