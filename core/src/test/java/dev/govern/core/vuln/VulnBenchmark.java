package dev.govern.core.vuln;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures the two knowledge targets: loading the whole database from a local directory (warm) and
 * matching 10,000 (module, version) pairs after load. Run with {@code bench/knowledge.sh}.
 */
public final class VulnBenchmark {
  private VulnBenchmark() {}

  public static void main(String[] args) {
    Path dir = args.length > 0 ? Path.of(args[0]) : SharedVulnDb.osvDir();
    int rounds = 7;
    long[] load = new long[rounds];
    long[] loadCpu = new long[rounds];
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    VulnDatabase db = null;
    for (int i = 0; i < rounds; i++) {
      long c0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      db = LocalVulnDbReader.readDirectory(dir);
      load[i] = System.nanoTime() - t0;
      loadCpu[i] = os.getProcessCpuTime() - c0;
    }
    System.out.printf(
        "load %d entries from %s: cold %s, warm median %s, warm best %s"
            + " (process CPU, all threads incl. GC: median %s, best %s)%n",
        db.size(),
        dir,
        ms(load[0]),
        ms(median(load, 2)),
        ms(best(load, 2)),
        ms(median(loadCpu, 2)),
        ms(best(loadCpu, 2)));

    VulnMatcher matcher = new VulnMatcher(db);
    timeMatching("boundary versions, weighted by range events", pairs(db, 10_000), matcher, rounds);
    timeMatching(
        "one pair per module, cycled (modules only)", perModule(db, 10_000), matcher, rounds);
  }

  private static void timeMatching(
      String what, List<String[]> pairs, VulnMatcher matcher, int rounds) {
    long[] match = new long[rounds];
    long[] cpu = new long[rounds];
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    int found = 0;
    for (int i = 0; i < rounds; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      found = 0;
      for (String[] p : pairs) {
        found += matcher.module(p[0], p[1]).size();
      }
      match[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
    }
    System.out.printf(
        "match %d (module, version) pairs [%s] (%d findings): first %s, warm median %s, warm best %s"
            + " (thread CPU: median %s, best %s)%n",
        pairs.size(),
        what,
        found,
        ms(match[0]),
        ms(median(match, 2)),
        ms(best(match, 2)),
        ms(median(cpu, 2)),
        ms(best(cpu, 2)));
  }

  /** Every non-Go module of the database once, at its first fixed version minus nothing. */
  private static List<String[]> perModule(VulnDatabase db, int n) {
    java.util.Map<String, String> versions = new java.util.TreeMap<>();
    for (OsvEntry e : db.entries()) {
      for (AffectedModule a : e.affected()) {
        if (a.module().equals(VulnDatabase.STDLIB) || a.module().equals(VulnDatabase.TOOLCHAIN)) {
          continue;
        }
        String v =
            a.ranges().isEmpty()
                ? "0.1.0"
                : a.ranges().get(0).events().get(a.ranges().get(0).events().size() - 1).version();
        versions.putIfAbsent(a.module(), "v" + (v.equals("0") ? "0.1.0" : v));
      }
    }
    List<String[]> all = new ArrayList<>();
    versions.forEach((m, v) -> all.add(new String[] {m, v}));
    List<String[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(all.get(i % all.size()));
    }
    return out;
  }

  /** Pairs over every module in the database, at versions around their range events. */
  private static List<String[]> pairs(VulnDatabase db, int n) {
    List<String[]> candidates = new ArrayList<>();
    for (OsvEntry e : db.entries()) {
      for (AffectedModule a : e.affected()) {
        for (OsvRange r : a.ranges()) {
          for (OsvRange.Event ev : r.events()) {
            String v = ev.version().equals("0") ? "0.0.1" : ev.version();
            String module = a.module();
            if (module.equals(VulnDatabase.STDLIB) || module.equals(VulnDatabase.TOOLCHAIN)) {
              candidates.add(new String[] {module, v});
            } else {
              candidates.add(new String[] {module, "v" + v});
            }
          }
        }
      }
    }
    Random rnd = new Random(42);
    List<String[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String[] c = candidates.get(rnd.nextInt(candidates.size()));
      out.add(i % 10 == 0 ? new String[] {"example.com/unknown" + i, "v1.0.0"} : c);
    }
    return out;
  }

  private static long median(long[] a, int skip) {
    long[] s = Arrays.copyOfRange(a, skip, a.length);
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static long best(long[] a, int skip) {
    return Arrays.stream(a, skip, a.length).min().orElseThrow();
  }

  private static String ms(long nanos) {
    return String.format("%.1f ms", nanos / 1e6);
  }
}
