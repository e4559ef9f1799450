#!/usr/bin/env bash
# What the FakeAI.Bounds analyzers and generator cost the compile of a large project.
#
# Writes a C# library of thousands of ordinary classes and hundreds of trackers (GenerateProject.cs, fixed seed) under
# tests/FakeAI.Bounds.Benchmarks/obj/analyzer-cost/, which git and the benchmarks build both ignore; builds it once
# (restore, the referenced FakeAI.Bounds projects, a warm compiler server); then rebuilds it RUNS times with
# -p:ReportAnalyzer=true, alternating the SDK's .NET analyzers on (the default) and off, and reads from each build's
# detailed log the compiler's (Csc) time in MSBuild's performance summary, the analyzer and generator times the
# compiler reports, and the BND diagnostics it found. Prints a markdown table of medians with the spread.
#
#   tests/FakeAI.Bounds.Benchmarks/AnalyzerCost/analyzer-cost.sh              # 5 measured builds of each configuration
#   RUNS=9 tests/FakeAI.Bounds.Benchmarks/AnalyzerCost/analyzer-cost.sh       # more builds, steadier medians
#   NET_ANALYZERS_OFF=0 .../analyzer-cost.sh                                  # skip the EnableNETAnalyzers=false builds
#   CLASSES=1000 TRACKERS=100 .../analyzer-cost.sh                            # a smaller project (defaults 3000 and 300)
#   SHARED_COMPILATION=false .../analyzer-cost.sh                             # a fresh csc process per build (cold JIT)
#
# One measured build is what this runs each time:
#   dotnet build <project> -c Release --no-restore --no-incremental -p:BuildProjectReferences=false \
#     -p:ReportAnalyzer=true -fl -flp:LogFile=<log>;Verbosity=detailed;PerformanceSummary
# Logs stay in obj/analyzer-cost/logs/. Other processes on the machine make every number noisy: run it on a quiet one.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(cd "$here/.." && pwd)/obj/analyzer-cost"
project="$work/project"
logs="$work/logs"
runs="${RUNS:-5}"
classes="${CLASSES:-3000}"
trackers="${TRACKERS:-300}"
net_off="${NET_ANALYZERS_OFF:-1}"
shared="${SHARED_COMPILATION:-true}"
csproj="$project/AnalyzerCostProject.csproj"

# A compiler server of its own (SharedCompilationId is its pipe name), so that compiles of other builds on the machine
# do not run in the same process as the measured ones; stopped at exit.
server_id="fakeai-bounds-analyzer-cost-$$"
stop_server() {
    local pid
    pid="$(pgrep -f -- "-pipename:$server_id" || true)"
    if [[ -n "$pid" ]]; then
        kill $pid 2> /dev/null || true
    fi
}
trap stop_server EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "Writing the project to $project" >&2
dotnet run "$here/GenerateProject.cs" -- "$project" --classes "$classes" --trackers "$trackers" >&2

rm -rf "$logs"
mkdir -p "$logs"

# Restores, builds FakeAI.Bounds and its generator, starts the compiler server. Warnings are expected: the project is
# written to trigger the BND rules.
echo "First build (restore, referenced projects)" >&2
dotnet build "$csproj" -c Release -nologo -nodeReuse:false -v:quiet -p:UseSharedCompilation="$shared" \
    -p:SharedCompilationId="$server_id" > "$logs/first-build.txt" 2>&1 \
    || { cat "$logs/first-build.txt" >&2; exit 1; }

configs=(on)
if [[ "$net_off" != 0 ]]; then
    configs+=(off)
fi

measure() { # <log file> <on|off>
    local status=0
    dotnet build "$csproj" -c Release --no-restore --no-incremental -p:BuildProjectReferences=false \
        -p:ReportAnalyzer=true -p:UseSharedCompilation="$shared" -p:SharedCompilationId="$server_id" -p:EnableNETAnalyzers="$([[ $2 == on ]] && echo true || echo false)" \
        -nologo -nodeReuse:false -v:quiet -fl "-flp:LogFile=$1;Verbosity=detailed;PerformanceSummary" > "$1.console" 2>&1 || status=$?
    if [[ $status != 0 ]]; then
        cat "$1.console" >&2
        echo "build failed: $1" >&2
        exit 1
    fi
}

# One line per value: "<metric> <seconds or count>". Times the compiler prints as "<0.001" count as 0.
parse() { # <log file>
    awk '
        function seconds(text) { return (text ~ /^</) ? 0 : text + 0 }
        /Total analyzer execution time:/ { section = "analyzers"; print "analyzers_all", $5 }
        /Total generator execution time:/ { section = "generators"; print "generators_all", $5 }
        section == "analyzers" && /FakeAI\.Bounds\.Generators, Version=/ { print "bounds_analyzers", seconds($1) }
        section == "analyzers" && / FakeAI\.Bounds\.Generators\.Analyzers\.[A-Za-z]+ / {
            name = $3; sub(/.*\./, "", name); print "analyzer_" name, seconds($1)
            ids = $0; sub(/^[^(]*\(/, "", ids); sub(/\).*$/, "", ids); n = split(ids, id, /, */)
            for (i = 1; i <= n; i++) if (id[i] ~ /^BND/) print "rule_" id[i], 1
        }
        section == "generators" && / FakeAI\.Bounds\.Generators\.[A-Za-z]+Generator/ {
            name = $3; sub(/.*\./, "", name); print "generator_" name, seconds($1)
        }
        / ms  Csc  +[0-9]+ calls/ { print "csc", $1 / 1000 }
    ' "$1"
    # Each warning appears twice in a detailed log (as reported and in the closing summary): count distinct ones.
    sed -nE 's/^[[:space:]]*([0-9]+(:[0-9]+)?>)?//; /\): warning BND[0-9]+:/p' "$1" | sort -u \
        | sed -nE 's/.*\): warning (BND[0-9]+):.*/\1/p' | sort | uniq -c | awk '{ print "diag_" $2, $1 }'
}

# Warm-up: a build of each configuration loads and compiles the analyzers in the compiler server.
for config in "${configs[@]}"; do
    echo "Warm-up build, .NET analyzers $config" >&2
    measure "$logs/warmup-$config.log" "$config"
done

for ((run = 1; run <= runs; run++)); do
    for config in "${configs[@]}"; do
        log="$logs/run$run-$config.log"
        measure "$log" "$config"
        parse "$log" | sed "s/^/$config $run /" >> "$logs/values.txt"
        awk -v c="$config" -v r="$run" '$1 == c && $2 == r && $3 == "csc" { csc = $4 } $1 == c && $2 == r && $3 == "bounds_analyzers" { a = $4 }
            END { printf "run %d, .NET analyzers %s: Csc %.1f s, FakeAI.Bounds analyzers %.3f s\n", r, c, csc, a }' "$logs/values.txt" >&2
    done
done

# Percentages per build, so that their medians pair each build's analyzer time with its own compile.
awk '
    { key = $1 " " $2; value[key, $3] = $4; keys[key] = 1 }
    END {
        for (key in keys) {
            csc = value[key, "csc"]
            if (csc > 0) {
                split(key, k, " ")
                printf "%s %s pct_bounds_analyzers %.4f\n", k[1], k[2], 100 * value[key, "bounds_analyzers"] / csc
                printf "%s %s pct_bounds_generator %.4f\n", k[1], k[2], 100 * value[key, "generator_BoundedGenerator"] / csc
                printf "%s %s pct_bounds_both %.4f\n", k[1], k[2], 100 * (value[key, "bounds_analyzers"] + value[key, "generator_BoundedGenerator"]) / csc
                printf "%s %s pct_analyzers_all %.4f\n", k[1], k[2], 100 * value[key, "analyzers_all"] / csc
            }
        }
    }' "$logs/values.txt" >> "$logs/values.txt"

stat() { # <config> <metric> <printf format> -> "median (min–max)"
    local values
    values="$(awk -v c="$1" -v m="$2" '$1 == c && $3 == m { print $4 }' "$logs/values.txt" | sort -g)"
    if [[ -z "$values" ]]; then
        echo "-"
        return
    fi
    awk -v f="$3" '{ v[NR] = $1 } END {
        median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf f " (" f "–" f ")", median, v[1], v[NR]
    }' <<< "$values"
}

row() { # <label> <metric> <format>
    local line="| $1 | $(stat on "$2" "$3")"
    if [[ "$net_off" != 0 ]]; then
        line+=" | $(stat off "$2" "$3")"
    fi
    echo "$line |"
}

analyzers="$(awk '$3 ~ /^analyzer_/ { sub(/^analyzer_/, "", $3); print $3 }' "$logs/values.txt" | sort -u)"
rules="$(awk '$3 ~ /^diag_/ { sub(/^diag_/, "", $3); print $3 }' "$logs/values.txt" | sort -u)"

echo
echo "Project: $(cat "$project/contents.txt")"
echo "Builds: $runs measured per configuration after a warm-up; UseSharedCompilation=$shared; times in seconds, median (min–max)."
echo
if [[ "$net_off" != 0 ]]; then
    echo "| Measure | .NET analyzers on (default) | .NET analyzers off |"
    echo "| --- | ---: | ---: |"
else
    echo "| Measure | .NET analyzers on (default) |"
    echo "| --- | ---: |"
fi
row "Compile (Csc)" csc "%.1f"
row "All analyzers (compiler's total)" analyzers_all "%.2f"
row "FakeAI.Bounds analyzers" bounds_analyzers "%.3f"
for name in $analyzers; do
    row "&nbsp;&nbsp;$name" "analyzer_$name" "%.3f"
done
row "FakeAI.Bounds analyzers, % of compile" pct_bounds_analyzers "%.2f %%"
row "BoundedGenerator" generator_BoundedGenerator "%.3f"
row "BoundedGenerator, % of compile" pct_bounds_generator "%.2f %%"
row "FakeAI.Bounds analyzers + generator, % of compile" pct_bounds_both "%.2f %%"
row "All analyzers, % of compile" pct_analyzers_all "%.1f %%"

echo
echo "| Rule | Expected | Found (each build) |"
echo "| --- | ---: | ---: |"
status=0
total=0
seen=""
for rule in $(awk '{ print $1 }' "$project/expected-diagnostics.txt") $rules; do
    [[ " $seen " == *" $rule "* ]] && continue
    seen+=" $rule"
    expected="$(awk -v r="$rule" '$1 == r { print $2 }' "$project/expected-diagnostics.txt")"
    found="$(awk -v r="diag_$rule" '$3 == r { print $4 }' "$logs/values.txt" | sort -u | paste -sd/ -)"
    if ! grep -q " rule_$rule " "$logs/values.txt"; then
        found="no analyzer reports it in this build"
    fi
    echo "| $rule | ${expected:-0} | ${found:-0} |"
    total=$((total + $(awk -v r="diag_$rule" '$3 == r && $2 == 1 { n = $4 } END { print n + 0 }' "$logs/values.txt")))
done
echo
if [[ $total == 0 ]]; then
    echo "No BND diagnostic was reported: the analyzers did not run." >&2
    status=1
fi
echo "Logs: $logs" >&2
exit $status
