#!/bin/sh
# Figures of the dashboard (docs/server.md): 5,000 services, 200 scans of all of them (1,000,000
# history rows) and 100,000 signed ledger entries, seeded with batch inserts, on SQLite and on a
# throw-away PostgreSQL; p50/p99 time to first byte of each page over loopback (and the whole
# answer's p50). Takes ~15 minutes on 2 cores. Smaller: -Dgovern.bench.services=500 etc. as args.
#   bench/dashboard.sh [-Dgovern.bench.rounds=200 ...]
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
root=${here%/bench}
cd "$root"
rm -f server/target/figures/server.txt
uptime
./mvnw -B -q -pl server -am test -Dtest=DashboardBench -Dgovern.bench=true \
  -Dsurefire.failIfNoSpecifiedTests=false "$@" >/dev/null
uptime
mkdir -p bench/out
cp server/target/figures/server.txt bench/out/dashboard.txt
cat bench/out/dashboard.txt
