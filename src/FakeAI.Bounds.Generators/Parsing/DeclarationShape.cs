using System.Collections.Generic;
using System.Text;
using System.Threading;
using FakeAI.Bounds.Generators.Common;
using FakeAI.Bounds.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FakeAI.Bounds.Generators.Parsing;

/// <summary>
/// How a type is declared, as far as a generated partial declaration depends on it: whether a second part can reopen
/// the type, how that part names the type and its containers, and the file it goes to. Shared by the readers of
/// <c>[Bounded]</c> and <c>[BoundedTracker]</c> declarations, which generate into the same kind of partial.
/// </summary>
internal static class DeclarationShape
{
    /// <summary>The namespace as written in a declaration, or <see langword="null"/> for the global namespace.</summary>
    public static string? Namespace(INamedTypeSymbol type)
    {
        return type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString();
    }

    /// <summary>
    /// The file-local type that contains <paramref name="type"/>, if any: a file-local type exists only in its own
    /// file, so the generated part in another file could not reopen it.
    /// </summary>
    public static INamedTypeSymbol? FileLocalContainer(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            if (container.IsFileLocal)
            {
                return container;
            }
        }

        return null;
    }

    /// <summary>Whether every declaration of a type says <c>partial</c> (a type from metadata has none, and passes).</summary>
    public static bool IsPartialEverywhere(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The type itself and each containing type that is not partial everywhere, with how a message names it:
    /// a generated part could not reopen any of them.
    /// </summary>
    public static IEnumerable<(INamedTypeSymbol Part, string Where)> NotPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (!IsPartialEverywhere(current, cancellationToken))
            {
                yield return (current, SymbolEqualityComparer.Default.Equals(current, type)
                    ? "its declaration"
                    : "the containing type '" + current.Name + "'");
            }
        }
    }

    /// <summary>The declaration keyword that reopens a type: class, struct, interface, record or record struct.</summary>
    public static string Keyword(INamedTypeSymbol type)
    {
        return type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };
    }

    /// <summary>The enclosing types, outermost first, as the generated partial reopens them.</summary>
    public static EquatableArray<ContainingTypeModel> ReadContainingTypes(INamedTypeSymbol type)
    {
        var containing = new List<ContainingTypeModel>();
        for (INamedTypeSymbol? current = type.ContainingType; current is not null; current = current.ContainingType)
        {
            containing.Insert(0, new ContainingTypeModel(Keyword(current), NameWithTypeParameters(current)));
        }

        return new EquatableArray<ContainingTypeModel>(containing.ToArray());
    }

    /// <summary>The name as written in a declaration, e.g. <c>Window&lt;T&gt;</c>, keywords escaped (<c>@class</c>).</summary>
    public static string NameWithTypeParameters(INamedTypeSymbol type)
    {
        if (type.TypeParameters.Length == 0)
        {
            return Identifiers.Escape(type.Name);
        }

        var builder = new StringBuilder(Identifiers.Escape(type.Name)).Append('<');
        for (int i = 0; i < type.TypeParameters.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(Identifiers.Escape(type.TypeParameters[i].Name));
        }

        return builder.Append('>').ToString();
    }

    /// <summary>
    /// The unique name of a generated file: the type's full name, then <paramref name="role"/> when one type can get
    /// files of more than one kind (e.g. <c>Tracker</c>), then a hash of the exact name, then the common suffix.
    /// </summary>
    public static string HintName(INamedTypeSymbol type, string? role = null)
    {
        var builder = new StringBuilder();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            string part = current.Arity == 0 ? current.Name : current.Name + "_" + current.Arity;
            builder.Insert(0, builder.Length == 0 ? part : part + ".");
        }

        // Symbol names, not display strings: a display string keeps the @ of a keyword namespace, which a file name may not hold.
        for (INamespaceSymbol? ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            builder.Insert(0, ns.Name + ".");
        }

        // Generated file names are compared without regard to case; the hash of the exact name keeps App.Recent and
        // App.recent apart while the readable part stays first.
        string exactName = builder.ToString();
        string readable = role is null ? exactName : exactName + "." + role;
        return readable + "." + StableHash(exactName).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + KnownNames.HintNameSuffix;
    }

    /// <summary>Where a diagnostic about a symbol goes: its first declaration's name, or nowhere for metadata.</summary>
    public static Location FirstLocation(ISymbol symbol)
    {
        return symbol.Locations.Length > 0 ? symbol.Locations[0] : Location.None;
    }

    // FNV-1a: stable across processes and platforms, unlike string.GetHashCode.
    private static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char character in text)
        {
            hash = unchecked((hash ^ character) * 16777619);
        }

        return hash;
    }
}
