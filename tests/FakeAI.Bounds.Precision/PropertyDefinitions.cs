using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FakeAI.Bounds.Precision;

/// <summary>
/// Just enough of MSBuild's property evaluation for project references: the unconditional properties a project and
/// its Directory.Build.props define (the project's own first, then the nearest props), with
/// <c>$(MSBuildThisFileDirectory)</c> and <c>$(MSBuildProjectDirectory)</c>, so that a reference written as
/// <c>$(SourceRoot)src/Orleans.Core/Orleans.Core.csproj</c> resolves, and a repository root computed by a property
/// function (<c>$(RepoRoot)</c>) is the code base's root. What it cannot expand stays unresolved.
/// </summary>
internal sealed partial class PropertyDefinitions
{
    private const int MaxDepth = 8;
    private readonly Dictionary<string, (string Value, string Directory)> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _projectDirectory;

    private static readonly string[] RepositoryRootNames = ["RepoRoot", "RepositoryRoot", "RepoRootPath", "RootDir"];
    private readonly string _root;

    public PropertyDefinitions(string projectPath, string root)
    {
        _projectDirectory = System.IO.Path.GetDirectoryName(projectPath)!;
        _root = System.IO.Path.GetFullPath(root);
    }

    /// <summary>Reads a file's unconditional properties; a property defined by an earlier file wins.</summary>
    public void Read(XDocument document, string file)
    {
        string directory = System.IO.Path.GetDirectoryName(file)!;
        foreach (XElement group in document.Descendants())
        {
            if (group.Name.LocalName != "PropertyGroup" || group.Attribute("Condition") is not null)
            {
                continue;
            }

            foreach (XElement property in group.Elements())
            {
                if (property.Attribute("Condition") is null && !_values.ContainsKey(property.Name.LocalName))
                {
                    _values[property.Name.LocalName] = (property.Value.Trim(), directory);
                }
            }
        }
    }

    /// <summary>The value with the properties it names expanded, as far as they are known.</summary>
    public string Expand(string value, string thisFileDirectory)
    {
        return Expand(value, thisFileDirectory, MaxDepth);
    }

    private string Expand(string value, string thisFileDirectory, int depth)
    {
        if (depth == 0 || !value.Contains("$(", StringComparison.Ordinal))
        {
            return value;
        }

        return Reference().Replace(value, match =>
        {
            string name = match.Groups[1].Value;
            if (name.Equals("MSBuildThisFileDirectory", StringComparison.OrdinalIgnoreCase))
            {
                return thisFileDirectory + "/";
            }

            if (name.Equals("MSBuildProjectDirectory", StringComparison.OrdinalIgnoreCase))
            {
                return _projectDirectory;
            }

            // The repository root is usually computed with a property function this reader does not evaluate
            // ($([System.IO.Directory]::GetParent(…).Parent.FullName)); by its name it is the code base's root.
            bool computed = !_values.TryGetValue(name, out (string Value, string Directory) defined) || defined.Value.Contains("$([", StringComparison.Ordinal);
            if (computed && Array.Exists(RepositoryRootNames, rootName => rootName.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                return _root;
            }

            return computed ? match.Value : Expand(defined.Value, defined.Directory, depth - 1);
        });
    }

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
