#!/usr/bin/env python3
"""Writes core/src/main/resources/dev/govern/core/upgrade/godebug.tsv from the GODEBUG history
facts (godebug.json of the team's shared data: Go's doc/godebug.md history merged with
src/internal/godebugs/table.go). Run once by hand when the facts change:

    python3 dev/godebug/carry.py SHARED/data/godebug.json > core/src/main/resources/dev/govern/core/upgrade/godebug.tsv

The format is one setting per line, tab-separated, in the order of COLUMNS; lists are joined with
commas; "-" is "none" (an empty field is the empty string). Plain text so that reading it needs no
JSON parser at start-up.

Curation (each checked by GodebugHistoryTableTest against the machine's Go where it can be):
- tableSince: the first toolchain whose internal/godebugs table lists the setting (the //go:debug
  and godebug lines the go command accepts); the release that introduced it, or its first
  backport. tracebacklabels was an opt-in runtime variable in Go 1.26 and joined the table with
  its default change in Go 1.27.
- removal: the removal Go's doc/godebug.md announces for settings not yet removed.
- afterRemoval: the behaviour once a toolchain removed the setting (its new value, except where
  the new behaviour went too).
"""
import json, sys

ANNOUNCED = {
    "gotestjsonbuildtext": "Go 1.28 at the earliest",
    "x509sslcertoverrideplatform": "Go 1.31",
}
TABLE_SINCE = {"tracebacklabels": "go1.27"}
# The behaviour after removal when it is not the setting's new value: Go 1.24 dropped Kyber
# itself (X25519MLKEM768 replaced it, see tlsmlkem), so no toolchain offers it by default any more.
AFTER_REMOVAL = {"tlskyber": "0"}

def main(path):
    rows = json.load(open(path))
    out = []
    for e in rows:
        name = e["setting"]
        in_table = e["in_godebugs_table"]
        since = None
        if in_table:
            since = TABLE_SINCE.get(name, e["introduced"])
        out.append({
            "name": name,
            "package": e.get("table_package") or e["packages"][0],
            "packages": e["packages"],
            "introduced": e["introduced"],
            "tableSince": since,
            "backported": e["backported_to"],
            "changed": e["default_changed_in"],
            "old": e["old"],
            "new": e["new"],
            "removed": e["removed_in"],
            "removal": ANNOUNCED.get(name),
            "afterRemoval": AFTER_REMOVAL.get(name, e["new"]) if e["removed_in"] else None,
            "opaque": bool(e.get("opaque")),
            "metric": e.get("metric"),
            "summary": e["summary"],
            "apis": e["apis"],
        })
    print("# GODEBUG settings and their history. Facts from Go's doc/godebug.md history and")
    print("# src/internal/godebugs/table.go (The Go Authors, BSD-style licence), as gathered in the")
    print("# team's GODEBUG facts (61 settings, through Go 1.27). Written by dev/godebug/carry.py.")
    print("\t".join(COLUMNS))
    for row in out:
        fields = []
        for c in COLUMNS:
            v = row[c]
            if v is None:
                v = "-"
            elif isinstance(v, bool):
                v = "yes" if v else "no"
            elif isinstance(v, list):
                v = ",".join(v) if v else "-"
            assert "\t" not in v and "\n" not in v, (row["name"], c)
            fields.append(v)
        print("\t".join(fields))

COLUMNS = ["name", "package", "packages", "introduced", "tableSince", "backported", "changed",
           "old", "new", "removed", "removal", "afterRemoval", "opaque", "metric", "apis", "summary"]

main(sys.argv[1])
