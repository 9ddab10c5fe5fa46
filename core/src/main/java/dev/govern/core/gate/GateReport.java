package dev.govern.core.gate;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The outcome of a gate run.
 *
 * @param repository the directory judged
 * @param environment the environment whose policy applied, or null
 * @param findings every finding, most severe first, then by file and line
 */
public record GateReport(Path repository, String environment, List<Finding> findings) {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::severity)
          .thenComparing(f -> f.file().toString())
          .thenComparingInt(Finding::line)
          .thenComparing(Finding::rule)
          .thenComparing(Finding::message);

  public GateReport {
    findings = findings.stream().distinct().sorted(ORDER).toList();
  }

  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /** Passed: no failure, and no warning either when warnings fail the gate. */
  public boolean passed(boolean failOnWarn) {
    return count(Severity.FAIL) == 0 && (!failOnWarn || count(Severity.WARN) == 0);
  }
}
