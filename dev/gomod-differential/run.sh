#!/bin/sh
# Compares govern's parser with x/mod on N generated files.
#   usage: run.sh strict|lax|versions SEED N [-v]      (GEN=gen2.py for comment-rich valid files)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/gomodoracle}
CP="$REPO/core/target/classes:$(find ~/.m2/repository/com/fasterxml/jackson/core -name '*2.2*.jar' | tr '\n' ':'):$WORK/java"
cd "$WORK"
case $1 in
  versions)
    python3 "$HERE/genv.py" "$2" "$3" > vers.txt
    ./semv/semv < vers.txt > v-go.txt
    java -cp "$CP" Semv < vers.txt > v-java.txt
    if diff v-go.txt v-java.txt; then echo "versions $3: no difference"; fi ;;
  strict|lax)
    rm -rf cases && python3 "$HERE/${GEN:-gen.py}" "$2" "$3" cases
    if [ "$1" = lax ]; then rm -f cases/*.go.work; ./toollax/gomodjson-lax cases/* > go.json
    else ./tool/gomodjson cases/* > go.json; fi
    java -Dlax=$([ "$1" = lax ] && echo true || echo false) -cp "$CP" Dump cases/* > java.json
    python3 "$HERE/cmp.py" go.json java.json ${4:-} ;;
esac
