package dev.govern.core.artifact.gomod;

import dev.govern.core.version.GoVersion;
import java.util.List;
import java.util.Optional;

/**
 * A parsed go.mod file: every directive in file order, with versions canonicalised as Go does.
 *
 * @param file the file name as given to the parser
 * @param module the {@code module} line, or {@code null} when there is none
 * @param go the {@code go} line, or {@code null}
 * @param toolchain the {@code toolchain} line, or {@code null}
 * @param godebug {@code godebug} settings
 * @param require {@code require} lines
 * @param exclude {@code exclude} lines
 * @param replace {@code replace} lines
 * @param retract {@code retract} entries
 * @param tool {@code tool} lines
 * @param ignore {@code ignore} lines
 */
public record GoModFile(
    String file,
    ModuleDirective module,
    GoDirective go,
    ToolchainDirective toolchain,
    List<Godebug> godebug,
    List<Requirement> require,
    List<Exclusion> exclude,
    List<Replacement> replace,
    List<Retraction> retract,
    List<PathDirective> tool,
    List<PathDirective> ignore) {

  public GoModFile {
    godebug = List.copyOf(godebug);
    require = List.copyOf(require);
    exclude = List.copyOf(exclude);
    replace = List.copyOf(replace);
    retract = List.copyOf(retract);
    tool = List.copyOf(tool);
    ignore = List.copyOf(ignore);
  }

  /** The module path, or empty when there is no module line. */
  public Optional<String> modulePath() {
    return Optional.ofNullable(module).map(ModuleDirective::path);
  }

  /** The minimum Go version from the {@code go} line. */
  public Optional<GoVersion> minimumGo() {
    return Optional.ofNullable(go).flatMap(GoDirective::minimum);
  }

  /** The toolchain's Go version (empty without a toolchain line or for {@code default}). */
  public Optional<GoVersion> toolchainVersion() {
    return Optional.ofNullable(toolchain).flatMap(ToolchainDirective::version);
  }

  /** Requirements the main module imports itself. */
  public List<Requirement> directRequirements() {
    return require.stream().filter(Requirement::direct).toList();
  }

  /** Requirements marked {@code // indirect}. */
  public List<Requirement> indirectRequirements() {
    return require.stream().filter(Requirement::indirect).toList();
  }

  /** The requirement of {@code path} (the last one when Go would see several). */
  public Optional<Requirement> requirement(String path) {
    Requirement found = null;
    for (Requirement r : require) {
      if (r.path().equals(path)) {
        found = r;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The module that is actually built for {@code path@version}: an exact-version replacement wins
   * over an all-versions one, as in Go; the module itself when nothing replaces it.
   */
  public ModuleRef effective(String path, String version) {
    return Replacements.effective(replace, path, version);
  }
}
