#!/bin/sh
# Time from `govern release rollback` to a healthy service: a small HTTP service built here in two
# revisions of a git repository, both recorded; v1 then v2 deployed with a supervisor script as
# --restart and /health as --health-url; then RUNS rollbacks (each one swaps v1 <-> v2, like
# `cd -`), each timed from the command's start to its exit (JVM start included), with the
# command's own healthyAfterMs (from its start inside the JVM to the first healthy answer).
#   bench/release.sh              RUNS=20 by default
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
root=${here%/bench}
runs=${RUNS:-20}
go=${GOBIN:-go}
out=$here/out/release
rm -rf "$out"; mkdir -p "$out/src" "$out/run"
export GOVERN_HOME=$out/home RUN_DIR=$out/run
export PORT=${PORT:-$(python3 -c 'import random; print(random.randint(20000, 32000))')}

cat > "$out/restart.sh" <<'SH'
#!/bin/sh
# a supervisor: stop the old process (all its threads), start current/<service>
set -e
if [ -f "$RUN_DIR/pid" ]; then
  old=$(cat "$RUN_DIR/pid")
  if kill -9 "$old" 2>/dev/null; then
    while [ -e "/proc/$old" ] && { [ "$(ls "/proc/$old/task" 2>/dev/null | wc -l)" -gt 1 ] ||
        [ "$(cut -d' ' -f3 "/proc/$old/stat" 2>/dev/null)" != Z ]; }; do :; done
  fi
fi
cd "$GOVERN_TARGET"
nohup ./current/"$GOVERN_SERVICE" >> "$RUN_DIR/log" 2>&1 < /dev/null &
echo $! > "$RUN_DIR/pid"
SH
trap '[ -f "$RUN_DIR/pid" ] && kill -9 "$(cat "$RUN_DIR/pid")" 2>/dev/null || true' EXIT INT TERM

cd "$out/src"
printf 'module example.com/hello\n\ngo 1.19\n' > go.mod
git init -q
for v in v1 v2; do
  cat > main.go <<GO
package main

import (
	"fmt"
	"net/http"
	"os"
)

func main() {
	http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "ok $v") })
	if err := http.ListenAndServe("127.0.0.1:"+os.Getenv("PORT"), nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
GO
  git add -A && git -c user.name=bench -c user.email=bench@govern.local commit -qm "$v"
  GOTOOLCHAIN=local GOFLAGS=-buildvcs=true CGO_ENABLED=0 "$go" build -o "$out/$v/hello" .
done
cd "$root"

"$root/govern" --version >/dev/null   # build first (and record the CDS archive)
for v in v1 v2; do "$root/govern" release record "$out/$v/hello" --service hello >/dev/null; done
deploy() {
  "$root/govern" release deploy hello "$1" --target "$out/srv" --restart "sh $out/restart.sh" \
    --health-url "http://127.0.0.1:$PORT/health" >/dev/null
}
ids=$("$root/govern" release list hello --json | python3 -c 'import json,sys; print(" ".join(r["id"] for r in json.load(sys.stdin)["releases"]))')
set -- $ids
deploy "$1"; deploy "$2"

: > "$out/times"
i=0
while [ "$i" -lt "$runs" ]; do
  start=$(date +%s%N)
  "$root/govern" release rollback hello --target "$out/srv" --json > "$out/last.json"
  end=$(date +%s%N)
  healthy=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["ok"]; print(d["healthyAfterMs"])' "$out/last.json")
  echo "$(( (end - start) / 1000000 )) $healthy" >> "$out/times"
  i=$((i + 1))
done
python3 - "$out/times" <<'PY'
import statistics, sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
wall = [r[0] for r in rows]; inner = [r[1] for r in rows]
print(f"   rollback command, start to exit (healthy): median {statistics.median(wall)} ms,"
      f" min {min(wall)} ms, max {max(wall)} ms  ({len(rows)} rollbacks)")
print(f"   inside the command, start to first healthy answer: median {statistics.median(inner)} ms,"
      f" min {min(inner)} ms, max {max(inner)} ms")
PY
