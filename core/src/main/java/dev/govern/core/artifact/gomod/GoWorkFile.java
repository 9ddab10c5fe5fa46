package dev.govern.core.artifact.gomod;

import dev.govern.core.version.GoVersion;
import java.util.List;
import java.util.Optional;

/**
 * A parsed go.work file.
 *
 * @param file the file name as given to the parser
 * @param go the {@code go} line, or {@code null}
 * @param toolchain the {@code toolchain} line, or {@code null}
 * @param godebug {@code godebug} settings
 * @param use {@code use} directories
 * @param replace {@code replace} lines (they override those of the modules)
 */
public record GoWorkFile(
    String file,
    GoDirective go,
    ToolchainDirective toolchain,
    List<Godebug> godebug,
    List<PathDirective> use,
    List<Replacement> replace) {

  public GoWorkFile {
    godebug = List.copyOf(godebug);
    use = List.copyOf(use);
    replace = List.copyOf(replace);
  }

  /** The minimum Go version from the {@code go} line. */
  public Optional<GoVersion> minimumGo() {
    return Optional.ofNullable(go).flatMap(GoDirective::minimum);
  }

  /** The toolchain's Go version (empty without a toolchain line or for {@code default}). */
  public Optional<GoVersion> toolchainVersion() {
    return Optional.ofNullable(toolchain).flatMap(ToolchainDirective::version);
  }

  /** The module built for {@code path@version} after this workspace's replacements. */
  public ModuleRef effective(String path, String version) {
    return Replacements.effective(replace, path, version);
  }
}
