package dev.govern.core.vuln;

import java.util.List;

/**
 * The vulnerabilities found for one {@link ScanTarget}.
 *
 * @param target what was scanned
 * @param stdlib findings in the standard library (compiled into programs)
 * @param toolchain findings in the toolchain (a build-machine risk)
 * @param modules module dependencies with at least one finding
 */
public record VulnReport(
    ScanTarget target,
    List<Finding> stdlib,
    List<Finding> toolchain,
    List<ModuleFindings> modules) {
  public VulnReport {
    stdlib = List.copyOf(stdlib);
    toolchain = List.copyOf(toolchain);
    modules = List.copyOf(modules);
  }

  /**
   * The findings for one module dependency.
   *
   * @param path the module path
   * @param version the version in use
   * @param findings the entries affecting it
   */
  public record ModuleFindings(String path, String version, List<Finding> findings) {
    public ModuleFindings {
      findings = List.copyOf(findings);
    }
  }

  /** Scans {@code target}: stdlib and toolchain of its Go version, then each module. */
  public static VulnReport scan(VulnMatcher matcher, ScanTarget target) {
    List<Finding> std = List.of();
    List<Finding> tool = List.of();
    if (target.go().isPresent()) {
      std = platform(matcher.stdlib(target.go().get()), target);
      tool = matcher.toolchain(target.go().get());
    }
    List<ModuleFindings> mods =
        target.modules().stream()
            .map(
                r ->
                    new ModuleFindings(
                        r.path(),
                        r.version(),
                        platform(matcher.module(r.path(), r.version()), target)))
            .filter(m -> !m.findings().isEmpty())
            .toList();
    return new VulnReport(target, std, tool, mods);
  }

  private static List<Finding> platform(List<Finding> findings, ScanTarget t) {
    return findings.stream().filter(f -> f.appliesTo(t.goos(), t.goarch())).toList();
  }

  /** Total number of findings. */
  public int count() {
    return stdlib.size()
        + toolchain.size()
        + modules.stream().mapToInt(m -> m.findings().size()).sum();
  }
}
