using System;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Generators.Common;

/// <summary>
/// The assemblies an assembly shows its internals to (<c>[InternalsVisibleTo]</c>): its own tests, and the proxy
/// assembly mocking libraries generate for them, see internal members without being callers in production; any other
/// friend is, and it is out of sight of the compilation being analyzed.
/// </summary>
internal static class FriendAssemblies
{
    // The assembly Castle DynamicProxy (Moq, NSubstitute, FakeItEasy) emits its proxies into.
    private const string MockProxyAssembly = "DynamicProxyGenAssembly2";

    /// <summary>Whether <paramref name="assembly"/> shows its internals to an assembly that is not test code.</summary>
    public static bool AnyBesidesTests(IAssemblySymbol assembly)
    {
        foreach (AttributeData attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass is not { Name: "InternalsVisibleToAttribute" } attributeClass
                || attributeClass.ContainingNamespace?.ToDisplayString() != "System.Runtime.CompilerServices")
            {
                continue;
            }

            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string friend)
            {
                return true;
            }

            // "Orleans.Runtime.Tests, PublicKey=…": the name before the first comma.
            int comma = friend.IndexOf(',');
            string name = (comma >= 0 ? friend.Substring(0, comma) : friend).Trim();
            if (!string.Equals(name, MockProxyAssembly, StringComparison.Ordinal) && !TestCode.NamesTestCode(name))
            {
                return true;
            }
        }

        return false;
    }
}
