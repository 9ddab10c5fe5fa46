package dev.govern.core.artifact.binary;

import dev.govern.core.GovernException;
import dev.govern.core.version.GoVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The build information of a Go binary: the toolchain that built it and, for module builds, the
 * main package, modules and build settings (Go's {@code runtime/debug.BuildInfo}).
 *
 * @param goVersion the toolchain version as stamped ({@code go1.19.8}, {@code devel go1.23-…})
 * @param path the main package path, or empty
 * @param main the main module, or {@code null} (GOPATH builds)
 * @param deps the dependency modules, in the recorded order (sorted by path)
 * @param settings the build settings in the recorded order
 */
public record BuildInfo(
    String goVersion,
    String path,
    ModuleInfo main,
    List<ModuleInfo> deps,
    List<BuildSetting> settings) {

  public BuildInfo {
    Objects.requireNonNull(goVersion, "goVersion");
    Objects.requireNonNull(path, "path");
    deps = List.copyOf(deps);
    settings = List.copyOf(settings);
  }

  public Optional<ModuleInfo> mainModule() {
    return Optional.ofNullable(main);
  }

  /**
   * The Go release that built the binary: {@code go1.22.4 X:boringcrypto} gives go1.22.4; empty for
   * a development toolchain ({@code devel go1.23-abc}).
   */
  public Optional<GoVersion> goRelease() {
    String word = goVersion.strip().split("\\s+")[0];
    try {
      return Optional.of(GoVersion.parse(word));
    } catch (GovernException e) {
      return Optional.empty();
    }
  }

  /** The value of the first setting named {@code key}. */
  public Optional<String> setting(String key) {
    for (BuildSetting s : settings) {
      if (s.key().equals(key)) {
        return Optional.of(s.value());
      }
    }
    return Optional.empty();
  }

  /** The VCS facts, when the binary was built in a checkout with -buildvcs on. */
  public Optional<VcsInfo> vcs() {
    Optional<String> system = setting("vcs");
    Optional<String> revision = setting("vcs.revision");
    if (system.isEmpty() && revision.isEmpty()) {
      return Optional.empty();
    }
    Optional<Boolean> modified = setting("vcs.modified").map(v -> v.equals("true"));
    return Optional.of(
        new VcsInfo(
            system.orElse(""), revision.orElse(""), setting("vcs.time").orElse(""), modified));
  }

  /** Go's {@code BuildInfo.String()} without the {@code go} line: the module text. */
  public String moduleText() {
    return BuildInfoText.format(this);
  }

  /**
   * Exactly what {@code go version -m <file>} prints for this binary, with {@code file} as given.
   */
  public String goVersionM(String file) {
    StringBuilder b = new StringBuilder();
    b.append(file).append(": ").append(goVersion).append('\n');
    String mod = moduleText();
    if (!mod.isEmpty()) {
      b.append('\t').append(mod.substring(0, mod.length() - 1).replace("\n", "\n\t")).append('\n');
    }
    return b.toString();
  }
}
