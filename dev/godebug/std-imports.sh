#!/bin/sh
# Writes the standard library's import graph that exposure analysis follows (imported through
# net/http and the like). Run with the Go whose graph govern should carry.
set -eu
out="$(dirname "$0")/../../core/src/main/resources/dev/govern/core/upgrade/std-imports.txt"
{
  echo "# The standard library's import graph (non-test imports, linux/amd64, cgo off) of $(go env GOVERSION): one line per package, its imports after it."
  echo "# Written by dev/godebug/std-imports.sh; StdImportsTest compares it with go list of the machine's Go."
  CGO_ENABLED=0 GOOS=linux GOARCH=amd64 go list -f '{{.ImportPath}}{{range .Imports}} {{.}}{{end}}' std | grep -v '^cmd/'
} > "$out"
