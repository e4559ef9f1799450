using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FakeAI.Bounds.CodeFixes.Common;
using FakeAI.Bounds.Generators.Analyzers.Channels;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Options;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace FakeAI.Bounds.CodeFixes.Channels;

/// <summary>
/// The <c>itemDropped</c> callback a BND005 call gets: one that fails every completion source the dropped item carries
/// (<c>dropped =&gt; dropped.Completion.TrySetException(new InvalidOperationException("…"))</c>) and calls every
/// callback of it that takes an exception, so that whoever waits on the item learns that it was dropped instead of
/// waiting forever.
/// </summary>
/// <remarks>
/// The error is an <see cref="System.InvalidOperationException"/> whose message says that the bounded channel was full
/// and dropped the item, with the capacity when it is a constant and the full mode: the family of the
/// <c>ChannelClosedException</c> a writer already gets when a channel refuses an item, so that a caller's handling of
/// a refused write covers a dropped one, and not a cancellation, which callers read as "somebody gave up" and often
/// swallow. Each part gets an exception of its own: an exception object rethrown by several awaiters has each of them
/// append to its stack trace.
/// <para>
/// Not planned (the fix is not offered) when the item carries a part whose wait it cannot end (see
/// <see cref="WaitEndings"/>), a member the call site cannot read, when <c>CreateBounded</c> has no overload that takes
/// <c>itemDropped</c> (System.Threading.Channels before 6.0), or when the call infers its item type (the callback would
/// leave nothing to infer it from).
/// </para>
/// </remarks>
internal sealed class ItemDroppedCallbackPlan
{
    private const string ParameterStem = "dropped";
    private const string ErrorType = "global::System.InvalidOperationException";

    private readonly int? _replacedIndex;
    private readonly ExpressionSyntax _callback;
    private readonly string _newLine;

    private ItemDroppedCallbackPlan(Document document, InvocationExpressionSyntax invocation, int? replacedIndex, ExpressionSyntax callback, string title, string newLine)
    {
        Document = document;
        Invocation = invocation;
        _replacedIndex = replacedIndex;
        _callback = callback;
        Title = title;
        _newLine = newLine;
    }

    public Document Document { get; }

    /// <summary>The <c>Channel.CreateBounded</c> call.</summary>
    public InvocationExpressionSyntax Invocation { get; }

    /// <summary>The action's title: what the callback does.</summary>
    public string Title { get; }

    public void AddEdit(SolutionEdits edits)
    {
        edits.For(Document).Replace(
            Invocation.ArgumentList,
            current => ItemDroppedArgument.WithCallback((ArgumentListSyntax)current, _replacedIndex, _callback, _newLine));
    }

    public static async Task<ItemDroppedCallbackPlan?> TryCreateAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        TextSpan span = diagnostic.Location.SourceSpan;
        if (root is null
            || model is null
            || !root.FullSpan.Contains(span)
            || root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>(node => node.Span == span) is not { } invocation
            || !HasTypeArgumentList(invocation.Expression)
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation { TargetMethod: { Name: "CreateBounded", IsStatic: true, TypeArguments.Length: 1 } method } operation
            || !HasItemDroppedOverload(method.ContainingType))
        {
            return null;
        }

        int position = invocation.SpanStart;
        ITypeSymbol itemType = method.TypeArguments[0];
        string parameter = UnusedParameterName(model, position);
        string error = ErrorCreation(diagnostic);
        var endings = new WaitEndings(model.Compilation);
        var calls = new List<string>();
        var described = new List<string>();
        var seen = new HashSet<string>();
        foreach (AwaitedPart part in new AwaitedItemParts(model.Compilation).FindAll(itemType))
        {
            // A member hidden by one of the same name in a derived type is not what 'dropped.Name' reads.
            if (part.MemberName is { } hidden && !seen.Add(hidden))
            {
                continue;
            }

            if (endings.For(part.Type) is not { } ending
                || (part.MemberName is { } member && !IsReadable(model, position, itemType, member, part.Type)))
            {
                return null;
            }

            calls.Add(EndingCall(parameter, itemType, part, ending, error));
            described.Add(Describe(part, ending));
        }

        if (calls.Count == 0)
        {
            return null;
        }

        int? replacedIndex = null;
        foreach (IArgumentOperation argument in operation.Arguments)
        {
            if (argument is { ArgumentKind: ArgumentKind.Explicit, Parameter.Type.TypeKind: TypeKind.Delegate, Syntax: ArgumentSyntax syntax })
            {
                replacedIndex = invocation.ArgumentList.Arguments.IndexOf(syntax);
            }
        }

        string newLine = SolutionEdits.NewLine(root);
        string indentation = await IndentationUnitAsync(document, cancellationToken).ConfigureAwait(false);
        return new ItemDroppedCallbackPlan(
            document,
            invocation,
            replacedIndex,
            Callback(parameter, calls, newLine, LineIndentation(invocation, replacedIndex), indentation),
            "Pass an itemDropped callback that " + Join(described),
            newLine);
    }

    // 'Channel.CreateBounded<T>(…)': a callback in place of an inferred T's only source would leave it uninferable.
    private static bool HasTypeArgumentList(ExpressionSyntax expression)
    {
        return expression is GenericNameSyntax or MemberAccessExpressionSyntax { Name: GenericNameSyntax };
    }

    // CreateBounded<T>(BoundedChannelOptions, Action<T>?) is System.Threading.Channels 6.0 and later.
    private static bool HasItemDroppedOverload(INamedTypeSymbol channel)
    {
        return channel.GetMembers("CreateBounded").OfType<IMethodSymbol>().Any(candidate =>
            candidate is { IsStatic: true, TypeParameters.Length: 1, Parameters.Length: 2 }
            && candidate.Parameters[0].Type.Name == "BoundedChannelOptions"
            && candidate.Parameters[1].Type is INamedTypeSymbol { DelegateInvokeMethod.Parameters.Length: 1 } callback
            && SymbolEqualityComparer.Default.Equals(callback.DelegateInvokeMethod!.Parameters[0].Type, candidate.TypeParameters[0]));
    }

    // The lambda's parameter must not collide with a local or parameter in scope at the call.
    private static string UnusedParameterName(SemanticModel model, int position)
    {
        string name = ParameterStem;
        for (int i = 2; model.LookupSymbols(position, name: name).Any(symbol => symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol); i++)
        {
            name = ParameterStem + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    // The member binds to the part where the callback reads it, and the call site may read it.
    private static bool IsReadable(SemanticModel model, int position, ITypeSymbol itemType, string member, ITypeSymbol partType)
    {
        ImmutableArray<ISymbol> found = model.LookupSymbols(position, WithoutNullable(itemType), member);
        if (found.Length != 1)
        {
            return false;
        }

        (ITypeSymbol? type, bool readable) = found[0] switch
        {
            IFieldSymbol { IsStatic: false } field => (field.Type, true),
            IPropertySymbol { IsStatic: false, GetMethod: { } getter } property => (property.Type, model.IsAccessible(position, getter)),
            _ => (null, false),
        };
        return readable && SymbolEqualityComparer.Default.Equals(type, partType);
    }

    /// <summary>
    /// The exception's creation, as text: "The bounded channel (capacity 100) was full and dropped the item
    /// (BoundedChannelFullMode.DropOldest)." with what the analyzer could read of the options.
    /// </summary>
    private static string ErrorCreation(Diagnostic diagnostic)
    {
        string capacity = diagnostic.Properties.TryGetValue(ChannelDropProperties.Capacity, out string? known) && known is not null
            ? " (capacity " + known + ")"
            : "";
        string mode = diagnostic.Properties.TryGetValue(ChannelDropProperties.FullMode, out string? modeName) && modeName is not null
            ? " (BoundedChannelFullMode." + modeName + ")"
            : "";
        string message = "The bounded channel" + capacity + " was full and dropped the item" + mode + ".";
        return "new " + ErrorType + "(" + SymbolDisplay.FormatLiteral(message, quote: true) + ")";
    }

    /// <summary>
    /// <c>dropped.Completion.TrySetException(error)</c> or <c>dropped.OnFailed(error)</c>, with <c>?.</c> where the item
    /// or the member is declared nullable.
    /// </summary>
    private static string EndingCall(string parameter, ITypeSymbol itemType, AwaitedPart part, WaitEnding ending, string error)
    {
        string target = parameter;
        bool targetMaybeNull = MayBeNull(itemType);
        if (part.MemberName is { } member)
        {
            target += (targetMaybeNull ? "?." : ".") + Escaped(member);
            targetMaybeNull = MayBeNull(part.Type);
        }

        return ending switch
        {
            WaitEnding.FailCompletionSource => target + (targetMaybeNull ? "?." : ".") + "TrySetException(" + error + ")",
            _ => target + (targetMaybeNull ? "?.Invoke(" : "(") + error + ")",
        };
    }

    private static string Describe(AwaitedPart part, WaitEnding ending)
    {
        string what = part.MemberName is { } member ? "'" + member + "'" : "the dropped item";
        return ending == WaitEnding.FailCompletionSource ? "fails " + what : "calls " + what + " with an error";
    }

    private static string Join(List<string> parts)
    {
        return parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[parts.Count - 1];
    }

    /// <summary>
    /// The lambda; a block body is laid out here, its braces at the indentation of the line the lambda starts on, as
    /// the formatter would put them (it leaves a lambda inside an argument list where it finds it).
    /// </summary>
    private static ExpressionSyntax Callback(string parameter, List<string> calls, string newLine, string lineIndentation, string indentation)
    {
        ExpressionSyntax callback = calls.Count == 1
            ? SyntaxFactory.ParseExpression(parameter + " => " + calls[0])
            : SyntaxFactory.ParseExpression(
                parameter + " =>" + newLine
                + lineIndentation + "{" + newLine
                + string.Concat(calls.Select(call => lineIndentation + indentation + call + ";" + newLine))
                + lineIndentation + "}");

        // 'InvalidOperationException' where 'using System;' is in scope, 'System.InvalidOperationException' elsewhere.
        return callback.ReplaceNodes(
            callback.DescendantNodes().OfType<ObjectCreationExpressionSyntax>().Select(creation => creation.Type),
            (_, type) => type.WithAdditionalAnnotations(Simplifier.Annotation));
    }

    /// <summary>
    /// The whitespace that starts the line the callback will start on: the first argument's line when each argument
    /// starts a line (the callback gets one of its own), else the line of what it replaces or follows.
    /// </summary>
    private static string LineIndentation(InvocationExpressionSyntax invocation, int? replacedIndex)
    {
        SeparatedSyntaxList<ArgumentSyntax> arguments = invocation.ArgumentList.Arguments;
        int position = replacedIndex is { } index
            ? arguments[index].SpanStart
            : ItemDroppedArgument.StartsLine(arguments.First()) ? arguments.First().SpanStart : arguments.Last().Span.End;
        string line = invocation.SyntaxTree.GetText().Lines.GetLineFromPosition(position).ToString();
        return line.Substring(0, line.Length - line.TrimStart(' ', '\t').Length);
    }

    private static async Task<string> IndentationUnitAsync(Document document, CancellationToken cancellationToken)
    {
        OptionSet options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
        return options.GetOption(FormattingOptions.UseTabs, LanguageNames.CSharp)
            ? "\t"
            : new string(' ', options.GetOption(FormattingOptions.IndentationSize, LanguageNames.CSharp));
    }

    // A nullable value type, or a reference type its declaration marks nullable ('?'); oblivious code declares nothing.
    private static bool MayBeNull(ITypeSymbol type)
    {
        return type.IsValueType
            ? type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            : type.NullableAnnotation == NullableAnnotation.Annotated;
    }

    private static ITypeSymbol WithoutNullable(ITypeSymbol type)
    {
        return type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
            ? nullable.TypeArguments[0]
            : type;
    }

    private static string Escaped(string name)
    {
        return SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
    }
}
