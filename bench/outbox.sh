#!/bin/sh
# Figures of notification delivery (docs/server.md): events per second through the outbox to a
# webhook receiver on loopback (5,000 events), and the time from the end of a receiver outage
# (default 60 s, -Dgovern.bench.outage=N) until every event published during it is delivered, with
# the server's default backoff; on SQLite and PostgreSQL.
#   bench/outbox.sh [-Dgovern.bench.outage=120 ...]
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
root=${here%/bench}
cd "$root"
rm -f server/target/figures/server.txt
uptime
./mvnw -B -q -pl server -am test -Dtest=NotificationBench -Dgovern.bench=true \
  -Dsurefire.failIfNoSpecifiedTests=false "$@" >/dev/null
uptime
mkdir -p bench/out
cp server/target/figures/server.txt bench/out/outbox.txt
cat bench/out/outbox.txt
