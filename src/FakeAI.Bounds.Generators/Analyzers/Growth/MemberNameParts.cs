using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The name part of a reflection cache's key: <c>(type, propertyName)</c>, <c>(context.Source.GetType(), name)</c>,
/// <c>new FetcherKey(type, returnType, methodName)</c>. Beside a type or member that varies from key to key, a string
/// named as a member's name names a member of that type, and the cache holds one entry per member the program's types
/// declare, as a cache keyed by <see cref="System.Reflection.MemberInfo"/> does. Alone, or beside a fixed
/// <c>typeof(…)</c>, the same string is any caller's name (a metric's, a logger category's), so it counts only next to
/// such a reflection object (<see cref="KeySpaces"/>). Read by name, as a connection string is
/// (<see cref="ConnectionStrings"/>): a parameter called <c>name</c> that a caller fills from a request is trusted.
/// </summary>
internal static class MemberNameParts
{
    /// <summary>
    /// A string parameter named as a member's name (<c>name</c>, <c>propertyName</c>, <c>memberName</c>, <c>fieldName</c>,
    /// <c>methodName</c>), or a property or field whose name says it holds one (<c>field.MemberName</c>). A local, or an
    /// object's plain <c>Name</c> (a user's, a metric's), is judged as any other value.
    /// </summary>
    public static bool NamesAMember(IOperation part)
    {
        IOperation value = part.WithoutConversions();
        if (value.Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        return value switch
        {
            IParameterReferenceOperation parameter => string.Equals(parameter.Parameter.Name, "name", System.StringComparison.OrdinalIgnoreCase) || IsMemberNameWord(parameter.Parameter.Name),
            IFieldReferenceOperation field => IsMemberNameWord(field.Field.Name.TrimStart('_')),
            IPropertyReferenceOperation { Property.IsIndexer: false } property => IsMemberNameWord(property.Property.Name),
            _ => false,
        };
    }

    /// <summary>
    /// A type or member that differs from one add to the next (<c>source.GetType()</c>, a <c>Type</c> or
    /// <c>PropertyInfo</c> parameter): what the member's name beside it names a member of. A <c>typeof(Metrics)</c> is
    /// the same in every key, which leaves the name alone.
    /// </summary>
    public static bool VariesOverMembers(IOperation part)
    {
        IOperation value = part.WithoutConversions();
        if (value is ITypeOfOperation || value.Type is not { } type)
        {
            return false;
        }

        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if ((current.Name == "Type" && current.ContainingNamespace?.ToDisplayString() == "System")
                || (current.Name == "MemberInfo" && current.ContainingNamespace?.ToDisplayString() == "System.Reflection"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMemberNameWord(string name)
    {
        return EndsWith(name, "MemberName")
            || EndsWith(name, "PropertyName")
            || EndsWith(name, "FieldName")
            || EndsWith(name, "MethodName");
    }

    private static bool EndsWith(string name, string word) => name.EndsWith(word, System.StringComparison.OrdinalIgnoreCase);
}
