using System.Collections.Immutable;
using System.Globalization;
using FakeAI.Bounds.Generators.Analyzers.Ages;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using FakeAI.Bounds.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Suggests declaring a maximum age on a generated collection that code sweeps by age by hand (BND008): a
/// <c>RemoveWhere</c> whose predicate removes the entries older than now minus a window (<see cref="AgeSweeps"/>).
/// With the age declared, expired entries are never returned and leave as the collection is used; the sweep becomes a
/// <c>RemoveExpired()</c> or goes. Only a window the code writes with constants is reported: the age is a constant of
/// the type, so a window computed at run time (a caller's argument, a setting) cannot become one. The window travels
/// to the code fix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AgeSweepAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property with the sweep's window in milliseconds, when it is a constant.</summary>
    public const string WindowMillisecondsProperty = "WindowMilliseconds";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.AgeSweepCouldBeMaxAge);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            INamedTypeSymbol? boundedAttribute = start.Compilation.GetTypeByMetadataName(KnownNames.BoundedAttribute);
            if (boundedAttribute is null || !DeclaresAge(boundedAttribute))
            {
                // No [Bounded], or one from a version of the package without MaxAge: nothing to suggest.
                return;
            }

            start.RegisterOperationAction(
                operationContext => Analyze(operationContext, (IInvocationOperation)operationContext.Operation, boundedAttribute),
                OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, IInvocationOperation invocation, INamedTypeSymbol boundedAttribute)
    {
        // Cheap tests first: this runs for every call.
        if (invocation.TargetMethod.Name != "RemoveWhere"
            || invocation.Arguments.Length != 1
            || invocation.Instance?.Type is not INamedTypeSymbol type
            || AttributeLookup.Find(type.OriginalDefinition, boundedAttribute) is not { } attribute
            || !AcceptsAge(type.OriginalDefinition, attribute)
            || invocation.Arguments[0].Value.WithoutConversions() is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation predicate }
            || !AgeSweeps.TryRead(predicate, out AgeWindow window)
            || window.Milliseconds is not { } milliseconds
            || !TryChooseMaxAge(milliseconds, out string argumentName, out int argumentValue))
        {
            // A window the code computes (a caller's argument, a setting) cannot be a constant of the type.
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.AgeSweepCouldBeMaxAge,
            invocation.Syntax.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(WindowMillisecondsProperty, milliseconds.ToString(CultureInfo.InvariantCulture)),
            type.Name,
            window.Text,
            argumentName + " = " + argumentValue.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// The named argument that declares <paramref name="milliseconds"/> and its value: <c>MaxAgeSeconds</c> when they are
    /// whole seconds, else <c>MaxAgeMilliseconds</c>; false when the age does not fit the attribute's <c>int</c>. The
    /// code fix writes what the message says.
    /// </summary>
    public static bool TryChooseMaxAge(long milliseconds, out string name, out int value)
    {
        (name, long chosen) = milliseconds % 1000 == 0
            ? (KnownNames.MaxAgeSecondsArgument, milliseconds / 1000)
            : (KnownNames.MaxAgeMillisecondsArgument, milliseconds);
        value = chosen <= int.MaxValue ? (int)chosen : 0;
        return chosen <= int.MaxValue;
    }

    // A type that declares an age already needs no suggestion: asked of the reader the generator uses.
    private static bool AcceptsAge(INamedTypeSymbol type, AttributeData attribute)
    {
        return MaxAgeReader.TryRead(type, attribute, report: null, out long declared) && declared == 0;
    }

    private static bool DeclaresAge(INamedTypeSymbol boundedAttribute)
    {
        return !boundedAttribute.GetMembers(KnownNames.MaxAgeSecondsArgument).IsEmpty;
    }
}
