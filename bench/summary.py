"""Prints files/s from hyperfine's JSON or from alternating /usr/bin/time runs (bench/inspect.sh)."""
import json
import statistics
import sys

mode, n = sys.argv[1], int(sys.argv[2])
if mode == "hyperfine":
    for r in json.load(open(sys.argv[3]))["results"]:
        cpu = r["user"] + r["system"]
        print(f"   {r['command']:<26} mean {r['mean']:.3f} s ±{r['stddev']:.3f}"
              f"  -> {n / r['mean']:,.0f} files/s   (cpu {cpu:.2f} s)")
else:
    labels = ("go version -m", "java -jar govern", "./govern (launcher)")
    for label, path in zip(labels, sys.argv[3:]):
        rows = [tuple(map(float, line.split())) for line in open(path) if line.strip()]
        wall = [r[0] for r in rows]
        cpu = [r[1] + r[2] for r in rows]
        best, med = min(wall), statistics.median(wall)
        print(f"   alternating {label:<19} best {best:.3f} s ({n / best:,.0f} files/s)"
              f"  median {med:.3f} s ({n / med:,.0f} files/s)  median cpu {statistics.median(cpu):.2f} s")
