#!/bin/sh
# Start-up time of govern against a bare Java hello-world on the same JVM, side by side.
#   bench/startup.sh            (uses GOVERN_JAVA / JAVA_HOME / java, like ./govern)
# Needs hyperfine (apt-get install hyperfine). Prints hyperfine's table and the ratios.
set -eu
here=$(cd "$(dirname "$0")" && pwd -P)
root=${here%/bench}
out=$here/out/startup
mkdir -p "$out"

if [ -n "${GOVERN_JAVA:-}" ]; then java=$GOVERN_JAVA
elif [ -n "${JAVA_HOME:-}" ]; then java=$JAVA_HOME/bin/java
else java=java; fi
javac=$(dirname "$(readlink -f "$(command -v "$java")")")/javac

cat > "$out/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
"$javac" -d "$out" "$out/Hello.java"

"$root/govern" --version >/dev/null   # build the jar and the CDS archive first

hyperfine -N --warmup 5 --runs "${RUNS:-40}" --export-json "$out/startup.json" \
  -n "java Hello" "$java -cp $out Hello" \
  -n "govern --version" "$root/govern --version" \
  -n "govern version-info go1.22.4" "$root/govern version-info go1.22.4"

python3 - "$out/startup.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
base = r["java Hello"]["median"]
print()
print("%-32s %10s %8s" % ("command", "median ms", "ratio"))
for name, x in r.items():
    print("%-32s %10.1f %8.2f" % (name, x["median"] * 1000, x["median"] / base))
PY
