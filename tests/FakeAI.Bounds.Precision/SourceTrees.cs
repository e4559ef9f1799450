using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace FakeAI.Bounds.Precision;

/// <summary>
/// Brings a repository's files at a commit onto disk: from a local git directory (<c>--mirrors DIR</c>, holding
/// <c>owner+name</c> bare repositories) when there is one, else from a clone of the public repository into the work
/// folder (this needs the network). Only C# and MSBuild files (and the packages.config of projects of the .NET Framework
/// era) are written.
/// </summary>
internal sealed class SourceTrees(string workDirectory, string? mirrors)
{
    /// <summary>
    /// Writes the C# sources and MSBuild files of <paramref name="commit"/> (only those under <paramref name="paths"/>,
    /// when given) below <paramref name="into"/>. Files are read blob by blob, so a snapshot that lacks some large
    /// binary still exports.
    /// </summary>
    public string Export(string repository, string commit, string into, IReadOnlyList<string>? paths = null)
    {
        string gitDirectory = GitDirectory(repository);
        if (Directory.Exists(into))
        {
            Directory.Delete(into, recursive: true);
        }

        Directory.CreateDirectory(into);
        var wanted = new List<(string Blob, string Path)>();
        foreach (string line in Capture("git", ["--git-dir", gitDirectory, "ls-tree", "-r", "--full-tree", commit]).Split('\n'))
        {
            // <mode> SP <type> SP <object> TAB <path>
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            string[] head = tab < 0 ? [] : line[..tab].Split(' ');
            if (head.Length != 3 || head[1] != "blob")
            {
                continue;
            }

            string path = line[(tab + 1)..];
            bool source = path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".csproj", StringComparison.Ordinal) || path.EndsWith(".xproj", StringComparison.Ordinal)
                || path.EndsWith(".props", StringComparison.Ordinal) || path.EndsWith(".targets", StringComparison.Ordinal)
                || path == "packages.config" || path.EndsWith("/packages.config", StringComparison.Ordinal);
            bool inScope = paths is null || paths.Any(p => path == p || path.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal));
            if (source && inScope)
            {
                wanted.Add((head[2], path));
            }
        }

        WriteBlobs(gitDirectory, wanted, into);
        return into;
    }

    private static void WriteBlobs(string gitDirectory, List<(string Blob, string Path)> files, string into)
    {
        using Process process = Start("git", ["--git-dir", gitDirectory, "cat-file", "--batch"], redirectInput: true);
        var writer = Task.Run(() =>
        {
            foreach ((string blob, _) in files)
            {
                process.StandardInput.Write(blob + "\n");
            }

            process.StandardInput.Close();
        });
        Stream output = process.StandardOutput.BaseStream;
        foreach ((_, string path) in files)
        {
            // "<object> blob <size>\n<content>\n", or "<object> missing\n" for a blob the snapshot lacks.
            string header = ReadLine(output);
            string[] parts = header.Split(' ');
            if (parts.Length != 3 || !long.TryParse(parts[2], out long size))
            {
                continue;
            }

            var content = new byte[size];
            output.ReadExactly(content);
            output.ReadByte();
            string target = Path.Combine(into, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, content);
        }

        writer.Wait();
        process.WaitForExit();
    }

    private static string ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        for (int b = stream.ReadByte(); b >= 0 && b != '\n'; b = stream.ReadByte())
        {
            bytes.Add((byte)b);
        }

        return System.Text.Encoding.UTF8.GetString(bytes.ToArray());
    }

    public bool Exists(string repository, string commit, string path)
    {
        return TryRun("git", ["--git-dir", GitDirectory(repository), "cat-file", "-e", commit + ":" + path]);
    }

    public string Parent(string repository, string commit)
    {
        return Capture("git", ["--git-dir", GitDirectory(repository), "rev-parse", commit + "^"]).Trim();
    }

    private string GitDirectory(string repository)
    {
        string name = repository.Replace('/', '+');
        if (mirrors is not null && Directory.Exists(Path.Combine(mirrors, name)))
        {
            // A bare repository, or a folder that holds one as repo/ or .git/.
            string mirror = Path.Combine(mirrors, name);
            foreach (string candidate in new[] { mirror, Path.Combine(mirror, "repo"), Path.Combine(mirror, ".git") })
            {
                if (Directory.Exists(Path.Combine(candidate, "objects")))
                {
                    return candidate;
                }
            }
        }

        // Exports run several at once (both sides of a recall fix, several fixes of one repository): one clone per
        // repository, and no export reads it before the clone is complete.
        return _clones.GetOrAdd(name, _ => new Lazy<string>(() =>
        {
            string clone = Path.Combine(workDirectory, "git", name);
            if (!Directory.Exists(clone))
            {
                Run("git", ["clone", "--bare", "--filter=blob:none", "https://github.com/" + repository + ".git", clone]);
            }

            return clone;
        })).Value;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> _clones = new(StringComparer.Ordinal);

    private static void Run(string file, IReadOnlyList<string> arguments)
    {
        if (!TryRun(file, arguments))
        {
            throw new InvalidOperationException(file + " " + string.Join(' ', arguments) + " failed");
        }
    }

    private static bool TryRun(string file, IReadOnlyList<string> arguments)
    {
        using Process process = Start(file, arguments);
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static string Capture(string file, IReadOnlyList<string> arguments)
    {
        using Process process = Start(file, arguments);
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException(file + " " + string.Join(' ', arguments) + " failed");
    }

    private static Process Start(string file, IReadOnlyList<string> arguments, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = redirectInput, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }
}
