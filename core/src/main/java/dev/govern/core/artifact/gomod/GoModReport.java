package dev.govern.core.artifact.gomod;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.govern.core.module.PseudoVersion;
import dev.govern.core.version.GoVersion;
import java.util.List;

/**
 * The structured, JSON-ready view of a go.mod or go.work file (what {@code govern inspect go.mod
 * --json} prints inside its document). Field names follow Go's {@code modfile} types; lists that do
 * not exist for a kind of file ({@code use} for go.mod, {@code require} for go.work) are omitted;
 * {@code go} and {@code toolchain} are {@code null} when absent.
 *
 * @param file the file name as given
 * @param kind {@code go.mod} or {@code go.work}
 * @param module the module line ({@code null} for go.work or when missing)
 * @param go the {@code go} line as written
 * @param minimumGo the minimum Go version in Go's canonical name ({@code go1.21}), or null
 * @param toolchain the {@code toolchain} line as written
 * @param toolchainVersion the toolchain's Go version ({@code go1.22.4}), null for default/absent
 * @param godebug godebug settings
 * @param require requirements (go.mod)
 * @param exclude exclusions (go.mod)
 * @param replace replacements
 * @param retract retractions (go.mod)
 * @param tool tool packages (go.mod)
 * @param ignore ignored directories (go.mod)
 * @param use workspace module directories (go.work)
 */
public record GoModReport(
    String file,
    String kind,
    @JsonInclude(JsonInclude.Include.NON_NULL) Module module,
    String go,
    String minimumGo,
    String toolchain,
    String toolchainVersion,
    List<Setting> godebug,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Require> require,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Exclude> exclude,
    List<Replace> replace,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<Retract> retract,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> tool,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> ignore,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> use) {

  public static final String KIND_MOD = "go.mod";
  public static final String KIND_WORK = "go.work";

  /** The module line. */
  public record Module(String path, String deprecated, int line) {}

  /** A godebug setting. */
  public record Setting(String key, String value, int line) {}

  /**
   * A requirement with its semantic facts.
   *
   * @param direct the opposite of indirect: the main module imports it itself
   * @param incompatible whether the version carries {@code +incompatible}
   * @param pseudo pseudo-version facts, or null for a tagged version
   */
  public record Require(
      String path,
      String version,
      boolean indirect,
      boolean direct,
      boolean incompatible,
      @JsonInclude(JsonInclude.Include.NON_NULL) Pseudo pseudo,
      int line) {}

  /**
   * Pseudo-version facts.
   *
   * @param form 1 to 5, see {@link PseudoVersion}
   * @param base the tag it builds on, null for form 1
   * @param timestamp the 14-digit UTC commit time as written
   * @param time the commit time in RFC 3339, null when the timestamp is not a real date
   * @param revision the commit hash prefix
   * @param zero whether it is the {@code 00010101000000-000000000000} placeholder
   */
  public record Pseudo(
      int form, String base, String timestamp, String time, String revision, boolean zero) {}

  /** An exclusion. */
  public record Exclude(String path, String version, int line) {}

  /** A module path and version; an empty version means "not written". */
  public record Ref(String path, String version) {}

  /** A replacement ({@code old => new}). */
  public record Replace(Ref old, @JsonProperty("new") Ref target, boolean directory, int line) {}

  /** A retraction ({@code low == high} for a single version). */
  public record Retract(String low, String high, String rationale, int line) {}

  /** The report of a parsed go.mod file. */
  public static GoModReport of(GoModFile f) {
    ModuleDirective m = f.module();
    return new GoModReport(
        f.file(),
        KIND_MOD,
        m == null ? null : new Module(m.path(), m.deprecated(), m.line()),
        f.go() == null ? null : f.go().version(),
        f.minimumGo().map(GoVersion::toString).orElse(null),
        f.toolchain() == null ? null : f.toolchain().name(),
        f.toolchainVersion().map(GoVersion::toString).orElse(null),
        settings(f.godebug()),
        f.require().stream().map(GoModReport::require).toList(),
        f.exclude().stream().map(e -> new Exclude(e.path(), e.version(), e.line())).toList(),
        replacements(f.replace()),
        f.retract().stream()
            .map(r -> new Retract(r.low(), r.high(), r.rationale(), r.line()))
            .toList(),
        paths(f.tool()),
        paths(f.ignore()),
        null);
  }

  /** The report of a parsed go.work file. */
  public static GoModReport of(GoWorkFile f) {
    return new GoModReport(
        f.file(),
        KIND_WORK,
        null,
        f.go() == null ? null : f.go().version(),
        f.minimumGo().map(GoVersion::toString).orElse(null),
        f.toolchain() == null ? null : f.toolchain().name(),
        f.toolchainVersion().map(GoVersion::toString).orElse(null),
        settings(f.godebug()),
        null,
        null,
        replacements(f.replace()),
        null,
        null,
        null,
        paths(f.use()));
  }

  private static List<Setting> settings(List<Godebug> godebug) {
    return godebug.stream().map(g -> new Setting(g.key(), g.value(), g.line())).toList();
  }

  private static List<Replace> replacements(List<Replacement> replace) {
    return replace.stream()
        .map(
            r ->
                new Replace(
                    new Ref(r.old().path(), r.old().version()),
                    new Ref(r.target().path(), r.target().version()),
                    r.isDirectory(),
                    r.line()))
        .toList();
  }

  private static List<String> paths(List<PathDirective> directives) {
    return directives.stream().map(PathDirective::path).toList();
  }

  private static Require require(Requirement r) {
    Pseudo pseudo =
        r.pseudo()
            .map(
                p ->
                    new Pseudo(
                        p.form(),
                        p.base(),
                        p.timestamp(),
                        p.time() == null ? null : p.time().toString(),
                        p.revision(),
                        p.zero()))
            .orElse(null);
    return new Require(
        r.path(), r.version(), r.indirect(), r.direct(), r.incompatible(), pseudo, r.line());
  }
}
