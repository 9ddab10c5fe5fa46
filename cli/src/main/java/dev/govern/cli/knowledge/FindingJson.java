package dev.govern.cli.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.govern.core.vuln.AffectedPackage;
import dev.govern.core.vuln.Finding;
import dev.govern.core.vuln.LinkedFunctions;
import java.util.List;

/**
 * One finding in {@code --json} output.
 *
 * @param linked for binaries: yes / no / unknown; null for other targets
 */
record FindingJson(
    String id,
    List<String> aliases,
    String summary,
    String module,
    String version,
    String fixed,
    List<PackageJson> packages,
    String url,
    @JsonInclude(JsonInclude.Include.NON_NULL) String linked) {

  /** One affected package. */
  record PackageJson(String path, List<String> symbols, List<String> goos, List<String> goarch) {
    static PackageJson of(AffectedPackage p) {
      return new PackageJson(p.path(), p.symbols(), p.goos(), p.goarch());
    }
  }

  static FindingJson of(Finding f, LinkedFunctions functions) {
    return new FindingJson(
        f.id(),
        f.entry().aliases(),
        f.entry().summary(),
        f.module(),
        f.version(),
        f.fixed().map(v -> displayVersion(f, v)).orElse(null),
        f.packages().stream().map(PackageJson::of).toList(),
        f.entry().url().isEmpty() ? null : f.entry().url(),
        functions == null || f.isToolchain()
            ? null
            : f.linked(functions).name().toLowerCase(java.util.Locale.ROOT));
  }

  /** A fixed version as people write it: go1.21.4 for Go itself, v0.7.0 for modules. */
  static String displayVersion(Finding f, String semver) {
    if (f.isStdlib() || f.isToolchain()) {
      return dev.govern.core.version.GoVersion.fromSemver(semver).toString();
    }
    return semver.startsWith("v") ? semver : "v" + semver;
  }

  static List<FindingJson> of(List<Finding> findings, LinkedFunctions functions) {
    return findings.stream().map(f -> of(f, functions)).toList();
  }
}
