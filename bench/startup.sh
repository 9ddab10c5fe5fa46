#!/bin/sh
# Start-up time of govern against a bare Java hello-world on the same JVM, side by side: each round
# runs every command once (bench/interleave.py), so drift in machine load hits them alike.
#   bench/startup.sh            (uses GOVERN_JAVA / JAVA_HOME / java, like ./govern)
#   RUNS=60 bench/startup.sh    (rounds; default 40)
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

"$java" -version 2>&1 | head -n 1
python3 "$here/interleave.py" "${RUNS:-40}" 5 \
  "java Hello=$java -cp $out Hello" \
  "govern --version=$root/govern --version" \
  "govern version-info go1.22.4=$root/govern version-info go1.22.4" \
  "govern --help=$root/govern --help" | tee "$out/startup.txt"
