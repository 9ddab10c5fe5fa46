#!/bin/sh
# Figures of the team server (docs/server.md): runs the reliability tests (load: 50 clients x
# 2,000 scans of 200 services; two servers on one PostgreSQL; SIGKILL during load) on SQLite and
# PostgreSQL and prints what they measured: p50/p99 push latency, time to ready (wall and CPU),
# memory at rest and under load.
#   bench/server.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
root=${here%/bench}
cd "$root"
rm -f server/target/figures/server.txt
./mvnw -B -q -pl server -am test -Dtest='ScanLoadTest,TwoServersTest,SigkillTest' \
  -Dsurefire.failIfNoSpecifiedTests=false >/dev/null
mkdir -p bench/out
cp server/target/figures/server.txt bench/out/server.txt
cat bench/out/server.txt
