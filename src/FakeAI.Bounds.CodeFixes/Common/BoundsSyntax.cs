using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace FakeAI.Bounds.CodeFixes.Common;

/// <summary>
/// Names from the FakeAI.Bounds runtime as the fixes write them: fully qualified and annotated, so that the clean-up
/// after a fix adds <c>using FakeAI.Bounds;</c> when it is missing and then shortens each name to its simple form
/// wherever that binds to the same type.
/// </summary>
internal static class BoundsSyntax
{
    public const string Namespace = "FakeAI.Bounds";

    public static NameSyntax Name(string simpleName)
    {
        return SyntaxFactory.ParseName("global::" + Namespace + "." + simpleName)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }

    /// <summary>Annotates the fully qualified FakeAI.Bounds names of a parsed node for the clean-up.</summary>
    public static TNode AnnotateNames<TNode>(TNode node)
        where TNode : SyntaxNode
    {
        return node.ReplaceNodes(
            node.DescendantNodes().OfType<QualifiedNameSyntax>().Where(q => q.Left.ToString() == "global::" + Namespace),
            (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
    }
}
