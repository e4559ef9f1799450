using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// A connection string names a database or broker the application is configured to use: a static pool, a MARS flag
/// or a retry counter per connection string holds one entry per configured server, as the data providers' own
/// connection pools do. Read by name, as a configuration object is (<see cref="ConfigurationTypes"/>): a string
/// parameter or field whose name ends in <c>ConnectionString</c> (<c>connectionString</c>, <c>_connectionString</c>),
/// or the <c>ConnectionString</c> of a connection or a connection-string builder (<c>connection.ConnectionString</c>).
/// A local is judged by what it is made of, whatever its name (a connection string built from a request's values is
/// not configuration), and so is another object's property (a tenant entity's <c>ConnectionString</c>). A connection
/// string a multi-tenant server's users type in is more than configuration; a name that does not say it is one
/// (<c>connStr</c>, <c>url</c>) is judged as any other string.
/// </summary>
internal static class ConnectionStrings
{
    private const string Word = "ConnectionString";

    /// <summary>Whether <paramref name="value"/> is a string named as a connection string.</summary>
    public static bool IsNamedAsOne(IOperation value)
    {
        if (value.Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        return value switch
        {
            IParameterReferenceOperation parameter => EndsWithWord(parameter.Parameter.Name),
            IFieldReferenceOperation field => EndsWithWord(field.Field.Name),
            IPropertyReferenceOperation { Property: { IsIndexer: false, Name: Word } property } => IsConnectionType(property.ContainingType),
            _ => false,
        };
    }

    private static bool EndsWithWord(string name) => name.EndsWith(Word, System.StringComparison.OrdinalIgnoreCase);

    // A connection (DbConnection, IDbConnection, a provider's own) or a connection-string builder.
    private static bool IsConnectionType(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (IsDataType(type))
        {
            return true;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (IsDataType(implemented))
            {
                return true;
            }
        }

        for (INamedTypeSymbol? current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (IsDataType(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDataType(INamedTypeSymbol type)
    {
        return type.Name is "DbConnection" or "IDbConnection" or "DbConnectionStringBuilder"
            && type.ContainingNamespace?.ToDisplayString() is "System.Data.Common" or "System.Data";
    }
}
