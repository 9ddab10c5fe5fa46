#!/bin/sh
# Fills the test cache OUTSIDE the clone, once, with real Go toolchains in module form and the
# checksum database's signed answers for them; later runs find everything there and use no network.
#
#   ${GOVERN_TEST_CACHE:-$HOME/.cache/govern-test}/gomodcache   a Go module cache (GOMODCACHE)
#
# Its cache/download folder is a GOPROXY layout (golang.org/toolchain/@v/...) that also holds the
# checksum database's lookups and tiles (sumdb/sum.golang.org/...); the tests serve it on
# 127.0.0.1 as a real proxy, and prove every record with the real sum.golang.org key. The newest
# tree the go command proved them in is copied to sumdb/sum.golang.org/latest (the database's own
# /latest endpoint), so that every record can be proven against one signed tree.
#
# Toolchains: GOVERN_TEST_TOOLCHAINS (default: the newest patches of Go 1.24 and 1.25) and the
# machine's own Go (the tests compare its go.dev install with its module form).
# Usage: dev/fetch-test-toolchains.sh        (needs go >= 1.21 on PATH and, the first time, the
#                                             Go module proxy; GOVERN_TEST_GOPROXY overrides it)
set -eu
cache=${GOVERN_TEST_CACHE:-$HOME/.cache/govern-test}
toolchains=${GOVERN_TEST_TOOLCHAINS:-go1.24.13 go1.25.14}

command -v go >/dev/null || { echo "fetch-test-toolchains: no go on PATH" >&2; exit 1; }
goos=$(go env GOOS)
goarch=$(go env GOARCH)
toolchains="$toolchains $(go env GOVERSION)"

mods=
for t in $toolchains; do
  mods="$mods golang.org/toolchain@v0.0.1-$t.$goos-$goarch"
done
# Toolchains others put in the same cache are proven again too, so that one tree covers them all.
for z in "$cache"/gomodcache/cache/download/golang.org/toolchain/@v/*.zip; do
  [ -f "$z" ] || continue
  v=${z##*/}
  case " $mods " in *" golang.org/toolchain@${v%.zip} "*) ;; *) mods="$mods golang.org/toolchain@${v%.zip}" ;; esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/govern-fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" # outside any module

export GOMODCACHE="$cache/gomodcache" GOPATH="$cache/gopath" GOFLAGS=-modcacherw GOENV=off \
  GOTOOLCHAIN=local GO111MODULE=on GOPROXY="${GOVERN_TEST_GOPROXY:-https://proxy.golang.org}" \
  GOSUMDB=sum.golang.org GONOSUMDB= GOPRIVATE= GONOPROXY= GOINSECURE=
mkdir -p "$GOMODCACHE" "$GOPATH"

# shellcheck disable=SC2086
go mod download $mods
# A second pass proves every record again, now against the newest tree seen (the go command keeps
# it in $GOPATH/pkg/sumdb), and caches the tiles those proofs need. With everything cached already
# neither pass uses the network.
# shellcheck disable=SC2086
go mod download $mods
cp "$GOPATH/pkg/sumdb/sum.golang.org/latest" "$GOMODCACHE/cache/download/sumdb/sum.golang.org/latest"
echo "fetch-test-toolchains: $toolchains ($goos-$goarch) in $GOMODCACHE"
