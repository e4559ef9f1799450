// Writes a large C# library that uses FakeAI.Bounds the way an application does: thousands of ordinary classes
// (local collections, LINQ, string work, instance collection fields), hundreds of trackers whose collections are
// bounded in every way the analyzers know or not at all, element types that trackers keep per entry, static caches
// and channels. analyzer-cost.sh compiles it to measure what the FakeAI.Bounds analyzers and the generator cost.
//
//   dotnet run GenerateProject.cs -- <output folder> [--classes 3000] [--trackers 300] [--seed 20251101]
//
// The output depends only on the arguments (a fixed-seed System.Random), so every run compiles the same code. It
// also writes expected-diagnostics.txt: how many of each BND0xx rule the code was written to trigger.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

string? output = null;
int classCount = 3000;
int trackerCount = 300;
int seed = 20251101;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--classes":
            classCount = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--trackers":
            trackerCount = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--seed":
            seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            output = args[i];
            break;
    }
}

if (output is null)
{
    Console.Error.WriteLine("usage: dotnet run GenerateProject.cs -- <output folder> [--classes N] [--trackers N] [--seed N]");
    return 2;
}

string repository = FindRepository(AppContext.GetData("EntryPointFilePath") as string ?? Directory.GetCurrentDirectory());
var project = new ProjectWriter(Path.GetFullPath(output), repository, new Random(seed));
project.Write(classCount, trackerCount);
Console.WriteLine(project.Describe());
return 0;

static string FindRepository(string start)
{
    for (string? folder = Path.GetDirectoryName(Path.GetFullPath(start)); folder is not null; folder = Path.GetDirectoryName(folder))
    {
        if (File.Exists(Path.Combine(folder, "FakeAI.Bounds.sln")))
        {
            return folder;
        }
    }

    throw new InvalidOperationException("FakeAI.Bounds.sln not found above " + start);
}

/// <summary>Writes the project; counts what it wrote and which diagnostics the code should produce.</summary>
internal sealed class ProjectWriter
{
    private static readonly string[] Nouns =
    {
        "Order", "Invoice", "Payment", "Customer", "Shipment", "Catalog", "Pricing", "Discount", "Inventory", "Refund",
        "Account", "Cart", "Token", "Prompt", "Completion", "Embedding", "Usage", "Quota", "Billing", "Tenant",
        "Report", "Export", "Import", "Schedule", "Webhook", "Audit", "Search", "Upload", "Profile", "Region",
    };

    // None of these ends in a tracker suffix (Tracker, Collector, Registry, Recorder, Aggregator, Bus, nor Cache or Monitor).
    private static readonly string[] OrdinaryRoles =
    {
        "Service", "Handler", "Builder", "Formatter", "Validator", "Mapper", "Calculator", "Parser", "Processor",
        "Controller", "Policy", "Planner", "Resolver", "Writer", "Reader", "Converter", "Dispatcher", "Evaluator",
    };

    // The tracker suffix the project declares: a class named otherwise is judged by how it is held, not by its name.
    private static readonly string[] TrackerSuffixes =
    {
        "Tracker",
    };

    private readonly string _root;
    private readonly string _repository;
    private readonly Random _random;
    private readonly SortedDictionary<string, int> _expected = new(StringComparer.Ordinal);
    private readonly List<string> _elementTypes = new();
    private readonly List<(string Area, string Name)> _classNames = new();
    private readonly HashSet<string> _heldElements = new(StringComparer.Ordinal);
    private readonly HashSet<string> _growingElements = new(StringComparer.Ordinal);
    private int _files;
    private int _lines;
    private int _ordinaryClasses;
    private int _staticCaches;
    private int _trackers;
    private int _strictTrackers;
    private int _boundedTypes;
    private int _trackerMembers;
    private int _channels;
    private int _elementTypeCount;

    public ProjectWriter(string root, string repository, Random random)
    {
        _root = root;
        _repository = repository;
        _random = random;
    }

    public void Write(int classCount, int trackerCount)
    {
        if (Directory.Exists(Path.Combine(_root, "src")))
        {
            Directory.Delete(Path.Combine(_root, "src"), recursive: true);
        }

        Directory.CreateDirectory(_root);
        WriteProjectFiles();
        WriteDomain();
        int elementCount = Math.Max(1, trackerCount / 2);
        for (int i = 0; i < elementCount; i++)
        {
            WriteElementType(i);
        }

        for (int i = 0; i < classCount; i++)
        {
            WriteOrdinaryClass(i);
        }

        for (int i = 0; i < trackerCount; i++)
        {
            WriteTracker(i);
        }

        // BND006 is reported once per growing element type that some tracker keeps.
        Expect("BND006", _growingElements.Count(_heldElements.Contains));
        var expected = new StringBuilder();
        foreach (string rule in new[] { "BND001", "BND002", "BND003", "BND004", "BND005", "BND006", "BND007" })
        {
            expected.Append(rule).Append(' ').Append(_expected.GetValueOrDefault(rule).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(Path.Combine(_root, "expected-diagnostics.txt"), expected.ToString());
        File.WriteAllText(Path.Combine(_root, "contents.txt"), Describe() + "\n");
    }

    public string Describe()
    {
        return string.Create(CultureInfo.InvariantCulture, $"{_files} C# files, {_lines} lines: {_ordinaryClasses} ordinary classes ({_staticCaches} with a static cache), "
            + $"{_trackers} trackers ({_strictTrackers} [BoundedTracker] with {_boundedTypes} nested [Bounded] types; {_trackerMembers} collection or channel members, {_channels} channels), "
            + $"{_elementTypeCount} element types kept per entry by trackers");
    }

    private void Expect(string rule, int count = 1)
    {
        _expected[rule] = _expected.GetValueOrDefault(rule) + count;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private bool Chance(int percent) => _random.Next(100) < percent;

    private void WriteFile(string relativePath, string text)
    {
        string path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        if (relativePath.EndsWith(".cs", StringComparison.Ordinal))
        {
            _files++;
            _lines += text.Count(c => c == '\n');
        }
    }

    private string Relative(string repositoryPath)
    {
        return Path.GetRelativePath(_root, Path.Combine(_repository, repositoryPath)).Replace('\\', '/');
    }

    private void WriteProjectFiles()
    {
        // Empty Directory.Build.* / Directory.Packages.props and a root .editorconfig stop the repository's own settings
        // (TreatWarningsAsErrors, central package management, its .editorconfig) from reaching the generated project:
        // it is built like a consumer's project, with every setting that matters in its project file.
        WriteFile("Directory.Build.props", "<Project />\n");
        WriteFile("Directory.Build.targets", "<Project />\n");
        WriteFile("Directory.Packages.props", "<Project />\n");
        WriteFile(".editorconfig", "root = true\n");
        WriteFile("AnalyzerCostProject.csproj", $$"""
            <Project Sdk="Microsoft.NET.Sdk">

              <!-- What the FakeAI.Bounds package adds to a consumer's build: the options the analyzers read. -->
              <Import Project="{{Relative("nuget/buildTransitive/FakeAI.Bounds.props")}}" />

              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <Deterministic>true</Deterministic>
                <IsPackable>false</IsPackable>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
                <!-- Generated under the repository's tests folder, which the analyzers leave alone unless asked. -->
                <FakeAIBoundsAnalyzeTestCode>true</FakeAIBoundsAnalyzeTestCode>
                <!-- Its trackers are trackers by declaration, held to a tracker's standard as a user's would be. -->
                <FakeAIBoundsTrackerSuffixes>Tracker</FakeAIBoundsTrackerSuffixes>
              </PropertyGroup>

              <ItemGroup>
                <ProjectReference Include="{{Relative("src/FakeAI.Bounds/FakeAI.Bounds.csproj")}}" />
                <ProjectReference Include="{{Relative("src/FakeAI.Bounds.Generators/FakeAI.Bounds.Generators.csproj")}}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>

            </Project>

            """);
    }

    private void WriteDomain()
    {
        WriteFile("src/Domain/Records.cs", """
            using System;
            using System.Collections.Generic;

            namespace Bench.Domain;

            public sealed record LineItem(string Sku, int Quantity, decimal Price);

            public sealed record Order(int Id, string Customer, string Region, decimal Amount, DateTime At, IReadOnlyList<LineItem> Items);

            public sealed record Customer(string Id, string Name, string Region, int Tier);

            public sealed record RequestInfo(string Path, string Method, int Status, TimeSpan Elapsed, string? ApiKey);

            public sealed record MetricPoint(string Name, double Value, DateTime At);

            public readonly record struct EventRecord(long Sequence, string Kind, string Payload);

            // An event whose publisher awaits its handling: a channel that drops it silently leaves the publisher waiting.
            public sealed record AcknowledgedEvent(EventRecord Event, System.Threading.Tasks.TaskCompletionSource Handled);

            public enum Severity
            {
                Trace,
                Info,
                Warning,
                Error,
            }
            """);
    }

    // A type that trackers keep one of per entry (a stream, an upload): its own collections are what BND006 checks.
    private void WriteElementType(int index)
    {
        string name = Pick(new[] { "StreamState", "ChatState", "ConnectionInfo", "JobProgress", "UploadState" }) + index.ToString("D3", CultureInfo.InvariantCulture);
        _elementTypes.Add(name);
        _elementTypeCount++;
        int variant = index % 3;
        string append = variant switch
        {
            // Grows with every token: a tracker that keeps these grows with every entry's tokens (BND006).
            0 => """
                    public void Append(string token)
                    {
                        _tokens.Add(token);
                        _length += token.Length;
                    }
                """,
            // Trimmed under a size check after each add.
            1 => """
                    public void Append(string token)
                    {
                        _tokens.Add(token);
                        _length += token.Length;
                        if (_tokens.Count > 256)
                        {
                            _length -= _tokens[0].Length;
                            _tokens.RemoveAt(0);
                        }
                    }
                """,
            // Refuses once full.
            _ => """
                    public void Append(string token)
                    {
                        if (_tokens.Count >= 512)
                        {
                            return;
                        }

                        _tokens.Add(token);
                        _length += token.Length;
                    }
                """,
        };
        if (variant == 0)
        {
            _growingElements.Add(name);
        }

        WriteFile($"src/State/{name}.cs", $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace Bench.State;

            public sealed class {{name}}
            {
                private readonly List<string> _tokens = new();
                private int _length;

                public {{name}}(string id)
                {
                    Id = id;
                    Started = DateTime.UtcNow;
                }

                public string Id { get; }

                public DateTime Started { get; }

                public int TokenCount => _tokens.Count;

                public int Length => _length;

            {{append}}

                public string Tail(int count)
                {
                    return string.Join(' ', _tokens.Skip(Math.Max(0, _tokens.Count - count)));
                }

                public IReadOnlyDictionary<string, int> WordCounts()
                {
                    return _tokens.GroupBy(t => t, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
                }
            }

            """);
    }

    private void WriteOrdinaryClass(int index)
    {
        _ordinaryClasses++;
        string area = "Area" + (index / 30).ToString("D3", CultureInfo.InvariantCulture);
        string name = Pick(Nouns) + Pick(OrdinaryRoles) + index.ToString("D4", CultureInfo.InvariantCulture);
        var members = new StringBuilder();
        var fields = new StringBuilder();
        fields.Append("    private readonly List<string> _notes = new();\n");
        fields.Append("    private readonly Dictionary<string, decimal> _totals = new(StringComparer.Ordinal);\n");
        fields.Append("    private int _calls;\n");
        string dependency = index > 0 && Chance(60) ? DependencyName(index) : string.Empty;
        if (dependency.Length > 0)
        {
            fields.Append($"    private readonly {dependency} _next;\n");
        }

        if (index % 50 == 7)
        {
            AppendStaticCache(index, fields, members);
        }

        var methods = new List<Func<int, string>>
        {
            SummarizeMethod, DescribeMethod, FilterMethod, NoteMethod, GroupMethod, ParseMethod, MergeMethod,
            StatisticsMethod, LookupMethod, LoadAsyncMethod, ClassifyMethod, MemoMethod,
        };
        int count = 3 + _random.Next(3);
        var chosen = new List<Func<int, string>>();
        while (chosen.Count < count)
        {
            Func<int, string> method = Pick(methods);
            if (!chosen.Contains(method))
            {
                chosen.Add(method);
            }
        }

        foreach (Func<int, string> method in chosen)
        {
            members.Append('\n').Append(method(_random.Next(2, 400)));
        }

        string constructor = dependency.Length > 0
            ? $$"""

                public {{name}}({{dependency}} next)
                {
                    _next = next;
                }

                public int Forward(IReadOnlyList<Order> orders) => _next.Touch(orders.Count + _calls);

            """
            : string.Empty;

        WriteFile($"src/Services/{area}/{name}.cs", $$"""
            using System;
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Bench.Domain;
            using Bench.Services;

            namespace Bench.Services.{{area}};

            public sealed class {{name}}
            {
            {{fields}}{{constructor}}
                public int Calls => _calls;

                public int Touch(int value)
                {
                    _calls++;
                    return value * 31 + _notes.Count;
                }
            {{members}}}

            """);
        _classNames.Add((area, name));
    }

    private string DependencyName(int index)
    {
        (string area, string name) = _classNames[_random.Next(Math.Max(0, index - 40), index)];
        return $"Bench.Services.{area}.{name}";
    }

    // One class in fifty keeps a static cache: bounded by a size check in some, unbounded (BND001) in the others.
    private void AppendStaticCache(int index, StringBuilder fields, StringBuilder members)
    {
        _staticCaches++;
        switch (index % 200)
        {
            case 7:
                Expect("BND001");
                fields.Append("    private static readonly Dictionary<string, string> s_formatted = new(StringComparer.Ordinal);\n");
                members.Append("""

                    public static string Format(string key)
                    {
                        if (!s_formatted.TryGetValue(key, out string? value))
                        {
                            value = key.Trim().ToUpperInvariant();
                            s_formatted[key] = value;
                        }

                        return value;
                    }

                """);
                break;
            case 57:
                Expect("BND001");
                fields.Append("    private static readonly ConcurrentDictionary<int, string> s_labels = new();\n");
                members.Append("""

                    public static string Label(int id) => s_labels.GetOrAdd(id, static i => "item-" + i.ToString(CultureInfo.InvariantCulture));

                """);
                break;
            case 107:
                fields.Append("    private static readonly Dictionary<string, int> s_lengths = new(StringComparer.Ordinal);\n    private static readonly object s_gate = new();\n");
                members.Append("""

                    public static int LengthOf(string key)
                    {
                        lock (s_gate)
                        {
                            if (s_lengths.TryGetValue(key, out int length))
                            {
                                return length;
                            }

                            if (s_lengths.Count >= 4096)
                            {
                                s_lengths.Clear();
                            }

                            s_lengths[key] = key.Length;
                            return key.Length;
                        }
                    }

                """);
                break;
            default:
                // Keyed by an enum: one entry per declared value, so bounded by the program.
                fields.Append("    private static readonly Dictionary<Severity, int> s_bySeverity = new();\n");
                members.Append("""

                    public static void Count(Severity severity)
                    {
                        s_bySeverity.TryGetValue(severity, out int count);
                        s_bySeverity[severity] = count + 1;
                    }

                """);
                break;
        }
    }

    private static string SummarizeMethod(int k) => $$"""
            public decimal Summarize(IReadOnlyList<Order> orders)
            {
                var byCustomer = new Dictionary<string, decimal>(StringComparer.Ordinal);
                foreach (Order order in orders)
                {
                    byCustomer.TryGetValue(order.Customer, out decimal sum);
                    byCustomer[order.Customer] = sum + order.Amount;
                }

                _totals["summary"] = byCustomer.Values.Sum();
                return byCustomer
                    .Where(p => p.Value > {{k}}m)
                    .OrderByDescending(p => p.Value)
                    .Take({{k % 10 + 1}})
                    .Sum(p => p.Value);
            }

        """;

    private static string DescribeMethod(int k) => $$"""
            public string Describe(IEnumerable<Order> orders)
            {
                var text = new StringBuilder();
                foreach (Order order in orders.Where(o => o.Items.Count > {{k % 4}}))
                {
                    text.Append(order.Id.ToString(CultureInfo.InvariantCulture)).Append(':').Append(order.Customer.ToLowerInvariant());
                    text.Append(" [").Append(string.Join(", ", order.Items.Select(i => $"{i.Sku} x{i.Quantity}"))).Append("] ");
                }

                string result = text.ToString().TrimEnd();
                return result.Length > {{k * 4}} ? result.Substring(0, {{k * 4}}) + "..." : result;
            }

        """;

    private static string FilterMethod(int k) => $$"""
            public List<int> Filter(int[] values)
            {
                var result = new List<int>(values.Length);
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i] % {{k % 7 + 2}} == 0 || values[i] > {{k * 10}})
                    {
                        result.Add(values[i]);
                    }
                }

                result.Sort();
                int at = result.BinarySearch({{k}});
                if (at >= 0)
                {
                    result.RemoveAt(at);
                }

                return result;
            }

        """;

    private static string NoteMethod(int k) => $$"""
            public void Note(string message)
            {
                if (string.IsNullOrWhiteSpace(message))
                {
                    return;
                }

                _calls++;
                _notes.Add(message.Trim().ToUpperInvariant());
                if (_notes.Count > {{k}})
                {
                    _notes.RemoveRange(0, _notes.Count - {{k}});
                }
            }

        """;

    private static string GroupMethod(int k) => $$"""
            public Dictionary<string, int> CountByRegion(IEnumerable<Customer> customers)
            {
                return customers
                    .Where(c => c.Tier >= {{k % 3}})
                    .GroupBy(c => c.Region, StringComparer.OrdinalIgnoreCase)
                    .OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
            }

        """;

    private static string ParseMethod(int k) => $$"""
            public (string Name, int Value, Severity Level)? Parse(string line)
            {
                string[] parts = line.Split(',', StringSplitOptions.TrimEntries);
                if (parts.Length < 3 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
                {
                    return null;
                }

                Severity level = parts[2] switch
                {
                    "warn" or "warning" => Severity.Warning,
                    "error" => Severity.Error,
                    "trace" => Severity.Trace,
                    _ => Severity.Info,
                };
                return (parts[0].ToLowerInvariant(), value + {{k}}, level);
            }

        """;

    private static string MergeMethod(int k) => $$"""
            public IReadOnlyCollection<string> Merge(IEnumerable<string> left, IEnumerable<string> right)
            {
                var seen = new HashSet<string>(left, StringComparer.OrdinalIgnoreCase);
                seen.IntersectWith(right);
                var extra = right.Except(seen, StringComparer.OrdinalIgnoreCase).Where(s => s.Length > {{k % 5}}).ToList();
                seen.UnionWith(extra.Take({{k % 20 + 1}}));
                return seen.OrderBy(s => s, StringComparer.Ordinal).ToArray();
            }

        """;

    private static string StatisticsMethod(int k) => $$"""
            public (double Mean, double Max, double P90) Statistics(IReadOnlyList<MetricPoint> points)
            {
                if (points.Count == 0)
                {
                    return (0, 0, 0);
                }

                double[] values = points.Select(p => p.Value).Where(v => !double.IsNaN(v)).ToArray();
                Array.Sort(values);
                double mean = values.Average();
                double max = values.Max();
                double p90 = values[Math.Min(values.Length - 1, (int)(values.Length * 0.9))];
                _totals["mean"] = (decimal)Math.Round(mean, 2) + {{k}};
                return (mean, max, p90);
            }

        """;

    private static string LookupMethod(int k) => $$"""
            public string Index(IEnumerable<Order> orders)
            {
                ILookup<string, Order> byRegion = orders.ToLookup(o => o.Region, StringComparer.Ordinal);
                var lines = new List<string>();
                foreach (IGrouping<string, Order> group in byRegion)
                {
                    decimal total = group.Sum(o => o.Amount);
                    lines.Add(string.Format(CultureInfo.InvariantCulture, "{0}={1:F2} ({2})", group.Key, total, group.Count()));
                }

                lines.Sort(StringComparer.Ordinal);
                return string.Join(Environment.NewLine, lines.Take({{k % 12 + 3}}));
            }

        """;

    private static string LoadAsyncMethod(int k) => $$"""
            public async Task<int> LoadAsync(IEnumerable<string> names, CancellationToken cancellationToken)
            {
                var lengths = new List<int>();
                foreach (string name in names)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await Task.Yield();
                    lengths.Add(name.Length * {{k % 9 + 1}});
                }

                return lengths.Count == 0 ? 0 : lengths.Max();
            }

        """;

    private static string ClassifyMethod(int k) => $$"""
            public string Classify(object value)
            {
                return value switch
                {
                    null => "null",
                    int i when i > {{k}} => "large",
                    int => "small",
                    string { Length: 0 } => "empty",
                    string s => s.Length > {{k % 30 + 1}} ? "long text" : "text",
                    Order { Amount: > {{k}}m } order => "big order " + order.Id.ToString(CultureInfo.InvariantCulture),
                    IEnumerable<object> items => "items: " + items.Count().ToString(CultureInfo.InvariantCulture),
                    _ => value.GetType().Name,
                };
            }

        """;

    private static string MemoMethod(int k) => $$"""
            public int Score(IReadOnlyList<string> words)
            {
                var memo = new Dictionary<string, int>(StringComparer.Ordinal);
                int Weight(string word)
                {
                    if (!memo.TryGetValue(word, out int weight))
                    {
                        weight = word.Sum(c => char.IsUpper(c) ? 2 : 1) % {{k % 13 + 2}};
                        memo[word] = weight;
                    }

                    return weight;
                }

                Func<string, bool> keep = w => w.Length > 2 && !w.StartsWith('#');
                return words.Where(keep).Select(Weight).Sum();
            }

        """;

    private void WriteTracker(int index)
    {
        _trackers++;
        string suffix = TrackerSuffixes[index % TrackerSuffixes.Length];
        string name = Pick(Nouns) + "Stats" + index.ToString("D3", CultureInfo.InvariantCulture) + suffix;
        bool strict = index % 3 == 0;
        var nested = new StringBuilder();
        var fields = new StringBuilder();
        var methods = new StringBuilder();
        var constructor = new StringBuilder();
        var disposal = new StringBuilder();
        int memberIndex = 0;

        if (strict)
        {
            _strictTrackers++;
            AppendBoundedMembers(index, nested, fields, methods);
        }

        int plain = strict ? _random.Next(0, 2) : 1 + _random.Next(3);
        for (int i = 0; i < plain; i++)
        {
            AppendTrackerMember(index, memberIndex++, fields, methods, constructor, disposal);
        }

        if (index % 2 == 1)
        {
            AppendElementHolder(index, memberIndex++, fields, methods);
        }

        if (index % 6 == 2)
        {
            AppendChannel(index, fields, methods);
        }

        string attribute = strict ? "[BoundedTracker]\n" : string.Empty;
        string partial = strict ? "partial " : string.Empty;
        string ctor = constructor.Length > 0
            ? $$"""

                public {{name}}()
                {
            {{constructor}}    }

            """
            : string.Empty;
        string dispose = disposal.Length > 0
            ? $$"""

                public void Dispose()
                {
            {{disposal}}    }

            """
            : string.Empty;
        string implements = disposal.Length > 0 ? " : IDisposable" : string.Empty;
        string area = "Area" + (index / 30).ToString("D2", CultureInfo.InvariantCulture);

        WriteFile($"src/Trackers/{area}/{name}.cs", $$"""
            using System;
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Channels;
            using System.Threading.Tasks;
            using Bench.Domain;
            using Bench.State;
            using FakeAI.Bounds;

            namespace Bench.Trackers.{{area}};

            {{attribute}}public sealed {{partial}}class {{name}}{{implements}}
            {
            {{nested}}    private readonly Lock _gate = new();
                private long _seen;
            {{fields}}{{ctor}}{{dispose}}
                public long Seen => Interlocked.Read(ref _seen);

                public string Summary(IEnumerable<RequestInfo> requests)
                {
                    Interlocked.Increment(ref _seen);
                    var byPath = requests
                        .GroupBy(r => r.Path, StringComparer.Ordinal)
                        .Select(g => (Path: g.Key, Count: g.Count(), P50: g.Select(r => r.Elapsed.TotalMilliseconds).OrderBy(v => v).ElementAt(g.Count() / 2)))
                        .OrderByDescending(x => x.Count)
                        .Take(5);
                    var text = new StringBuilder();
                    foreach ((string path, int count, double p50) in byPath)
                    {
                        text.AppendFormat(CultureInfo.InvariantCulture, "{0} {1} {2:F1}ms; ", path, count, p50);
                    }

                    return text.ToString();
                }
            {{methods}}}

            """);
    }

    // A [BoundedTracker]'s own bounded collections, declared as nested [Bounded] types.
    private void AppendBoundedMembers(int index, StringBuilder nested, StringBuilder fields, StringBuilder methods)
    {
        int max = 100 * (1 + _random.Next(20));
        string threadSafe = Chance(30) ? ", ThreadSafe = true" : string.Empty;
        nested.Append($$"""
                [Bounded(MaxLength = {{max}}{{threadSafe}})]
                public sealed partial class RecentEvents : IBoundedQueue<EventRecord>;


            """);
        fields.Append("    private readonly RecentEvents _recent = new();\n");
        methods.Append("""

                public void OnEvent(string kind, string payload)
                {
                    long sequence = Interlocked.Increment(ref _seen);
                    _recent.Add(new EventRecord(sequence, kind, payload));
                }

                public IReadOnlyList<EventRecord> Latest(int count) => _recent.Skip(Math.Max(0, _recent.Count - count)).ToArray();

            """);
        _boundedTypes++;
        _trackerMembers++;

        if (index % 2 == 0)
        {
            string policy = Chance(50) ? "EvictLeastRecentlyUsed" : "DropOldest";
            nested.Append($$"""
                    [Bounded(MaxLength = {{max * 2}}, Overflow = OverflowPolicy.{{policy}})]
                    public sealed partial class CostPerKey : IBoundedDictionary<string, decimal>;


                """);
            fields.Append("    private readonly CostPerKey _costs = new();\n");
            methods.Append("""

                    public void AddCost(string apiKey, decimal cost)
                    {
                        _costs[apiKey] = _costs.TryGetValue(apiKey, out decimal spent) ? spent + cost : cost;
                    }

                    public decimal TopSpend() => _costs.Count == 0 ? 0m : _costs.Max(p => p.Value);

                """);
            _boundedTypes++;
            _trackerMembers++;
        }

        if (index % 9 == 3)
        {
            nested.Append("""
                    [Bounded(MaxLength = 64, Overflow = OverflowPolicy.DropNewest)]
                    public sealed partial class AffectedUsers : IBoundedSet<string>;


                """);
            fields.Append("    private readonly AffectedUsers _affected = new();\n");
            methods.Append("""

                    public bool Affect(string user) => _affected.Add(user);

                """);
            _boundedTypes++;
            _trackerMembers++;
        }
    }

    // One collection member of a tracker, in one of the ways a tracker's state is bounded (or is not).
    private void AppendTrackerMember(int index, int member, StringBuilder fields, StringBuilder methods, StringBuilder constructor, StringBuilder disposal)
    {
        _trackerMembers++;
        string f = "_m" + member.ToString(CultureInfo.InvariantCulture);
        string m = member.ToString(CultureInfo.InvariantCulture);
        int max = 64 * (1 + _random.Next(32));
        int pattern = _random.Next(12);
        switch (pattern)
        {
            case 0:
                // Added to, never removed from.
                Expect("BND001");
                fields.Append($"    private readonly List<RequestInfo> {f} = new();\n");
                methods.Append($$"""

                        public void Record{{m}}(RequestInfo request)
                        {
                            Interlocked.Increment(ref _seen);
                            {{f}}.Add(request);
                        }

                        public double Average{{m}}() => {{f}}.Count == 0 ? 0 : {{f}}.Average(r => r.Elapsed.TotalMilliseconds);

                    """);
                break;
            case 1:
                // Trimmed under a size check after each add.
                fields.Append($"    private readonly List<MetricPoint> {f} = new();\n");
                methods.Append($$"""

                        public void Record{{m}}(MetricPoint point)
                        {
                            lock (_gate)
                            {
                                {{f}}.Add(point);
                                if ({{f}}.Count > {{max}})
                                {
                                    {{f}}.RemoveRange(0, {{f}}.Count - {{max}});
                                }
                            }
                        }

                        public double Max{{m}}()
                        {
                            lock (_gate)
                            {
                                return {{f}}.Count == 0 ? 0 : {{f}}.Max(p => p.Value);
                            }
                        }

                    """);
                break;
            case 2:
                // Refuses new keys once full.
                fields.Append($"    private readonly Dictionary<string, int> {f} = new(StringComparer.Ordinal);\n");
                methods.Append($$"""

                        public bool Count{{m}}(string key)
                        {
                            lock (_gate)
                            {
                                if ({{f}}.TryGetValue(key, out int count))
                                {
                                    {{f}}[key] = count + 1;
                                    return true;
                                }

                                if ({{f}}.Count >= {{max}})
                                {
                                    return false;
                                }

                                {{f}}[key] = 1;
                                return true;
                            }
                        }

                    """);
                break;
            case 3:
                // Emptied only by a method somebody must remember to call.
                Expect("BND002");
                fields.Append($"    private readonly Dictionary<string, DateTime> {f} = new(StringComparer.Ordinal);\n");
                methods.Append($$"""

                        public void Touch{{m}}(string key)
                        {
                            lock (_gate)
                            {
                                {{f}}[key] = DateTime.UtcNow;
                            }
                        }

                        public void Reset{{m}}()
                        {
                            lock (_gate)
                            {
                                {{f}}.Clear();
                            }
                        }

                    """);
                break;
            case 4:
                // A capacity argument, but nothing keeps the count under it.
                Expect("BND003");
                fields.Append($"    private readonly Dictionary<string, decimal> {f} = new(capacity: {max});\n");
                methods.Append($$"""

                        public void Price{{m}}(string sku, decimal price)
                        {
                            lock (_gate)
                            {
                                {{f}}[sku] = price;
                            }
                        }

                        public decimal Lookup{{m}}(string sku)
                        {
                            lock (_gate)
                            {
                                return {{f}}.TryGetValue(sku, out decimal price) ? price : 0m;
                            }
                        }

                    """);
                break;
            case 5:
                // A queue drained to its limit after each enqueue.
                fields.Append($"    private readonly Queue<EventRecord> {f} = new();\n");
                methods.Append($$"""

                        public void Push{{m}}(EventRecord record)
                        {
                            lock (_gate)
                            {
                                {{f}}.Enqueue(record);
                                while ({{f}}.Count > {{max}})
                                {
                                    {{f}}.Dequeue();
                                }
                            }
                        }

                    """);
                break;
            case 6:
                // Swept by a timer.
                fields.Append($"    private readonly ConcurrentDictionary<string, DateTime> {f} = new(StringComparer.Ordinal);\n    private readonly Timer _timer{m};\n");
                constructor.Append($"        _timer{m} = new Timer(_ => Sweep{m}(), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));\n");
                disposal.Append($"        _timer{m}.Dispose();\n");
                methods.Append($$"""

                        public void Seen{{m}}(string key) => {{f}}[key] = DateTime.UtcNow;

                        private void Sweep{{m}}()
                        {
                            DateTime cutoff = DateTime.UtcNow.AddMinutes(-10);
                            if ({{f}}.Count > {{max}} || {{f}}.Values.Any(v => v < cutoff))
                            {
                                {{f}}.Clear();
                            }
                        }

                    """);
                break;
            case 7:
                // Added under a key and removed one key at a time when the work ends: taking out the entry a caller
                // names bounds nothing, so the keys in flight are not bounded.
                Expect("BND001");
                fields.Append($"    private readonly ConcurrentDictionary<long, RequestInfo> {f} = new();\n");
                methods.Append($$"""

                        public long Begin{{m}}(RequestInfo request)
                        {
                            long id = Interlocked.Increment(ref _seen);
                            {{f}}.TryAdd(id, request);
                            return id;
                        }

                        public void End{{m}}(long id) => {{f}}.TryRemove(id, out _);

                        public int InFlight{{m}} => {{f}}.Count;

                    """);
                break;
            case 8:
                // A set cleared once it passes its limit.
                fields.Append($"    private readonly HashSet<string> {f} = new(StringComparer.Ordinal);\n");
                methods.Append($$"""

                        public bool FirstTime{{m}}(string id)
                        {
                            lock (_gate)
                            {
                                bool added = {{f}}.Add(id);
                                if ({{f}}.Count > {{max}})
                                {
                                    {{f}}.Clear();
                                }

                                return added;
                            }
                        }

                    """);
                break;
            case 9:
                // A least-recently-used list trimmed from its tail.
                fields.Append($"    private readonly LinkedList<string> {f} = new();\n");
                methods.Append($$"""

                        public void Use{{m}}(string key)
                        {
                            lock (_gate)
                            {
                                {{f}}.Remove(key);
                                {{f}}.AddFirst(key);
                                if ({{f}}.Count > {{max}})
                                {
                                    {{f}}.RemoveLast();
                                }
                            }
                        }

                    """);
                break;
            case 10:
                // Keyed by what the program declares (an enum): bounded by the program.
                fields.Append($"    private readonly Dictionary<Severity, long> {f} = new();\n");
                methods.Append($$"""

                        public void Count{{m}}(Severity severity)
                        {
                            lock (_gate)
                            {
                                {{f}}.TryGetValue(severity, out long count);
                                {{f}}[severity] = count + 1;
                            }
                        }

                    """);
                break;
            default:
                // Allowed on purpose; a few give no reason (BND007).
                bool justified = index % 5 != 0;
                if (!justified)
                {
                    Expect("BND007");
                }

                string reason = justified ? "one entry per configured region" : string.Empty;
                fields.Append($"    [AllowUnbounded(\"{reason}\")]\n    private readonly Dictionary<string, int> {f} = new(StringComparer.Ordinal);\n");
                methods.Append($$"""

                        public void Region{{m}}(string region)
                        {
                            lock (_gate)
                            {
                                {{f}}.TryGetValue(region, out int count);
                                {{f}}[region] = count + 1;
                            }
                        }

                    """);
                break;
        }

    }

    // A map of per-entry state (a stream, an upload), bounded in entries; the element type's own list is checked by BND006.
    private void AppendElementHolder(int index, int member, StringBuilder fields, StringBuilder methods)
    {
        _trackerMembers++;
        string element = _elementTypes[(index / 2) % _elementTypes.Count];
        _heldElements.Add(element);
        string f = "_m" + member.ToString(CultureInfo.InvariantCulture);
        string m = member.ToString(CultureInfo.InvariantCulture);
        fields.Append($"    private readonly Dictionary<string, {element}> {f} = new(StringComparer.Ordinal);\n");
        methods.Append($$"""

                public bool OnToken{{m}}(string id, string token)
                {
                    lock (_gate)
                    {
                        if (!{{f}}.TryGetValue(id, out {{element}}? state))
                        {
                            if ({{f}}.Count >= 1000)
                            {
                                return false;
                            }

                            state = new {{element}}(id);
                            {{f}}.Add(id, state);
                        }

                        state.Append(token);
                        return true;
                    }
                }

                public void OnEnd{{m}}(string id)
                {
                    lock (_gate)
                    {
                        {{f}}.Remove(id);
                    }
                }

                public string Describe{{m}}(string id)
                {
                    lock (_gate)
                    {
                        return {{f}}.TryGetValue(id, out {{element}}? state) ? state.Tail(10) : string.Empty;
                    }
                }

            """);
    }

    // Producer/consumer channels: unbounded (BND004), bounded and dropping events whose publisher awaits their handling
    // without anybody completing the dropped ones (BND005), or bounded with an itemDropped callback that counts what is
    // dropped (plain events, which BND005 leaves alone either way).
    private void AppendChannel(int index, StringBuilder fields, StringBuilder methods)
    {
        _channels++;
        _trackerMembers++;
        const string Options = "new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true }";
        switch ((index / 6) % 3)
        {
            case 0:
                Expect("BND004");
                AppendEventChannel("Channel.CreateUnbounded<EventRecord>(new UnboundedChannelOptions { SingleReader = true })", fields, methods);
                break;
            case 1:
                Expect("BND005");
                AppendAcknowledgedChannel("Channel.CreateBounded<AcknowledgedEvent>(" + Options + ")", fields, methods);
                break;
            default:
                AppendEventChannel("Channel.CreateBounded<EventRecord>(" + Options + ", static _ => Interlocked.Increment(ref s_dropped))", fields, methods);
                fields.Append("    private static long s_dropped;\n");
                methods.Append("""

                    public static long Dropped => Interlocked.Read(ref s_dropped);

                """);
                break;
        }
    }

    private static void AppendEventChannel(string creation, StringBuilder fields, StringBuilder methods)
    {
        fields.Append($"    private readonly Channel<EventRecord> _events = {creation};\n");
        methods.Append("""

                public bool Publish(EventRecord record) => _events.Writer.TryWrite(record);

                public async Task<int> PumpAsync(Func<EventRecord, ValueTask> handle, CancellationToken cancellationToken)
                {
                    int handled = 0;
                    await foreach (EventRecord record in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                    {
                        await handle(record).ConfigureAwait(false);
                        handled++;
                    }

                    return handled;
                }

            """);
    }

    private static void AppendAcknowledgedChannel(string creation, StringBuilder fields, StringBuilder methods)
    {
        fields.Append($"    private readonly Channel<AcknowledgedEvent> _events = {creation};\n");
        methods.Append("""

                public Task PublishAsync(EventRecord record)
                {
                    var acknowledged = new AcknowledgedEvent(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                    return _events.Writer.TryWrite(acknowledged) ? acknowledged.Handled.Task : Task.CompletedTask;
                }

                public async Task<int> PumpAsync(Func<EventRecord, ValueTask> handle, CancellationToken cancellationToken)
                {
                    int handled = 0;
                    await foreach (AcknowledgedEvent acknowledged in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                    {
                        await handle(acknowledged.Event).ConfigureAwait(false);
                        acknowledged.Handled.TrySetResult();
                        handled++;
                    }

                    return handled;
                }

            """);
    }
}
