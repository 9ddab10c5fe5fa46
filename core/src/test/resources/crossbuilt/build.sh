#!/bin/sh
# Regenerates the cross-built Go binaries used by CrossBuiltBinariesTest: the smallest possible
# program, built by Debian's Go 1.19 for the containers and byte orders the shared fixtures lack
# (big-endian ELF 32/64, PE32 without symbols, XCOFF, Plan 9). Each is stored gzipped with the
# facts the Go tools report: `go version -m` output (when Go can read the file) and `go tool buildid`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH=/usr/lib/go-1.19/bin:$PATH GOFLAGS=-mod=mod GOPROXY=off CGO_ENABLED=0
export GOCACHE="${GOCACHE:-$work/cache}"
mkdir "$work/src"
printf 'package main\n\nfunc main() { println("hi") }\n' >"$work/src/main.go"
printf 'module example.com/tiny\n\ngo 1.19\n' >"$work/src/go.mod"
cd "$work/src"
for t in linux/ppc64 linux/mips windows/386 aix/ppc64 plan9/386; do
  os=${t%/*}; arch=${t#*/}; name=tiny-$os-$arch
  GOOS=$os GOARCH=$arch go build -trimpath -ldflags='-s -w' -o "$work/$name" .
  # go version -m (1.19) cannot read XCOFF without symbols nor Plan 9: keep only what it prints
  (cd "$work" && go version -m "$name" >"$here/$name.expected.txt" 2>/dev/null) || true
  [ -s "$here/$name.expected.txt" ] || rm -f "$here/$name.expected.txt"
  go tool buildid "$work/$name" >"$here/$name.buildid.txt"
  gzip -9n -c "$work/$name" >"$here/$name.gz"
done
