package dev.govern.core.upgrade;

import dev.govern.core.facts.Advisory;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What changes for this code if it moves to another Go: the two steps (toolchain bump, go line
 * bump), what each changes, what blocks, and what the upgrade fixes.
 *
 * @param subject what was analysed
 * @param from the toolchain that builds it now, and why govern thinks so
 * @param fromGoLine the go line its defaults follow now (as written; inferred for a binary)
 * @param to the target
 * @param directives every GODEBUG line found in the code
 * @param imports the packages the code imports (module) or links (binary), sorted
 * @param programs the default GODEBUG of each main package before and after both steps
 * @param toolchainStep behaviour changes of building with the target toolchain, same go line
 * @param goLineStep behaviour changes of moving the go line to the target's line
 * @param blocking what stops the build at the target
 * @param releases the releases between from (exclusive) and to (inclusive) with what they fix
 * @param remaining vulnerabilities still affecting the target
 * @param fromSupport support of the current line
 * @param toSupport support of the target line
 * @param boundary the module upgrade boundary, for a module
 * @param notes anything the reader should know (files skipped, assumptions)
 */
public record Impact(
    Subject subject,
    From from,
    String fromGoLine,
    UpgradeTarget to,
    List<GodebugDirective> directives,
    List<String> imports,
    List<Program> programs,
    List<Change> toolchainStep,
    List<Change> goLineStep,
    List<Blocking> blocking,
    List<ReleaseStep> releases,
    List<Advisory> remaining,
    Support fromSupport,
    Support toSupport,
    Optional<ModuleBoundary.Boundary> boundary,
    List<String> notes) {

  /** A module folder or a binary. */
  public record Subject(Kind kind, String name, String modulePath) {
    public enum Kind {
      MODULE,
      BINARY
    }
  }

  /** The current toolchain and where that came from ({@code go.mod:5 toolchain line}). */
  public record From(GoVersion toolchain, String source) {}

  /** One main package's default GODEBUG now, after the toolchain bump, after the go line bump. */
  public record Program(String name, String before, String afterToolchain, String after) {}

  /** Which step of an upgrade. */
  public enum Step {
    TOOLCHAIN("toolchain bump"),
    GO_LINE("go line bump");

    private final String label;

    Step(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * A setting whose behaviour differs between before and after a step.
   *
   * @param setting the setting
   * @param step the step that changes it
   * @param before the value now, and why
   * @param after the value after the step, and why
   * @param exposure how exposed the code is
   * @param exposureWhy why
   * @param keep the line that keeps the old behaviour, if one can
   * @param removal the release that removes (or removed) the setting, if known or announced
   * @param programs the main packages it concerns (all of them when empty)
   */
  public record Change(
      GodebugSetting setting,
      Step step,
      GodebugBehaviour.Value before,
      GodebugBehaviour.Value after,
      Exposure exposure,
      String exposureWhy,
      Optional<String> keep,
      Optional<String> removal,
      List<String> programs) {}

  /** A GODEBUG line the target's go command rejects: the build stops. */
  public record Blocking(GodebugDirective directive, String reason, boolean alreadyNow) {}

  /** A release on the way, with the vulnerabilities of {@code from} it is the first to fix. */
  public record ReleaseStep(
      GoVersion version, Optional<LocalDate> date, boolean security, List<String> fixes) {}

  /**
   * Support of a line.
   *
   * @param line the line
   * @param supported whether it is supported on the day asked
   * @param endOfSupport when support ends (ended), if known or estimated
   * @param estimated whether the end date is an estimate (the line is still supported)
   */
  public record Support(
      GoVersion line, boolean supported, Optional<LocalDate> endOfSupport, boolean estimated) {}

  /** Every change of both steps. */
  public List<Change> changes() {
    List<Change> all = new java.util.ArrayList<>(toolchainStep);
    all.addAll(goLineStep);
    return all;
  }

  /** Changes by exposure, for scoring. */
  public Map<Exposure, Long> exposureCounts() {
    Map<Exposure, Long> m = new java.util.EnumMap<>(Exposure.class);
    for (Exposure e : Exposure.values()) {
      m.put(e, changes().stream().filter(c -> c.exposure() == e).count());
    }
    return m;
  }

  /** The vulnerability ids of from that the target fixes. */
  public List<String> fixed() {
    return releases.stream().flatMap(r -> r.fixes().stream()).toList();
  }
}
