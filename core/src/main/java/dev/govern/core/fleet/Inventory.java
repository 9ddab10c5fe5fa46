package dev.govern.core.fleet;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of a fleet scan.
 *
 * @param scannedAt when
 * @param roots what was scanned
 * @param services one row per service, worst class first, then by name
 * @param problems files that could not be read, loops skipped, and the like
 */
public record Inventory(
    Instant scannedAt, List<String> roots, List<Service> services, List<String> problems) {
  public Inventory {
    services =
        services.stream()
            .sorted(Comparator.comparing(Service::riskClass).thenComparing(Service::name))
            .toList();
    roots = List.copyOf(roots);
    problems = List.copyOf(problems);
  }

  /** Services per class. */
  public Map<RiskClass, Long> classCounts() {
    Map<RiskClass, Long> m = new EnumMap<>(RiskClass.class);
    for (RiskClass c : RiskClass.values()) {
      m.put(c, services.stream().filter(s -> s.riskClass() == c).count());
    }
    return m;
  }

  /** Per Go line ("1.22", or "unknown"), the services of each class, lines in version order. */
  public Map<String, Map<RiskClass, Long>> classesPerLine() {
    Map<String, Map<RiskClass, Long>> m = new TreeMap<>(Comparator.comparing(Inventory::lineKey));
    for (Service s : services) {
      String line = s.effective().map(v -> v.line()).orElse("unknown");
      m.computeIfAbsent(line, k -> new EnumMap<>(RiskClass.class))
          .merge(s.riskClass(), 1L, Long::sum);
    }
    return m;
  }

  private static String lineKey(String line) {
    if (line.equals("unknown")) {
      return "zzzz";
    }
    String[] p = line.split("\\.");
    return String.format("%04d.%04d", Integer.parseInt(p[0]), Integer.parseInt(p[1]));
  }
}
