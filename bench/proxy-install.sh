#!/bin/sh
# Benchmark: one Go toolchain from the Go module proxy, two ways, in one hyperfine run:
#   govern   ./govern install <V> --source proxy, then the installed toolchain's `go version`
#   go       GOTOOLCHAIN=go<V> go version: the machine's go downloads the same module
#            golang.org/toolchain@v0.0.1-go<V>.<os>-<arch>, proves it in the checksum database,
#            unpacks it into its module cache and runs it
# Both start from nothing every run: a new GOVERN_HOME, or a new GOPATH/GOMODCACHE/GOCACHE (so
# neither side has the zip, the checksum database's tiles or a signed tree cached). Every run gets a
# new, never-used folder; folders are deleted only after all runs (deleting a tree of the same
# shape just before unpacking slows the disk down, which would favour whoever runs second).
# Both use the same GOPROXY and GOSUMDB (default: proxy.golang.org and sum.golang.org, so this
# needs the network; no test runs it). Target: ratio govern/go <= 1.0.
#
# Usage: bench/proxy-install.sh [RUNS]     (default 5; needs hyperfine, python3, go >= 1.21)
# Env:   BENCH_VERSION  the toolchain (default 1.25.14; must differ from the machine's go)
#        BENCH_DIR      where the fresh folders go (default /tmp/govern-bench-proxy)
#        GOPROXY GOSUMDB  passed to both sides (default https://proxy.golang.org, sum.golang.org)
set -eu
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd -P)
version=${BENCH_VERSION:-1.25.14}
work=${BENCH_DIR:-/tmp/govern-bench-proxy}
out=$root/bench/out
goproxy=${GOPROXY:-https://proxy.golang.org}
gosumdb=${GOSUMDB:-sum.golang.org}

command -v hyperfine >/dev/null || { echo "proxy-install: needs hyperfine" >&2; exit 3; }
command -v go >/dev/null || { echo "proxy-install: needs go >= 1.21 on PATH" >&2; exit 3; }
go=$(command -v go)
if [ "$(GOTOOLCHAIN=local go env GOVERSION)" = "go$version" ]; then
  echo "proxy-install: BENCH_VERSION $version is the machine's go: it would download nothing" >&2
  exit 2
fi
mkdir -p "$work" "$out"
stamp=$(date +%s)
run="$work/$stamp"
mkdir -p "$run"

# One script per side, so that hyperfine times only the work (plus one sh start each).
cat >"$run/govern.sh" <<EOF
#!/bin/sh
set -eu
d=\$(mktemp -d "$run/govern.XXXXXX")
export GOVERN_HOME=\$d/home GOENV=off GOPROXY='$goproxy' GOSUMDB='$gosumdb'
unset GOFLAGS GONOSUMDB GOPRIVATE GONOPROXY GOINSECURE GOTOOLCHAIN GOVERN_SOURCE 2>/dev/null || true
'$root/govern' install '$version' --source proxy >/dev/null
"\$GOVERN_HOME/toolchains/go$version/bin/go" version
EOF
cat >"$run/go.sh" <<EOF
#!/bin/sh
set -eu
d=\$(mktemp -d "$run/go.XXXXXX")
cd "\$d"
export GOENV=off GOPATH=\$d/gopath GOMODCACHE=\$d/gopath/pkg/mod GOCACHE=\$d/gocache \
  GOFLAGS=-modcacherw GOPROXY='$goproxy' GOSUMDB='$gosumdb' GOTOOLCHAIN=go$version
unset GONOSUMDB GOPRIVATE GONOPROXY GOINSECURE 2>/dev/null || true
'$go' version
EOF
chmod +x "$run/govern.sh" "$run/go.sh"

# Builds the jar (and the class-data-sharing archive) if needed, and checks both sides once.
"$root/govern" --version >/dev/null
for side in govern go; do
  said=$("$run/$side.sh" 2>/dev/null)
  case $said in
    "go version go$version "*) ;;
    *) echo "proxy-install: $side did not run go$version: $said" >&2; exit 1 ;;
  esac
done

hyperfine --runs "$runs" --export-json "$out/proxy-install.json" \
  -n "govern install $version --source proxy" "$run/govern.sh" \
  -n "GOTOOLCHAIN=go$version go version" "$run/go.sh"

python3 - "$out/proxy-install.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
g, b = r[0], r[1]
print(f"govern median {g['median']:.2f}s (mean {g['mean']:.2f}s ± {g['stddev']:.2f}), "
      f"go median {b['median']:.2f}s (mean {b['mean']:.2f}s ± {b['stddev']:.2f})")
print(f"ratio govern/go (medians): {g['median'] / b['median']:.2f}  (target <= 1.0)")
EOF
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
chmod -R u+w "$run" 2>/dev/null || true
rm -rf "$run"
