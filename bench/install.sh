#!/bin/sh
# Install benchmark: `govern install` of the real Go 1.19.8 archive from a loopback mirror,
# against the baseline `sha256sum` followed by `tar xzf` of the same file.
# Every run unpacks into a new, never-used folder (deleting a tree of the same shape just before
# unpacking slows the disk down 3-4x, which would favour whoever runs second); trees are deleted
# only after all runs.
#
# Usage: bench/install.sh [ROUNDS]        (default 3; needs cli/target/govern.jar, python3, tar)
# Env:   BENCH_DIR (default /tmp/govern-bench)  GO_SRC (default /usr/lib/go-1.19)
set -eu

ROUNDS=${1:-3}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/cli/target/govern.jar
WORK=${BENCH_DIR:-/tmp/govern-bench}
GO_SRC=${GO_SRC:-/usr/lib/go-1.19}
FILE=go1.19.8.linux-amd64.tar.gz

[ -f "$JAR" ] || { echo "build first: mvn -B -q -o package -DskipTests" >&2; exit 2; }
mkdir -p "$WORK/mirror" "$WORK/runs"

# 1. the archive, go.dev style: top folder go/, default gzip level, links into /usr/share resolved
if [ ! -f "$WORK/mirror/$FILE" ]; then
  echo "packing $GO_SRC as $FILE (once)..." >&2
  tar --dereference --transform 's,^go-1\.19,go,' -czf "$WORK/mirror/$FILE.tmp" \
    -C "$(dirname "$GO_SRC")" "$(basename "$GO_SRC")"
  mv "$WORK/mirror/$FILE.tmp" "$WORK/mirror/$FILE"
fi
SHA=$(sha256sum "$WORK/mirror/$FILE" | cut -d' ' -f1)
SIZE=$(wc -c < "$WORK/mirror/$FILE" | tr -d ' ')
printf '[{"version":"go1.19.8","stable":true,"files":[{"filename":"%s","os":"linux","arch":"amd64","version":"go1.19.8","sha256":"%s","size":%s,"kind":"archive"}]}]\n' \
  "$FILE" "$SHA" "$SIZE" > "$WORK/mirror/index.json"

# 2. the loopback mirror
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$WORK/mirror" >/dev/null 2>&1 &
HTTP_PID=$!
trap 'kill $HTTP_PID 2>/dev/null || true' EXIT INT TERM
i=0
until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/index.json" 2>/dev/null; do
  i=$((i+1)); [ $i -lt 50 ] || { echo "mirror did not start" >&2; exit 1; }; sleep 0.1
done
cat "$WORK/mirror/$FILE" > /dev/null   # both sides read the archive from the page cache

now() { date +%s.%N; }
STAMP=$(date +%s)
BASE_TIMES=""
GOV_TIMES=""
r=1
while [ $r -le "$ROUNDS" ]; do
  # baseline: verify, then unpack into a fresh folder
  dest="$WORK/runs/tar-$STAMP-$r"; mkdir -p "$dest"
  t0=$(now)
  echo "$SHA  $WORK/mirror/$FILE" | sha256sum -c --quiet -
  tar xzf "$WORK/mirror/$FILE" -C "$dest"
  t1=$(now)
  BASE_TIMES="$BASE_TIMES $(echo "$t1 - $t0" | bc)"
  # govern: a fresh GOVERN_HOME (JVM start, index fetch, download, verify, unpack, publish)
  home="$WORK/runs/govern-$STAMP-$r"
  t0=$(now)
  GOVERN_HOME=$home java -jar "$JAR" install 1.19.8 --mirror "http://127.0.0.1:$PORT/" >/dev/null
  t1=$(now)
  GOV_TIMES="$GOV_TIMES $(echo "$t1 - $t0" | bc)"
  "$home/toolchains/go1.19.8/bin/go" version >/dev/null
  r=$((r+1))
done

median() { printf '%s\n' $1 | sort -n | awk '{a[NR]=$1} END {print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
MB=$(median "$BASE_TIMES"); MG=$(median "$GOV_TIMES")
echo "rounds:                  $ROUNDS"
echo "baseline sha256sum+tar:  $BASE_TIMES  (median ${MB}s)"
echo "govern install:          $GOV_TIMES  (median ${MG}s)"
echo "ratio govern/baseline:   $(echo "scale=2; $MG / $MB" | bc)  (target <= 1.20)"
echo "load average:            $(cut -d' ' -f1-3 /proc/loadavg)"

rm -rf "$WORK/runs/tar-$STAMP-"* "$WORK/runs/govern-$STAMP-"*
