#!/bin/sh
# Builds the reference tools from a checkout of golang.org/x/mod (tag v0.20.0, the last release
# that builds with Go 1.19) into $WORK (default /tmp/gomodoracle).
#   usage: setup.sh /path/to/x-mod-git-checkout
set -eu
XMOD_GIT=$1
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/gomodoracle}
export GOFLAGS=-mod=mod GOPROXY=off GOCACHE="$WORK/cache" GOPATH="$WORK/gopath"
mkdir -p "$WORK/xmod" "$WORK/tool" "$WORK/toollax" "$WORK/semv" "$WORK/java"
git -C "$XMOD_GIT" archive v0.20.0 | tar -x -C "$WORK/xmod"
sed -i '/require golang.org\/x\/tools/d' "$WORK/xmod/go.mod"
for t in tool toollax semv; do
  printf 'module oracle\ngo 1.19\nrequire golang.org/x/mod v0.20.0\nreplace golang.org/x/mod => ../xmod\n' > "$WORK/$t/go.mod"
done
cp "$REPO/../shared/tools/gomodjson/main.go" "$WORK/tool/main.go"
sed 's/modfile.Parse(base, data, nil)/modfile.ParseLax(base, data, nil)/' "$WORK/tool/main.go" > "$WORK/toollax/main.go"
cp "$HERE/semv.go" "$WORK/semv/main.go"
(cd "$WORK/tool" && go build -o gomodjson .)
(cd "$WORK/toollax" && go build -o gomodjson-lax .)
(cd "$WORK/semv" && go build -o semv .)
(cd "$REPO" && mvn -B -q -o compile -pl core)
CP="$REPO/core/target/classes:$(find ~/.m2/repository/com/fasterxml/jackson/core -name '*2.2*.jar' | tr '\n' ':')"
javac -cp "$CP" -d "$WORK/java" "$HERE/Dump.java" "$HERE/Semv.java"
echo "ready in $WORK"
