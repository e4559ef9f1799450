using FakeAI.Bounds.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The name part of a reflection cache's key: <c>(type, propertyName)</c>, <c>(context.Source.GetType(), name)</c>,
/// <c>new FetcherKey(type, returnType, methodName)</c>. Beside a type or member, a string named as a member's name
/// (<c>name</c>, <c>propertyName</c>, <c>memberName</c>, <c>fieldName</c>, <c>methodName</c>, <c>field.MemberName</c>)
/// names a member of that type, and the cache holds one entry per member the program's types declare, as
/// a cache keyed by <see cref="System.Reflection.MemberInfo"/> does. Alone, the same string is any caller's name (a
/// metric's, a logger category's), so it counts only next to a part that is such a reflection object
/// (<see cref="KeySpaces"/>).
/// </summary>
internal static class MemberNameParts
{
    public static bool NamesAMember(IOperation part)
    {
        IOperation value = part.WithoutConversions();
        if (value.Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        string? name = value switch
        {
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            ILocalReferenceOperation local => local.Local.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property.Name,
            _ => null,
        };
        return name is not null && IsMemberNameWord(name.TrimStart('_'));
    }

    private static bool IsMemberNameWord(string name)
    {
        return string.Equals(name, "name", System.StringComparison.OrdinalIgnoreCase)
            || EndsWith(name, "MemberName")
            || EndsWith(name, "PropertyName")
            || EndsWith(name, "FieldName")
            || EndsWith(name, "MethodName");
    }

    private static bool EndsWith(string name, string word) => name.EndsWith(word, System.StringComparison.OrdinalIgnoreCase);
}
