using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// A connection string names a database or broker the application is configured to use: a static pool, a MARS flag
/// or a retry counter per connection string holds one entry per configured server, as the data providers' own
/// connection pools do. Read by name, as a configuration object is (<see cref="ConfigurationTypes"/>): a string
/// parameter, local, field or property whose name ends in <c>ConnectionString</c> (<c>connectionString</c>,
/// <c>_connectionString</c>, <c>normalizedConnectionString</c>, <c>connection.ConnectionString</c>). A connection string
/// a multi-tenant server's users type in is more than configuration; a name that does not say it is one
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

        string? name = value switch
        {
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            ILocalReferenceOperation local => local.Local.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property.Name,
            _ => null,
        };
        return name is not null && name.EndsWith(Word, System.StringComparison.OrdinalIgnoreCase);
    }
}
