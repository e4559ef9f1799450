using System.Globalization;
using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Ages;

/// <summary>
/// Reads the window of an age sweep from the ways code writes one: <c>TimeSpan.FromMinutes(5)</c>, a constant or
/// read-only field or local initialized so, <c>now.AddMinutes(-5)</c>, or <c>(now - stamp).TotalSeconds &gt; 300</c>.
/// </summary>
internal static class AgeWindows
{
    // Through a read-only field or a local, how far a window's value is followed: enough for `_window = FromMinutes(5)`.
    private const int MaxDepth = 2;

    /// <summary>A <see cref="System.TimeSpan"/> value: its milliseconds when constant, and its text.</summary>
    public static AgeWindow OfTimeSpan(IOperation value)
    {
        return TimeSpanMilliseconds(value, MaxDepth) is { } milliseconds
            ? FromMilliseconds(milliseconds, value.Syntax.ToString())
            : new AgeWindow(null, value.Syntax.ToString());
    }

    /// <summary>A number compared with a <c>TotalSeconds</c>-like property: the property's unit times the constant.</summary>
    public static AgeWindow OfTotal(string totalProperty, IOperation number)
    {
        double? perUnit = UnitMilliseconds(totalProperty.Substring("Total".Length));
        return number.WithoutConversions().ConstantValue is { HasValue: true, Value: var value } && perUnit is { } unit && ToDouble(value) is { } count
            ? FromMilliseconds(count * unit, number.Syntax + " " + totalProperty.Substring("Total".Length).ToLowerInvariant())
            : new AgeWindow(null, number.Syntax + " " + totalProperty.Substring("Total".Length).ToLowerInvariant());
    }

    /// <summary>The window of <c>now.AddMinutes(-5)</c>: the unit of the method times the negated constant.</summary>
    public static AgeWindow OfAdd(IInvocationOperation add)
    {
        double? perUnit = UnitMilliseconds(add.TargetMethod.Name.Substring("Add".Length));
        IOperation? argument = add.Arguments.Length == 1 ? add.Arguments[0].Value : null;
        if (perUnit is { } unit && argument?.WithoutConversions().ConstantValue is { HasValue: true, Value: var value } && ToDouble(value) is { } count && count < 0)
        {
            return FromMilliseconds(-count * unit, (-count).ToString(CultureInfo.InvariantCulture) + " " + add.TargetMethod.Name.Substring("Add".Length).ToLowerInvariant());
        }

        return new AgeWindow(null, argument?.Syntax.ToString() ?? add.Syntax.ToString());
    }

    /// <summary>Whether <paramref name="add"/> is a <c>DateTime</c>/<c>DateTimeOffset</c> <c>Add…</c> of a unit.</summary>
    public static bool IsUnitAdd(IInvocationOperation add)
    {
        return add.TargetMethod.Name.StartsWith("Add", System.StringComparison.Ordinal)
            && UnitMilliseconds(add.TargetMethod.Name.Substring("Add".Length)) is not null
            && Clocks.IsPointInTime(add.TargetMethod.ContainingType);
    }

    // A whole, positive number of milliseconds is a window the message says in its largest whole unit.
    private static AgeWindow FromMilliseconds(double milliseconds, string text)
    {
        return milliseconds >= 1 && milliseconds <= long.MaxValue && System.Math.Abs(milliseconds - System.Math.Round(milliseconds)) < 1e-6
            ? new AgeWindow((long)System.Math.Round(milliseconds), Describe((long)System.Math.Round(milliseconds)))
            : new AgeWindow(null, text);
    }

    // The units a window is said in, largest first.
    private static readonly (long Milliseconds, string Name)[] Units = { (86_400_000L, "day"), (3_600_000L, "hour"), (60_000L, "minute"), (1_000L, "second") };

    private static string Describe(long milliseconds)
    {
        foreach ((long size, string unit) in Units)
        {
            if (milliseconds % size == 0)
            {
                long count = milliseconds / size;
                return count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? string.Empty : "s");
            }
        }

        return milliseconds.ToString(CultureInfo.InvariantCulture) + " milliseconds";
    }

    private static long? TimeSpanMilliseconds(IOperation value, int depth)
    {
        IOperation operation = value.WithoutConversions();
        switch (operation)
        {
            case IInvocationOperation { TargetMethod: { IsStatic: true, Name: var name, ContainingType.Name: "TimeSpan" } } from
                when name.StartsWith("From", System.StringComparison.Ordinal) && from.Arguments.Length == 1:
                return UnitMilliseconds(name.Substring("From".Length)) is { } unit
                    && from.Arguments[0].Value.WithoutConversions().ConstantValue is { HasValue: true, Value: var count }
                    && ToDouble(count) is { } number
                    && FromMilliseconds(number * unit, string.Empty).Milliseconds is { } milliseconds
                    ? milliseconds
                    : null;
            case IFieldReferenceOperation { Field: { IsReadOnly: true } field } when depth > 0:
                return Initializer(field, operation) is { } fieldValue ? TimeSpanMilliseconds(fieldValue, depth - 1) : null;
            case ILocalReferenceOperation { Local: var local } when depth > 0:
                return Initializer(local, operation) is { } localValue ? TimeSpanMilliseconds(localValue, depth - 1) : null;
            default:
                return null;
        }
    }

    /// <summary>The operation of a field's or local's initializer, bound in the model of the code that reads it.</summary>
    public static IOperation? Initializer(ISymbol symbol, IOperation reader)
    {
        if (reader.SemanticModel is not { } model || symbol.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        SyntaxNode declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax();
        if (declaration is not VariableDeclaratorSyntax { Initializer.Value: { } initializer } || initializer.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        return model.GetOperation(initializer);
    }

    private static double? UnitMilliseconds(string unit)
    {
        return unit switch
        {
            "Milliseconds" => 1,
            "Seconds" => 1_000,
            "Minutes" => 60_000,
            "Hours" => 3_600_000,
            "Days" => 86_400_000,
            _ => null,
        };
    }

    private static double? ToDouble(object? value)
    {
        return value switch
        {
            int i => i,
            long l => l,
            double d => d,
            float f => f,
            short s => s,
            byte b => b,
            _ => null,
        };
    }
}
