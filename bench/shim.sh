#!/bin/sh
# Shim overhead, side by side in one hyperfine run:
#   direct   GOROOT/bin/go version
#   symlink  a plain symlink to it ($GOVERN_HOME/bin/go1.19.8)
#   shim     $GOVERN_HOME/bin/go version, resolving a .go-version three folders up
#   shim-gomod  the same shim resolving a go.mod toolchain line instead (a go.mod with 60
#            requires; the shim reads files with sh's `read`, one byte per system call)
# Target: shim median <= direct median + 3 ms.
#
# Usage: bench/shim.sh [runs]      (env: GO_ROOT=/usr/lib/go-1.19, GO_NAME=go1.19.8, GOVERN_JAR)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd -P)
runs=${1:-300}
go_root=${GO_ROOT:-/usr/lib/go-1.19}
go_name=${GO_NAME:-$(head -n1 "$go_root/VERSION")}
jar=${GOVERN_JAR:-$here/cli/target/govern.jar}
out=$here/bench/out
mkdir -p "$out"

if [ ! -f "$jar" ]; then
  (cd "$here" && mvn -B -q -o package -DskipTests)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/govern-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
export GOVERN_HOME="$work/home"
mkdir -p "$GOVERN_HOME/toolchains"
ln -s "$go_root" "$GOVERN_HOME/toolchains/$go_name"
java -jar "$jar" use "$go_name" --default >/dev/null
# The shim must walk up three folders to find the pin; the default points elsewhere-proof.
mkdir -p "$work/project/a/b/c"
echo "${go_name#go}" >"$work/project/.go-version"
cd "$work/project/a/b/c"
unset GOVERN_GO_VERSION GOTOOLCHAIN || true

"$GOVERN_HOME/bin/go" version | grep -q "$go_name" || { echo "shim did not run $go_name" >&2; exit 1; }

mkdir -p "$work/module/a/b/c"
{
  printf 'module example.com/m\n\ngo 1.19\n\nrequire (\n'
  i=1
  while [ $i -le 60 ]; do printf '\tgithub.com/example/mod%d v1.%d.0\n' $i $i; i=$((i + 1)); done
  printf ')\n\ntoolchain %s\n' "$go_name"
} >"$work/module/go.mod"
(cd "$work/module/a/b/c" && "$GOVERN_HOME/bin/go" version | grep -q "$go_name") || { echo "go.mod shim failed" >&2; exit 1; }

hyperfine -N --warmup 30 --runs "$runs" \
  --export-json "$out/shim.json" --export-markdown "$out/shim.md" \
  -n direct "$go_root/bin/go version" \
  -n symlink "$GOVERN_HOME/bin/$go_name version" \
  -n shim "$GOVERN_HOME/bin/go version"

# Informational: the go.mod toolchain-line path (hyperfine has no per-command directory).
cd "$work/module/a/b/c"
hyperfine -N --warmup 30 --runs "$runs" --export-json "$out/shim-gomod.json" \
  -n direct "$go_root/bin/go version" \
  -n shim-gomod "$GOVERN_HOME/bin/go version" >/dev/null

jq -r '
  (.results | map({key: .command, value: .median}) | from_entries) as $m
  | "median direct  \($m.direct * 1000 | . * 100 | round / 100) ms",
    "median symlink \($m.symlink * 1000 | . * 100 | round / 100) ms  (+\(($m.symlink - $m.direct) * 1000 | . * 100 | round / 100) ms)",
    "median shim    \($m.shim * 1000 | . * 100 | round / 100) ms  (+\(($m.shim - $m.direct) * 1000 | . * 100 | round / 100) ms; target <= +3 ms)"
' "$out/shim.json" | tee "$out/shim.txt"
jq -r '
  (.results | map({key: .command, value: .median}) | from_entries) as $m
  | "median shim-gomod \($m["shim-gomod"] * 1000 | . * 100 | round / 100) ms  (+\(($m["shim-gomod"] - $m.direct) * 1000 | . * 100 | round / 100) ms over direct in the same run)"
' "$out/shim-gomod.json" | tee -a "$out/shim.txt"
