package dev.govern.core.gate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of a gate rule, naming the file and line the evidence came from.
 *
 * @param severity fail, warn or info
 * @param rule the rule id: allowed, denied, supported, vuln-stdlib, vuln-toolchain, vuln-module,
 *     patch-lag, consistency, evidence
 * @param message one line saying what is wrong
 * @param fix a concrete change that resolves it, when there is one
 * @param file the file the evidence came from
 * @param line its 1-based line, or 0
 * @param advisories advisory ids involved
 */
public record Finding(
    Severity severity,
    String rule,
    String message,
    Optional<String> fix,
    Path file,
    int line,
    List<String> advisories) {
  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(file, "file");
    advisories = List.copyOf(advisories);
  }

  public String location() {
    return line > 0 ? file + ":" + line : file.toString();
  }
}
