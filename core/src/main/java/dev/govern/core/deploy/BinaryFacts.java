package dev.govern.core.deploy;

import dev.govern.core.artifact.binary.BuildInfo;
import dev.govern.core.artifact.binary.GoBinary;
import dev.govern.core.artifact.binary.ModuleInfo;
import dev.govern.core.artifact.binary.VcsInfo;
import dev.govern.core.version.GoVersion;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a Go binary says about its build: toolchain, main module, VCS stamp and build ID. Absent
 * facts are empty strings ({@code modified} is null when the binary does not say).
 *
 * @param goVersion as stamped ({@code go1.22.4}, {@code devel go1.23-…})
 * @param module the main module path
 * @param moduleVersion the main module version ({@code (devel)} for builds in a checkout)
 * @param mainPackage the main package path
 * @param revision {@code vcs.revision}
 * @param revisionTime {@code vcs.time}
 * @param modified {@code vcs.modified}, or null
 * @param buildId the Go build ID
 * @param info the whole build info
 */
public record BinaryFacts(
    String goVersion,
    String module,
    String moduleVersion,
    String mainPackage,
    String revision,
    String revisionTime,
    Boolean modified,
    String buildId,
    BuildInfo info) {

  /** Reads {@code file}; {@code name} is how errors refer to it. Fails for non-Go files. */
  public static BinaryFacts read(Path file, String name) {
    try (GoBinary bin = GoBinary.open(file, name)) {
      return of(bin.buildInfo(), bin.buildId().orElse(""));
    }
  }

  public static BinaryFacts of(BuildInfo info, String buildId) {
    Optional<ModuleInfo> main = info.mainModule();
    Optional<VcsInfo> vcs = info.vcs();
    return new BinaryFacts(
        info.goVersion(),
        main.map(ModuleInfo::path).orElse(""),
        main.map(ModuleInfo::version).orElse(""),
        info.path(),
        vcs.map(VcsInfo::revision).orElse(""),
        vcs.map(VcsInfo::time).orElse(""),
        vcs.flatMap(VcsInfo::modified).orElse(null),
        buildId,
        info);
  }

  /** The Go release that built it, when the stamp names one. */
  public Optional<GoVersion> goRelease() {
    return info.goRelease();
  }
}
