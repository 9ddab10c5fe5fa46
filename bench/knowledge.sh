#!/bin/sh
# Knowledge benchmarks: load the whole vulnerability database from a local directory (warm) and
# match 10,000 (module, version) pairs after load. Usage: bench/knowledge.sh [OSV_DIR]
set -eu
cd "$(dirname "$0")/.."
DB=${1:-../shared/data/vulndb/osv}
mvn -B -q -o test-compile -pl core -am >/dev/null
CP_FILE=core/target/bench.classpath
mvn -B -q -o dependency:build-classpath -pl core -Dmdep.outputFile="$PWD/$CP_FILE" >/dev/null
exec java -cp "core/target/test-classes:core/target/classes:$(cat "$CP_FILE")" \
  dev.govern.core.vuln.VulnBenchmark "$DB"
