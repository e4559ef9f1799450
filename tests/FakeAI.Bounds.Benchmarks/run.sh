#!/usr/bin/env bash
# Runs every benchmark of FakeAI.Bounds.Benchmarks (queues and maps) in Release with BenchmarkDotNet's short job,
# then the --retained mode (queues and maps), and leaves GitHub-markdown results in
# BenchmarkDotNet.Artifacts/results/ (BenchmarkDotNet's default exporters already include GitHub markdown;
# retained.md and summary.md are added here).
#
#   tests/FakeAI.Bounds.Benchmarks/run.sh                 # everything, out of process (about 15 minutes on 2 cores)
#   tests/FakeAI.Bounds.Benchmarks/run.sh --inProcess     # extra arguments go to BenchmarkDotNet
#   JOB=medium tests/FakeAI.Bounds.Benchmarks/run.sh      # a longer job for final numbers (about 1 h 40)
#   FILTER='*Map*' tests/FakeAI.Bounds.Benchmarks/run.sh  # only some classes (--retained always runs: seconds)
#
# Run it on a quiet machine: other processes competing for the cores make the numbers (especially the
# two-writer and two-thread ones) meaningless.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

job="${JOB:-short}"
filter="${FILTER:-*}"
artifacts="$here/BenchmarkDotNet.Artifacts"
results="$artifacts/results"
dll="$here/bin/Release/net10.0/FakeAI.Bounds.Benchmarks.dll"

dotnet build "$here/FakeAI.Bounds.Benchmarks.csproj" -c Release --nologo -v quiet

# Tables older than this run (say, from a run with another FILTER) stay out of summary.md.
mkdir -p "$results"
started="$results/.started"
touch "$started"

dotnet "$dll" --filter "$filter" --job "$job" --artifacts "$artifacts" "$@"

dotnet "$dll" --retained | tee "$results/retained.md"

# One file with every table, in the order of the targets in docs/benchmarks.md.
{
  echo "# FakeAI.Bounds benchmark results"
  echo
  echo "Job: $job. Machine and runtime are in each table's header."
  for name in FullQueueAddLong FullQueueAddReference ThreadSafeAdd \
      FifoMapIntLong FifoMapStringObject LruMapIntLong LruMapStringObject \
      ConcurrentFifoRead ConcurrentLruRead ConcurrentLruMix ConcurrentQueueRead; do
    file="$results/FakeAI.Bounds.Benchmarks.$name-report-github.md"
    if [[ -f "$file" && "$file" -nt "$started" ]]; then
      echo
      echo "## $name"
      echo
      cat "$file"
    fi
  done
  echo
  echo "## Retained bytes per slot (queues) and per entry (maps)"
  echo
  cat "$results/retained.md"
} > "$results/summary.md"

echo "Results: $results/summary.md"
