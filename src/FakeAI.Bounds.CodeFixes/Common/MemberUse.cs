using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FakeAI.Bounds.CodeFixes.Common;

/// <summary>One use of a member in code: the name and the expression that denotes the member (<c>_x</c>, <c>this._x</c>, <c>Tracker._x</c>).</summary>
internal sealed class MemberUse
{
    public MemberUse(Document document, SemanticModel model, SimpleNameSyntax name, ExpressionSyntax expression)
    {
        Document = document;
        Model = model;
        Name = name;
        Expression = expression;
    }

    public Document Document { get; }

    public SemanticModel Model { get; }

    public SimpleNameSyntax Name { get; }

    /// <summary>The name, or the member access whose name it is.</summary>
    public ExpressionSyntax Expression { get; }
}
