using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using FakeAI.Bounds.Generators.Analyzers.Channels;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers;

/// <summary>
/// Reports <c>Channel.CreateBounded&lt;T&gt;(options)</c> whose options drop items when the channel is full
/// (<c>DropOldest</c>, <c>DropNewest</c> or <c>DropWrite</c>), that is given no <c>itemDropped</c> callback (or a
/// <see langword="null"/> one), and whose items carry something a producer or caller waits on or expects to run: a
/// <c>TaskCompletionSource</c>, a value-task source or a delegate, in the item itself or one of its members
/// (<see cref="AwaitedItemParts"/> says exactly which). A silent drop of such an item leaves its waiter hanging for
/// good: a writer that awaits an acknowledgement, a shutdown that waits for every request to complete.
/// <para>
/// Items that are plain data are not reported. Dropping them is the trade the developer states by choosing a drop
/// mode: on real code bases the channels that dropped plain data did so on purpose and said so (health statuses where
/// only the latest matters, telemetry samples, events of a subscription whose producer never exceeds the capacity),
/// while the one real bug dropped requests that carry a <c>TaskCompletionSource</c>, so that shutdown waited forever.
/// </para>
/// <para>
/// It is reported anywhere in code, on the <c>Channel.CreateBounded</c> call, when the full mode can be read: from
/// options created in the call, or from a local of the same block that is created with them and whose <c>FullMode</c>
/// is only set by plain assignments before the call. Options from anywhere else are not guessed at. The item type is
/// looked at last, once the call is known to drop silently, because it is the only step that walks members.
/// </para>
/// <para>
/// The diagnostic carries the full mode and, when it is a constant certain at the call, the capacity
/// (<see cref="ChannelDropProperties"/>), so that the code fix's exception can say which channel dropped the item
/// without reading the options again.
/// </para>
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChannelDropAnalyzer : DiagnosticAnalyzer
{
    private const string ChannelName = "System.Threading.Channels.Channel";
    private const string OptionsName = "System.Threading.Channels.BoundedChannelOptions";
    private const string FullModeName = "System.Threading.Channels.BoundedChannelFullMode";
    private const string FullModeProperty = "FullMode";
    private const string CapacityProperty = "Capacity";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ChannelDropsSilently);

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

            INamedTypeSymbol? channel = start.Compilation.GetTypeByMetadataName(ChannelName);
            INamedTypeSymbol? options = start.Compilation.GetTypeByMetadataName(OptionsName);
            INamedTypeSymbol? fullMode = start.Compilation.GetTypeByMetadataName(FullModeName);
            if (channel is null || options is null || fullMode is null)
            {
                // System.Threading.Channels is not referenced: there is no channel to create.
                return;
            }

            var awaitedParts = new AwaitedItemParts(start.Compilation);
            start.RegisterOperationAction(
                operationContext => Analyze(operationContext, (IInvocationOperation)operationContext.Operation, channel, options, fullMode, awaitedParts),
                OperationKind.Invocation);
        });
    }

    private static void Analyze(
        OperationAnalysisContext context,
        IInvocationOperation invocation,
        INamedTypeSymbol channel,
        INamedTypeSymbol optionsType,
        INamedTypeSymbol fullModeType,
        AwaitedItemParts awaitedParts)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (method.Name != "CreateBounded"
            || !method.IsStatic
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, channel)
            || method.TypeArguments.Length != 1)
        {
            return;
        }

        // CreateBounded<T>(int capacity) waits when full; CreateBounded<T>(options) and (options, itemDropped) may drop.
        IArgumentOperation? options = null;
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(parameter.Type, optionsType))
            {
                options = argument;
            }
            else if (parameter.Type.TypeKind == TypeKind.Delegate
                && argument.ArgumentKind != ArgumentKind.DefaultValue
                && !IsNullConstant(argument.Value))
            {
                // An itemDropped callback sees every dropped item.
                return;
            }
        }

        if (options is null
            || !TryReadFullMode(options.Value, invocation, context.CancellationToken, out object? mode, out int? capacity)
            || DropModeName(fullModeType, mode) is not { } modeName)
        {
            return;
        }

        ITypeSymbol itemType = method.TypeArguments[0];
        if (awaitedParts.Find(itemType) is not { } awaited)
        {
            // Plain data: losing some is the trade the drop mode states.
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ChannelDropsSilently,
            invocation.Syntax.GetLocation(),
            PropertiesForTheFix(modeName, capacity),
            modeName,
            Display(itemType),
            WhatItCarries(awaited),
            WhatADropLeavesUndone(awaited.Kind)));
    }

    private static ImmutableDictionary<string, string?> PropertiesForTheFix(string modeName, int? capacity)
    {
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty.Add(ChannelDropProperties.FullMode, modeName);
        return capacity is { } known
            ? properties.Add(ChannelDropProperties.Capacity, known.ToString(CultureInfo.InvariantCulture))
            : properties;
    }

    // "carries 'Completion' (TaskCompletionSource?)", or what the item is when it is the awaited part itself.
    private static string WhatItCarries(AwaitedPart awaited)
    {
        if (awaited.MemberName is null)
        {
            return awaited.Kind == AwaitedPartKind.Completion ? "is itself a completion source" : "is itself a delegate";
        }

        return $"carries '{awaited.MemberName}' ({Display(awaited.Type)})";
    }

    private static string WhatADropLeavesUndone(AwaitedPartKind kind)
    {
        return kind == AwaitedPartKind.Completion ? "whose waiter is then never completed" : "which then never runs";
    }

    private static string Display(ITypeSymbol type)
    {
        return type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
    }

    // The member of BoundedChannelFullMode whose value is 'mode', when it is one of the modes that drop items.
    private static string? DropModeName(INamedTypeSymbol fullModeType, object? mode)
    {
        if (mode is null)
        {
            return null;
        }

        foreach (ISymbol member in fullModeType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true, Name: "DropOldest" or "DropNewest" or "DropWrite" } field
                && mode.Equals(field.ConstantValue))
            {
                return field.Name;
            }
        }

        return null;
    }

    /// <summary>
    /// The full mode of the options at the call, and their capacity when it is a constant they are certain to hold
    /// there (<see langword="null"/> when it is not: the capacity only goes into the message of the fix's exception, so
    /// an unknown one does not make the full mode unknown).
    /// </summary>
    private static bool TryReadFullMode(IOperation value, IOperation use, CancellationToken cancellationToken, out object? mode, out int? capacity)
    {
        switch (value.WithoutConversions())
        {
            case IObjectCreationOperation creation:
                return TryReadCreation(creation, out mode, out capacity);

            case ILocalReferenceOperation local:
                return TryReadLocal(local.Local, use, cancellationToken, out mode, out capacity);

            default:
                mode = null;
                capacity = null;
                return false;
        }
    }

    // 'new BoundedChannelOptions(n)' waits when full; its object initializer may set FullMode (and Capacity) to a constant.
    private static bool TryReadCreation(IOperation value, out object? mode, out int? capacity)
    {
        mode = null;
        capacity = null;
        if (value.WithoutConversions() is not IObjectCreationOperation { Constructor: not null } creation)
        {
            return false;
        }

        mode = 0;
        foreach (IArgumentOperation argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "capacity")
            {
                capacity = ConstantCapacity(argument.Value);
            }
        }

        if (creation.Initializer is null)
        {
            return true;
        }

        foreach (IOperation initializer in creation.Initializer.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: FullModeProperty } } assignment)
            {
                if (!assignment.Value.ConstantValue.HasValue)
                {
                    return false;
                }

                mode = assignment.Value.ConstantValue.Value;
            }
            else if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: CapacityProperty } } capacityAssignment)
            {
                capacity = ConstantCapacity(capacityAssignment.Value);
            }
        }

        return true;
    }

    private static int? ConstantCapacity(IOperation value)
    {
        return value.ConstantValue is { HasValue: true, Value: int constant } ? constant : null;
    }

    /// <summary>
    /// The full mode of a local at <paramref name="use"/>: the block that declares it must create the options before
    /// the statement that holds the use, and may set <c>local.FullMode</c> to constants in statements of its own.
    /// Anything else that writes to the local or its full mode first (in a nested statement, through ref) makes the
    /// mode unknown, and so does a use in a lambda or local function, which may run when the local holds other options.
    /// </summary>
    private static bool TryReadLocal(ILocalSymbol local, IOperation use, CancellationToken cancellationToken, out object? mode, out int? capacity)
    {
        mode = null;
        capacity = null;
        bool capacityChanged = false;
        IOperation current = use;
        while (current.Parent is { } parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (parent is IBlockOperation block)
            {
                int index = block.Operations.IndexOf(current);
                if (block.Locals.Contains(local, SymbolEqualityComparer.Default))
                {
                    bool known = TryReadStatements(block.Operations, index, local, cancellationToken, out mode, out capacity);
                    if (capacityChanged)
                    {
                        capacity = null;
                    }

                    return known;
                }

                for (int i = 0; i < index; i++)
                {
                    if (WritesTo(block.Operations[i], local))
                    {
                        return false;
                    }

                    capacityChanged |= WritesCapacityOf(block.Operations[i], local);
                }
            }

            current = parent;
        }

        return false;
    }

    private static bool TryReadStatements(
        ImmutableArray<IOperation> statements,
        int end,
        ILocalSymbol local,
        CancellationToken cancellationToken,
        out object? mode,
        out int? capacity)
    {
        mode = null;
        capacity = null;
        bool known = false;
        for (int i = 0; i < end; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            IOperation statement = statements[i];
            if (statement is IVariableDeclarationGroupOperation group && Declares(group, local, out IOperation? initializer))
            {
                known = initializer is not null && TryReadCreation(initializer, out mode, out capacity);
                if (initializer is not null && !known)
                {
                    return false;
                }

                continue;
            }

            if (statement is IExpressionStatementOperation { Operation: ISimpleAssignmentOperation assignment })
            {
                if (IsLocal(assignment.Target, local))
                {
                    // options = new BoundedChannelOptions(n) { … };
                    if (!TryReadCreation(assignment.Value, out mode, out capacity))
                    {
                        return false;
                    }

                    known = true;
                    continue;
                }

                if (IsFullModeOf(assignment.Target, local))
                {
                    // options.FullMode = BoundedChannelFullMode.…;
                    if (!known || !assignment.Value.ConstantValue.HasValue)
                    {
                        return false;
                    }

                    mode = assignment.Value.ConstantValue.Value;
                    continue;
                }

                if (IsPropertyOf(assignment.Target, local, CapacityProperty))
                {
                    // options.Capacity = n;
                    capacity = ConstantCapacity(assignment.Value);
                    continue;
                }
            }

            if (WritesTo(statement, local))
            {
                return false;
            }

            if (WritesCapacityOf(statement, local))
            {
                // Set in a nested statement or by a compound assignment: not certain at the call.
                capacity = null;
            }
        }

        return known;
    }

    private static bool Declares(IVariableDeclarationGroupOperation group, ILocalSymbol local, out IOperation? initializer)
    {
        foreach (IVariableDeclarationOperation declaration in group.Declarations)
        {
            foreach (IVariableDeclaratorOperation declarator in declaration.Declarators)
            {
                if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    initializer = declarator.Initializer?.Value ?? declaration.Initializer?.Value;
                    return true;
                }
            }
        }

        initializer = null;
        return false;
    }

    // Whether a statement, or anything nested in it, replaces the local, sets its FullMode or passes it by reference.
    private static bool WritesTo(IOperation statement, ILocalSymbol local)
    {
        foreach (IOperation operation in statement.DescendantsAndSelf())
        {
            bool writes = operation switch
            {
                // A deconstruction's target is a tuple of the variables it writes: (options, other) = …
                IDeconstructionAssignmentOperation deconstruction => Mentions(deconstruction.Target, local),
                IAssignmentOperation assignment => IsLocal(assignment.Target, local) || IsFullModeOf(assignment.Target, local),
                IArgumentOperation { Parameter.RefKind: not RefKind.None } argument => IsLocal(argument.Value, local),
                _ => false,
            };
            if (writes)
            {
                return true;
            }
        }

        return false;
    }

    // Whether a statement may change the local's Capacity: an assignment whose target mentions it, or an increment. A read inside a target ('counts[options.Capacity] = 1') counts too: the
    // capacity then only goes unnamed.
    private static bool WritesCapacityOf(IOperation statement, ILocalSymbol local)
    {
        foreach (IOperation operation in statement.DescendantsAndSelf())
        {
            IOperation? target = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                _ => null,
            };
            if (target is not null && target.DescendantsAndSelf().Any(part => IsPropertyOf(part, local, CapacityProperty)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(IOperation operation, ILocalSymbol local)
    {
        foreach (IOperation part in operation.DescendantsAndSelf())
        {
            if (IsLocal(part, local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLocal(IOperation operation, ILocalSymbol local)
    {
        return operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
    }

    private static bool IsFullModeOf(IOperation operation, ILocalSymbol local)
    {
        return IsPropertyOf(operation, local, FullModeProperty);
    }

    private static bool IsPropertyOf(IOperation operation, ILocalSymbol local, string propertyName)
    {
        return operation is IPropertyReferenceOperation { Instance: { } instance } reference
            && reference.Property.Name == propertyName
            && IsLocal(instance, local);
    }

    private static bool IsNullConstant(IOperation operation)
    {
        return operation.WithoutConversions().ConstantValue is { HasValue: true, Value: null };
    }
}
