using System;
using System.Linq;
using BenchmarkDotNet.Running;
using FakeAI.Bounds.Benchmarks;

// `--retained` measures retained heap per queue slot and per map entry (no BenchmarkDotNet); anything else goes to
// BenchmarkDotNet's switcher, e.g. `--filter '*' --job short`. See README.md.
if (args.Contains("--retained", StringComparer.Ordinal))
{
    return RetainedBytes.Run(Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(FullQueueAddLong).Assembly).Run(args);
return 0;
