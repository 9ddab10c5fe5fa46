package dev.govern.cli.gate;

import dev.govern.core.gate.Finding;
import dev.govern.core.gate.GateReport;
import dev.govern.core.gate.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Help.Ansi;

/** The human report: findings grouped by severity, each with its location and fix. */
final class GateText {
  private GateText() {}

  static void print(PrintWriter out, GateReport report, boolean failOnWarn, Ansi ansi) {
    for (Severity s : Severity.values()) {
      List<Finding> group = report.findings().stream().filter(f -> f.severity() == s).toList();
      if (group.isEmpty()) {
        continue;
      }
      String heading =
          switch (s) {
            case FAIL -> "@|red,bold FAILED|@";
            case WARN -> "@|yellow,bold WARNINGS|@";
            case INFO -> "@|bold NOTES|@";
          };
      out.println(ansi.string(heading) + " (" + group.size() + ")");
      for (Finding f : group) {
        out.println(
            "  " + relative(report.repository(), f) + ": [" + f.rule() + "] " + f.message());
        f.fix().ifPresent(fix -> out.println("      fix: " + fix));
      }
      out.println();
    }
    boolean passed = report.passed(failOnWarn);
    out.println(
        (passed
                ? ansi.string("@|green,bold gate passed|@")
                : ansi.string("@|red,bold gate failed|@"))
            + ": "
            + report.count(Severity.FAIL)
            + " failed, "
            + report.count(Severity.WARN)
            + " warnings"
            + (report.environment() == null ? "" : " (policy for " + report.environment() + ")"));
    out.flush();
  }

  /** {@code path:line} relative to the repository when inside it. */
  static String relative(Path repo, Finding f) {
    Path file = f.file();
    String shown =
        file.isAbsolute() && file.startsWith(repo.toAbsolutePath())
            ? repo.toAbsolutePath().relativize(file).toString()
            : file.toString();
    if (shown.isEmpty()) {
      shown = ".";
    }
    return f.line() > 0 ? shown + ":" + f.line() : shown;
  }

  /** The file part of {@link #relative}, with forward slashes (for SARIF and JUnit). */
  static String uri(Path repo, Finding f) {
    String r = relative(repo, f);
    int colon = f.line() > 0 ? r.lastIndexOf(':') : -1;
    return (colon > 0 ? r.substring(0, colon) : r).replace('\\', '/');
  }
}
