#!/bin/sh
# `govern impact` on a large module and a large binary: wall time and peak memory (max RSS) of the
# whole process through the ./govern launcher, median of RUNS runs.
#   bench/impact.sh           a module of FILES=2000 Go files in 100 packages (imports, //go:build
#                             lines, //go:debug lines), and the binary the real Go builds from it
#                             (about 30 MB: the module's code plus most of the standard library)
# Needs the go on PATH (offline: GOPROXY=off) and GNU time. Results in bench/out/impact/.
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
root=${here%/bench}
files=${FILES:-2000}
runs=${RUNS:-5}
out=$here/out/impact-$files
mod=$out/module
bin=$out/big.bin
vulndb=${VULNDB:-$root/testdata/vulndb/osv.tar.gz}

command -v go >/dev/null || { echo "needs go on PATH" >&2; exit 3; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 3; }

if [ ! -f "$mod/.complete" ]; then
  echo "writing $mod: $files Go files" >&2
  rm -rf "$mod"; mkdir -p "$mod"
  python3 - "$mod" "$files" <<'PY'
import os, sys
root, files = sys.argv[1], int(sys.argv[2])
pkgs = 100
per = files // pkgs  # with keep.go
FUNCS = int(os.environ.get("FUNCS", "15"))
std = ["net/http", "crypto/tls", "crypto/x509", "encoding/json", "encoding/xml", "text/template",
       "html/template", "go/parser", "go/types", "database/sql", "image/png", "compress/gzip",
       "archive/zip", "regexp", "net/url", "math/big", "time", "os/exec", "debug/elf", "runtime/pprof"]
open(os.path.join(root, "go.mod"), "w").write("module example.com/big\n\ngo 1.21\n\ngodebug panicnil=1\n")
main = ["//go:debug http2client=0", "", "package main", "", "import ("]
for p in range(pkgs):
    d = os.path.join(root, "internal", "p%03d" % p)
    os.makedirs(d)
    main.append('\tp%03d "example.com/big/internal/p%03d"' % (p, p))
    keeps = []
    for f in range(per - 1):
        imp = [std[(p + f + k) % len(std)] for k in range(3)]
        name = "f%02d.go" % f
        head = ""
        if f % 10 == 9:
            name = "f%02d_linux.go" % f
        if f % 10 == 4:
            head = "//go:build ignore\n\n//go:debug panicnil=0\n\n"
        body = [head + "// Generated for the impact benchmark.", "", "package p%03d" % p, "", "import ("]
        body += ['\t_ "%s"' % i for i in imp]
        body += ['\t"fmt"', ")", ""]
        for k in range(FUNCS):
            body.append("func F%d_%d(a, b int, s string) string {" % (f, k))
            body.append("\tx := make([]int, 0, a+%d)" % k)
            body.append("\tfor i := 0; i < a; i++ {\n\t\tif i%%%d == b {\n\t\t\tx = append(x, i*%d+b)\n\t\t} else {\n\t\t\tx = append(x, len(s)+i)\n\t\t}\n\t}" % (k + 2, k + 3))
            body.append("\treturn fmt.Sprintf(\"%%s-%%d-%%v-%d\", s, a+b, x)\n}" % k)
        if f % 10 != 4:
            body.append("var keep%d = []func(int, int, string) string{%s}" % (f, ", ".join("F%d_%d" % (f, k) for k in range(FUNCS))))
            keeps.append("len(keep%d)" % f)
        open(os.path.join(d, name), "w").write("\n".join(body) + "\n")
    open(os.path.join(d, "keep.go"), "w").write("package p%03d\n\n// Keep keeps every function linked.\nfunc Keep() int { return %s }\n" % (p, " + ".join(keeps)))
main += [")", "", "func main() {", "\tn := 0"]
for p in range(pkgs):
    main.append("\tn += p%03d.Keep()" % p)
main += ["\tprintln(n)", "}"]
open(os.path.join(root, "main.go"), "w").write("\n".join(main) + "\n")
PY
  touch "$mod/.complete"
fi
count=$(find "$mod" -name '*.go' | wc -l)
if [ ! -f "$bin" ]; then
  echo "building $bin with $(go env GOVERSION)" >&2
  (cd "$mod" && GOFLAGS=-mod=mod GOPROXY=off CGO_ENABLED=0 go build -o "$bin" .)
fi
size=$(du -m "$bin" | cut -f1)
"$root/govern" --version >/dev/null # builds the jar and the class-data archive once

measure() { # measure NAME ARGS...: median wall seconds and max RSS over $runs runs
  name=$1; shift
  i=0; : >"$out/$name.times"
  while [ $i -lt "$runs" ]; do
    /usr/bin/time -f "%e %M" -o "$out/$name.one" "$root/govern" "$@" >"$out/$name.out" 2>"$out/$name.err" || { cat "$out/$name.err" >&2; exit 1; }
    cat "$out/$name.one" >>"$out/$name.times"
    i=$((i + 1))
  done
  sort -n "$out/$name.times" | awk -v n="$name" '{t[NR]=$1; if ($2>m) m=$2} END {printf "%-28s median %.2f s (min %.2f, max %.2f)  peak RSS %d MB\n", n, t[int((NR+1)/2)], t[1], t[NR], m/1024}'
}

echo "module: $count Go files; binary: $size MB ($(go env GOVERSION)); $runs runs each; $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
measure module-offline impact "$mod" --to 1.26 --offline --as-of 2026-08-21
measure module-vulndb impact "$mod" --to 1.26 --vulndb "$vulndb" --as-of 2026-08-21
measure binary-offline impact "$bin" --to 1.27 --offline --as-of 2026-08-21
measure binary-vulndb impact "$bin" --to 1.27 --vulndb "$vulndb" --as-of 2026-08-21
