using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Analyzers.Growth;

/// <summary>
/// The objects that stand for one request or operation of a framework: an ASP.NET Core <c>HttpContext</c>, request or
/// response, an <c>HttpRequestMessage</c> or <c>HttpResponseMessage</c>, an <c>HttpListenerContext</c>, a
/// <c>WebRequest</c>, an <c>Activity</c>, a classic ASP.NET <c>HttpContext</c>. None of them compares by value, each
/// references everything its request holds, and the framework makes a new one per request, so a map keyed by them
/// holds as many requests as it has not yet been told have ended (BND010).
/// </summary>
internal static class RequestObjects
{
    /// <summary>Whether <paramref name="type"/> is, or derives from, a framework's per-request object.</summary>
    public static bool IsRequestObject(ITypeSymbol? type)
    {
        // Called for the key type of every tracked map: the name is compared first, the namespace only for the few
        // names that can match.
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            string? expectedNamespace = current.Name switch
            {
                "HttpContext" or "HttpRequest" or "HttpResponse" => "Microsoft.AspNetCore.Http",
                "HttpRequestMessage" or "HttpResponseMessage" => "System.Net.Http",
                "HttpListenerContext" or "WebRequest" => "System.Net",
                "Activity" => "System.Diagnostics",
                "HttpContextBase" => "System.Web",
                _ => null,
            };
            if (expectedNamespace is null)
            {
                continue;
            }

            string actual = current.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (actual == expectedNamespace || (current.Name == "HttpContext" && actual == "System.Web"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The key type of a map or the item type of a set, when it is a per-request object; null otherwise.</summary>
    public static ITypeSymbol? KeyOf(TrackedMember member)
    {
        if (member.Kind is not (CollectionKind.Dictionary or CollectionKind.Set)
            || member.DeclaredType is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: > 0 } named)
        {
            return null;
        }

        ITypeSymbol key = named.TypeArguments[0];
        return IsRequestObject(key) ? key : null;
    }
}
