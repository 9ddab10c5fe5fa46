#!/usr/bin/env python3
"""Side-by-side wall-clock timing: runs each command once per round, round after round, so that
drift in machine load hits every command alike (hyperfine runs one command's batch after another).

usage: interleave.py ROUNDS WARMUP 'name=command line' ...
Prints median, best and quartiles per command, and each median's ratio to the first command's.
"""
import shlex
import statistics
import subprocess
import sys
import time


def main():
    rounds, warmup = int(sys.argv[1]), int(sys.argv[2])
    cmds = [arg.split("=", 1) for arg in sys.argv[3:]]
    times = {name: [] for name, _ in cmds}
    for i in range(warmup + rounds):
        for name, line in cmds:
            start = time.perf_counter()
            done = subprocess.run(shlex.split(line), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = (time.perf_counter() - start) * 1000
            if done.returncode != 0:
                sys.exit(f"{name} failed ({done.returncode}): {done.stderr.decode().strip()}")
            if i >= warmup:
                times[name].append(elapsed)
    base = statistics.median(times[cmds[0][0]])
    print(f"{'command':34} {'median ms':>9} {'best':>7} {'p25':>7} {'p75':>7} {'ratio':>6}")
    for name, _ in cmds:
        t = sorted(times[name])
        q = statistics.quantiles(t, n=4)
        med = statistics.median(t)
        print(f"{name:34} {med:9.1f} {t[0]:7.1f} {q[0]:7.1f} {q[2]:7.1f} {med / base:6.2f}")


if __name__ == "__main__":
    main()
