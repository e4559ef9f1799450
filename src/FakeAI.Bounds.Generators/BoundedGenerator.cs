using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Emitting;
using FakeAI.Bounds.Generators.Model;
using FakeAI.Bounds.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace FakeAI.Bounds.Generators;

/// <summary>
/// Writes the body of every partial class marked <c>[Bounded]</c>, and the tracker members of every partial class
/// marked <c>[BoundedTracker]</c>. Two pipelines of three stages each: find the declarations by attribute, read each
/// into a value-equal model, write the source. A declaration with a problem yields no source at all; the usage
/// analyzers report why (the generator itself reports nothing, which keeps its caching intact).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class BoundedGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<BoundedTypeModel> models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.BoundedAttribute,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) =>
                    attributeContext.TargetSymbol is INamedTypeSymbol type && attributeContext.Attributes.Length == 1
                        ? BoundedDeclarationReader.Read(type, attributeContext.Attributes[0], report: null, isUserMember: null, cancellationToken)
                        : null)
            .WithTrackingName(TrackingNames.Declarations)
            .Where(static model => model.HasValue)
            .Select(static (model, _) => model!.Value)
            .WithTrackingName(TrackingNames.ValidModels);

        context.RegisterSourceOutput(models, static (output, model) =>
        {
            string source = model.Kind switch
            {
                BoundedKind.Queue => QueueEmitter.Emit(model),
                _ => HashTableEmitter.Emit(model),
            };

            if (source.Length > 0)
            {
                output.AddSource(model.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
            }
        });

        // A tracker's model holds its members' type names, not their bounds: the generated code reads each type's
        // DeclaredMaxLength, so a MaxLength edited in another file needs no new tracker model to be right.
        IncrementalValuesProvider<TrackerModel> trackers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.BoundedTrackerAttribute,
                predicate: static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) =>
                    attributeContext.TargetSymbol is INamedTypeSymbol type && TrackerDeclarationReader.IsReadFrom(type, attributeContext.TargetNode)
                        ? TrackerDeclarationReader.Read(type, report: null, isUserMember: null, assignedTypes: null, cancellationToken)
                        : null)
            .WithTrackingName(TrackingNames.TrackerDeclarations)
            .Where(static model => model.HasValue)
            .Select(static (model, _) => model!.Value)
            .WithTrackingName(TrackingNames.ValidTrackers);

        context.RegisterSourceOutput(trackers, static (output, model) =>
            output.AddSource(model.HintName, SourceText.From(TrackerEmitter.Emit(model), System.Text.Encoding.UTF8)));
    }
}
