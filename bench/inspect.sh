#!/usr/bin/env bash
# Benchmark: `govern inspect <dir>` against `go version -m <dir>` (Debian's Go 1.19), whole process
# including JVM start, on directories of 1,000 and 10,000 Go binaries (hard links to the binaries
# the tests build with Go 1.19, target/go-test-binaries/bin/go1.19.8; run the tests first).
# govern runs twice: as `java -jar cli/target/govern.jar` (no JVM options) and through the
# `./govern` launcher (class-data sharing, serial GC, C1 only).
#
#   bench/inspect.sh            # builds the jar if missing, runs hyperfine, prints files/s
#   RUNS=5 bench/inspect.sh     # more runs per command
#
# Results go to bench/out/ (ignored by git).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fixtures=${FIXTURES:-$root/target/go-test-binaries/bin/go1.19.8}
go=${GO:-/usr/lib/go-1.19/bin/go}
jar=$root/cli/target/govern.jar
out=$root/bench/out
runs=${RUNS:-5}
java=${JAVA:-java}

[ -x "$go" ] || { echo "needs Go at $go (set GO=...)" >&2; exit 3; }
command -v hyperfine >/dev/null || { echo "needs hyperfine" >&2; exit 3; }
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -B -q -o package -DskipTests)
fi
mkdir -p "$out"

bins=()
# containers Go 1.19's go version -m reads (not Plan 9, XCOFF without symbols, WebAssembly)
while IFS= read -r f; do bins+=("$f"); done < <(cd "$fixtures" && ls | grep -E -v 'plan9|aix|wasm' | while read -r n; do [ -f "$n" ] && [ -x "$n" ] && echo "$n"; done)
[ ${#bins[@]} -gt 0 ] || { echo "no binaries in $fixtures: run the tests first (dev/verify)" >&2; exit 3; }

make_dir() { # make_dir N DIR: N hard links to the fixtures, round robin, 100 per subdirectory
  local n=$1 dir=$2
  if [ -f "$dir/.complete" ]; then return; fi
  rm -rf "$dir"
  mkdir -p "$dir"
  local i=0
  while [ $i -lt "$n" ]; do
    local sub=$dir/d$((i / 100))
    [ -d "$sub" ] || mkdir "$sub"
    local src=${bins[$((i % ${#bins[@]}))]}
    ln "$fixtures/$src" "$sub/$i-$src" 2>/dev/null || cp "$fixtures/$src" "$sub/$i-$src"
    i=$((i + 1))
  done
  touch "$dir/.complete"
}

for n in 1000 10000; do
  dir=$out/bins-$n
  make_dir "$n" "$dir"
  # same output first: the comparison is only fair if both print the same thing
  "$go" version -m "$dir" >"$out/go-$n.txt"
  "$java" -jar "$jar" inspect "$dir" >"$out/govern-$n.txt"
  "$root/govern" inspect "$dir" >/dev/null # the launcher's class-data archive, made once
  if cmp -s "$out/go-$n.txt" "$out/govern-$n.txt"; then
    echo "== $n binaries: outputs identical ($(wc -l <"$out/go-$n.txt") lines)"
  else
    echo "== $n binaries: OUTPUTS DIFFER (see $out)" >&2
    exit 1
  fi
  hyperfine --warmup 1 --runs "$runs" --export-json "$out/hyperfine-$n.json" \
    -n "go version -m ($n)" "$go version -m $dir > /dev/null" \
    -n "govern inspect ($n)" "$java -jar $jar inspect $dir > /dev/null" \
    -n "./govern inspect ($n)" "$root/govern inspect $dir > /dev/null"
  python3 "$root/bench/summary.py" hyperfine "$n" "$out/hyperfine-$n.json"
  # hyperfine runs one command after the other; on a shared machine the load drifts between
  # them, so also alternate the two commands and compare the best and the median of each
  rm -f "$out/alt-"*"-$n.txt"
  for _ in $(seq "$runs"); do
    /usr/bin/time -a -o "$out/alt-go-$n.txt" -f "%e %U %S" "$go" version -m "$dir" >/dev/null
    /usr/bin/time -a -o "$out/alt-govern-$n.txt" -f "%e %U %S" "$java" -jar "$jar" inspect "$dir" >/dev/null
    /usr/bin/time -a -o "$out/alt-launcher-$n.txt" -f "%e %U %S" "$root/govern" inspect "$dir" >/dev/null
  done
  python3 "$root/bench/summary.py" alternating "$n" "$out/alt-go-$n.txt" "$out/alt-govern-$n.txt" "$out/alt-launcher-$n.txt"
done
