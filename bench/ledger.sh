#!/usr/bin/env bash
# Ledger benchmarks: append latency with fsync, hash-chain verify throughput, signed verify
# throughput next to the JDK's raw Ed25519 verify rate.
#   bench/ledger.sh [appends] [chainEntries] [signedEntries]     (defaults 500 100000 100000)
# Run from the repository root. Builds the test classes offline-first; writes to a temp dir.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile -pl core -am >/dev/null 2>&1 || mvn -B -q test-compile -pl core -am
cp_file=$(mktemp)
mvn -B -q -o dependency:build-classpath -pl core -Dmdep.outputFile="$cp_file" >/dev/null
java -cp "core/target/classes:core/target/test-classes:$(cat "$cp_file")" \
  dev.govern.core.ledger.LedgerBench "${1:-500}" "${2:-100000}" "${3:-100000}"
rm -f "$cp_file"
