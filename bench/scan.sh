#!/bin/sh
# Fleet scan throughput: a tree of FILES files of which BINARIES are Go binaries (hard links to the
# binaries the tests build with Go 1.19, target/go-test-binaries/bin/go1.19.8), scanned by `govern scan` (whole process), side by side with `go version -m` over the
# binaries-only part of the tree.
#   bench/scan.sh                 FILES=50000 BINARIES=5000 by default
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
root=${here%/bench}
fixtures=${FIXTURES:-$root/target/go-test-binaries/bin/go1.19.8}
[ -d "$fixtures" ] || { echo "no binaries in $fixtures: run the tests first (dev/verify)" >&2; exit 3; }
files=${FILES:-50000}
bins=${BINARIES:-5000}
go=${GO:-/usr/lib/go-1.19/bin/go}
out=$here/out/scan-$files
java=${GOVERN_JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}

if [ ! -d "$out/tree" ]; then
  echo "building $out/tree: $files files, $bins Go binaries" >&2
  rm -rf "$out"; mkdir -p "$out/tree" "$out/bins"
  python3 - "$fixtures" "$out" "$files" "$bins" <<'PY'
import os, sys
fx, out, files, bins = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
fixtures = sorted(f for f in os.listdir(fx) if os.path.isfile(os.path.join(fx, f)) and not f.startswith('.') and not any(x in f for x in ('plan9', 'aix', 'wasm')))
n = 0
for i in range(bins):
    d = os.path.join(out, 'tree', 'svc%04d' % (i // 10), 'bin')
    os.makedirs(d, exist_ok=True)
    src = os.path.join(fx, fixtures[i % len(fixtures)])
    os.link(src, os.path.join(d, 'app%d' % i))
    b = os.path.join(out, 'bins', 'd%03d' % (i // 100)); os.makedirs(b, exist_ok=True)
    os.link(src, os.path.join(b, 'app%d' % i))
    n += 1
i = 0
while n < files:
    d = os.path.join(out, 'tree', 'svc%04d' % (i % 500), 'src', 'pkg%d' % (i // 500 % 20))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 'f%d.go' % i), 'w') as f:
        f.write('package p\n\n// file %d\nfunc F%d() int { return %d }\n' % (i, i, i))
    if i < 500:
        with open(os.path.join(out, 'tree', 'svc%04d' % i, 'go.mod'), 'w') as f:
            f.write('module example.com/svc%04d\n\ngo 1.22\n' % i)
        n += 1
    n += 1; i += 1
PY
fi

"$root/govern" --version >/dev/null   # build first (and record the CDS archive)
"$root/govern" vulns go1.22.4 --vulndb embedded >/dev/null   # warm the database snapshot
jar=$root/cli/target/govern.jar
count=$(find "$out/tree" -type f | wc -l)
echo "tree: $count files"
hyperfine -N --warmup 1 --runs "${RUNS:-5}" --export-json "$out/scan.json" \
  -n "govern scan (whole tree)" "$root/govern scan $out/tree --offline --vulndb embedded --format json --out $out/report.json" \
  -n "govern scan (binaries only)" "$root/govern scan $out/bins --offline --vulndb embedded --format json --out $out/report-bins.json" \
  -n "go version -m (binaries only)" "$go version -m $out/bins" \
  -n "govern inspect (binaries only)" "$root/govern inspect $out/bins"

python3 - "$out/scan.json" "$count" "$bins" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
files, bins = int(sys.argv[2]), int(sys.argv[3])
print()
print("%-32s %10s %14s" % ("command", "median s", "files/s"))
for x in r:
    n = files if "whole tree" in x["command"] else bins
    print("%-32s %10.2f %14.0f" % (x["command"], x["median"], n / x["median"]))
PY
