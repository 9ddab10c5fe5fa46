#!/bin/sh
# Knowledge benchmarks: load the whole vulnerability database from a local directory (warm) and
# match 10,000 (module, version) pairs after load. Usage: bench/knowledge.sh [OSV_DIR]
# (default: testdata/vulndb/osv.tar.gz, unpacked into core/target/testdata)
set -eu
if [ $# -gt 0 ]; then set -- "$(cd "$1" && pwd)"; fi
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile -pl core -am >/dev/null
CP_FILE=core/target/bench.classpath
./mvnw -B -q -o dependency:build-classpath -pl core -Dmdep.outputFile="$PWD/$CP_FILE" >/dev/null
cd core
exec java -cp "target/test-classes:target/classes:$(cat "../$CP_FILE")" \
  dev.govern.core.vuln.VulnBenchmark "$@"
