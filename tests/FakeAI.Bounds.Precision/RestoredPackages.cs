using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FakeAI.Bounds.Precision;

/// <summary>
/// What a restore gave: each resolved package's assemblies and the packages it depends on, the packages asked for,
/// and the ids the package source did not have. A project compiles against the packages it references and what they
/// depend on, not the whole code base's: a test framework's assembly makes a compilation test code.
/// </summary>
internal sealed class RestoredPackages
{
    public static readonly RestoredPackages None = new(new Dictionary<string, (ImmutableArray<MetadataReference>, string[])>(), 0, Array.Empty<string>());

    private readonly Dictionary<string, (ImmutableArray<MetadataReference> Assemblies, string[] Dependencies)> _packages;
    private readonly Dictionary<string, ImmutableArray<MetadataReference>> _closures = new(StringComparer.Ordinal);

    public RestoredPackages(Dictionary<string, (ImmutableArray<MetadataReference>, string[])> packages, int asked, IReadOnlyList<string> missing)
    {
        _packages = packages;
        Asked = asked;
        Missing = missing;
    }

    public int Asked { get; }

    public IReadOnlyList<string> Missing { get; }

    public string Summary => Asked == 0
        ? "no packages"
        : $"{Asked - Missing.Count} of {Asked} packages restored ({_packages.Count} with their dependencies, {_packages.Values.Sum(p => p.Assemblies.Length)} assemblies)"
            + (Missing.Count == 0 ? string.Empty : "; not found: " + string.Join(", ", Missing.Take(8)) + (Missing.Count > 8 ? $" and {Missing.Count - 8} more" : string.Empty));

    /// <summary>The assemblies of the packages with these ids and of every package they depend on.</summary>
    public ImmutableArray<MetadataReference> ReferencesFor(IEnumerable<string> ids)
    {
        var wanted = ids.Select(id => id.ToLowerInvariant()).Where(_packages.ContainsKey).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
        string key = string.Join("|", wanted);
        if (_closures.TryGetValue(key, out ImmutableArray<MetadataReference> known))
        {
            return known;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(wanted);
        var references = ImmutableArray.CreateBuilder<MetadataReference>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (pending.Count > 0)
        {
            string id = pending.Pop();
            if (!seen.Add(id) || !_packages.TryGetValue(id, out (ImmutableArray<MetadataReference> Assemblies, string[] Dependencies) package))
            {
                continue;
            }

            // One assembly per simple name: two packages may carry the same one.
            references.AddRange(package.Assemblies.Where(reference => names.Add(Path.GetFileNameWithoutExtension(((PortableExecutableReference)reference).FilePath!))));
            foreach (string dependency in package.Dependencies)
            {
                pending.Push(dependency);
            }
        }

        ImmutableArray<MetadataReference> result = references.ToImmutable();
        _closures[key] = result;
        return result;
    }
}
