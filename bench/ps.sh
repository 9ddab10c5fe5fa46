#!/bin/sh
# The cost of `govern ps` on a host with many processes: starts N processes (default 500), of
# which GO (default 100) run Go binaries (5 distinct executables, one built with Go 1.19) and the
# rest `sleep`, then times `govern ps` and `govern ps --json` with hyperfine (whole commands, JVM
# start included), with `govern version-info` (a command that reads nothing) and `ps -e` beside them
# for scale, and the process-table read alone inside one JVM (bench/PsTiming.java). Everything
# started here is killed on exit.
#   bench/ps.sh                   N=500 GO=100 RUNS=20 by default
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
root=${here%/bench}
n=${N:-500}
gon=${GO:-100}
runs=${RUNS:-20}
go=${GOBIN:-go}
go119=/usr/lib/go-1.19/bin/go
out=$here/out/ps
mkdir -p "$out/src"
export GOVERN_HOME=$out/home

cat > "$out/src/main.go" <<'GO'
package main

import "time"

var id = "0"

func main() {
	for {
		time.Sleep(time.Hour)
	}
}
GO
printf 'module example.com/sleeper\n\ngo 1.19\n' > "$out/src/go.mod"
for i in 1 2 3 4; do
  [ -x "$out/sleeper$i" ] || (cd "$out/src" && GOTOOLCHAIN=local CGO_ENABLED=0 "$go" build -ldflags "-X main.id=$i" -o "$out/sleeper$i" .)
done
[ -x "$out/sleeper5" ] || (cd "$out/src" && CGO_ENABLED=0 "$go119" build -o "$out/sleeper5" .)

"$root/govern" --version >/dev/null   # build first (and record the CDS archive)

pids=""
cleanup() { [ -z "$pids" ] || kill $pids 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
before=$(ls /proc | grep -c '^[0-9]')
i=0
while [ "$i" -lt "$n" ]; do
  if [ "$i" -lt "$gon" ]; then
    "$out/sleeper$((i % 5 + 1))" & pids="$pids $!"
  else
    sleep 3600 & pids="$pids $!"
  fi
  i=$((i + 1))
done
total=$(ls /proc | grep -c '^[0-9]')
found=$("$root/govern" ps --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["goProcesses"]))')
echo "processes on this host: $total ($before before the bench started $n); govern ps lists $found Go processes"

hyperfine -N --warmup 2 --runs "$runs" --export-json "$out/ps.json" \
  -n "govern ps" "$root/govern ps" \
  -n "govern ps --json" "$root/govern ps --json" \
  -n "govern version-info (reads nothing)" "$root/govern version-info go1.22.4" \
  -n "ps -e (procps)" "ps -e" >/dev/null

java -XX:TieredStopAtLevel=1 -cp "$root/cli/target/govern.jar" "$here/PsTiming.java" 20

python3 - "$out/ps.json" "$total" <<'PY'
import json, sys
total = int(sys.argv[2])
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"   {r['command']:<34} median {r['median']*1000:7.1f} ms  mean {r['mean']*1000:7.1f} ms"
          f" ±{r['stddev']*1000:5.1f}  (user {r['user']*1000:.0f} ms, sys {r['system']*1000:.0f} ms; {total} processes)")
PY
