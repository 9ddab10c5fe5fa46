package dev.govern.core.gate;

import dev.govern.core.evidence.EffectiveVersion;
import dev.govern.core.evidence.EvidenceKind;
import dev.govern.core.evidence.ModuleRequirement;
import dev.govern.core.evidence.VersionEvidence;
import dev.govern.core.facts.Advisory;
import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.governance.policy.Denial;
import dev.govern.core.governance.policy.EffectivePolicy;
import dev.govern.core.governance.policy.RuleLevel;
import dev.govern.core.module.ModuleVersion;
import dev.govern.core.version.GoVersion;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a policy to the version evidence of one repository (and its built binaries).
 *
 * <p>What builds is judged, not what is merely allowed: binaries, Dockerfile and CI pins, pin files
 * and toolchain lines are judged as the Go that builds; a {@code go} line is a minimum and is only
 * checked for consistency with the others. A floating pin ({@code golang:1.22}) is judged as the
 * newest patch of its line. When binaries are given, the standard-library vulnerability rule judges
 * them alone: the binary is the truth about shipped code.
 */
public final class Gate {
  private final ReleaseFacts releases;
  private final VulnFacts vulns;
  private final LocalDate asOf;

  public Gate(ReleaseFacts releases, VulnFacts vulns, LocalDate asOf) {
    this.releases = releases;
    this.vulns = vulns;
    this.asOf = asOf;
  }

  /** Judges {@code evidence} and {@code binaries} of {@code repo} under {@code policy}. */
  public GateReport judge(
      Path repo,
      String environment,
      EffectivePolicy policy,
      List<VersionEvidence> evidence,
      List<BinaryFacts> binaries) {
    return judge(repo, environment, policy, evidence, List.of(), binaries);
  }

  /**
   * As above, with the module requirements of the repository's go.mod files: their known
   * vulnerabilities are judged when no binary is given (a binary's linked modules are the truth).
   */
  public GateReport judge(
      Path repo,
      String environment,
      EffectivePolicy policy,
      List<VersionEvidence> evidence,
      List<ModuleRequirement> requirements,
      List<BinaryFacts> binaries) {
    Run run = new Run(policy);
    List<Judged> building = new ArrayList<>();
    for (VersionEvidence e : evidence) {
      if (e.kind() == EvidenceKind.GO_LINE) {
        continue;
      }
      Optional<GoVersion> v = EffectiveVersion.of(e, releases);
      if (v.isEmpty()) {
        run.add(
            Severity.INFO,
            "evidence",
            "cannot tell which Go \"" + e.text() + "\" means",
            null,
            e,
            List.of());
        continue;
      }
      building.add(new Judged(e, v.get()));
    }
    for (BinaryFacts b : binaries) {
      VersionEvidence e =
          new VersionEvidence(
              EvidenceKind.BINARY,
              b.file(),
              0,
              b.goVersion().toString(),
              Optional.of(b.goVersion()),
              false,
              false);
      building.add(new Judged(e, b.goVersion()));
    }
    if (building.isEmpty()) {
      noBuildingEvidence(run, repo, evidence);
    }
    UpgradeTarget target = new UpgradeTarget(releases, vulns, policy, asOf);
    for (Judged j : building) {
      versionRules(run, j, target);
    }
    vulnerabilityRules(run, building, binaries, target);
    if (binaries.isEmpty() && vulns.available()) {
      requirementRules(run, requirements);
    }
    consistency(run, evidence, building);
    return new GateReport(repo, environment, run.findings);
  }

  private void noBuildingEvidence(Run run, Path repo, List<VersionEvidence> evidence) {
    Optional<VersionEvidence> goLine =
        evidence.stream().filter(e -> e.kind() == EvidenceKind.GO_LINE).findFirst();
    if (goLine.isPresent()) {
      VersionEvidence g = goLine.get();
      run.add(
          run.policy.consistency(),
          "evidence",
          "nothing pins the Go that builds this code; the go line "
              + g.text()
              + " is only a minimum",
          "pin a toolchain: govern pin <version> --toolchain (or add a toolchain line)",
          g,
          List.of());
    } else {
      run.addAt(
          Severity.WARN,
          "evidence",
          repo,
          0,
          "no Go version evidence found (no go.mod, pin, Dockerfile, CI or binary)",
          null,
          List.of());
    }
  }

  private void versionRules(Run run, Judged j, UpgradeTarget target) {
    EffectivePolicy p = run.policy;
    GoVersion v = j.version;
    String what = describe(j);
    Optional<Denial> denial = p.denial(v);
    if (denial.isPresent()) {
      Denial d = denial.get();
      run.add(
          Severity.FAIL,
          "denied",
          what + " is denied: " + d.reason(),
          fix(j, target),
          j.e,
          d.advisories());
    } else if (p.allow().isPresent() && !p.allow().get().contains(v)) {
      run.add(
          Severity.FAIL,
          "allowed",
          what + " is outside the allowed range " + p.allow().get(),
          fix(j, target),
          j.e,
          List.of());
    }
    if (!releases.supported(v, asOf)) {
      String since = releases.endOfSupport(v).map(d -> " since " + d).orElse("");
      run.add(
          p.supported(),
          "supported",
          what + ": Go " + v.line() + " is end of life" + since,
          fix(j, target),
          j.e,
          List.of());
    }
    if (!j.e.floating() && v.isRelease()) {
      int lag = releases.patchLag(v);
      if (lag > p.maxPatchLag()) {
        String newest = releases.latestPatch(v).map(GoVersion::toString).orElse("?");
        run.add(
            p.patchLag(),
            "patch-lag",
            what
                + " is "
                + lag
                + " patch release"
                + (lag == 1 ? "" : "s")
                + " behind "
                + newest
                + " (allowed: "
                + p.maxPatchLag()
                + ")",
            fix(j, target),
            j.e,
            List.of());
      }
    }
  }

  private void vulnerabilityRules(
      Run run, List<Judged> building, List<BinaryFacts> binaries, UpgradeTarget target) {
    EffectivePolicy p = run.policy;
    if (!vulns.available()) {
      Path where = building.isEmpty() ? Path.of(".") : building.get(0).e.file();
      run.addAt(
          Severity.WARN,
          "vuln-stdlib",
          where,
          0,
          "vulnerabilities: unknown: no data (offline and nothing cached)",
          "run once online, or give --vulndb DIR",
          List.of());
      return;
    }
    boolean binaryIsTruth = !binaries.isEmpty();
    Set<String> toolchainSeen = new LinkedHashSet<>();
    for (Judged j : building) {
      boolean isBinary = j.e.kind() == EvidenceKind.BINARY;
      if (!binaryIsTruth || isBinary) {
        List<Advisory> std = vulns.stdlib(j.version);
        if (!std.isEmpty()) {
          run.add(
              p.stdlib(),
              "vuln-stdlib",
              describe(j)
                  + " has "
                  + std.size()
                  + " known standard-library vulnerabilit"
                  + (std.size() == 1 ? "y" : "ies")
                  + ": "
                  + ids(std),
              fix(j, target),
              j.e,
              std.stream().map(Advisory::id).toList());
        }
      }
      if (toolchainSeen.add(j.version + "@" + j.e.location())) {
        List<Advisory> tc = vulns.toolchain(j.version);
        if (!tc.isEmpty()) {
          run.add(
              p.toolchain(),
              "vuln-toolchain",
              "build machine: "
                  + describe(j)
                  + " has "
                  + tc.size()
                  + " known toolchain vulnerabilit"
                  + (tc.size() == 1 ? "y" : "ies")
                  + ": "
                  + ids(tc),
              fix(j, target),
              j.e,
              tc.stream().map(Advisory::id).toList());
        }
      }
    }
    for (BinaryFacts b : binaries) {
      for (BinaryFacts.ModuleRef m : b.modules()) {
        List<Advisory> found = vulns.module(m.path(), m.version());
        if (!found.isEmpty()) {
          String fixed =
              found.stream()
                  .flatMap(a -> a.fixedIn().stream())
                  .max(Gate::compareModuleVersions)
                  .map(f -> "upgrade " + m.path() + " to " + f)
                  .orElse(null);
          run.addAt(
              p.modules(),
              "vuln-module",
              b.file(),
              0,
              m.path() + "@" + m.version() + " has known vulnerabilities: " + ids(found),
              fixed,
              found.stream().map(Advisory::id).toList());
        }
      }
    }
  }

  private void requirementRules(Run run, List<ModuleRequirement> requirements) {
    for (ModuleRequirement r : requirements) {
      if (r.version().isEmpty()) {
        continue; // a directory replacement: nothing published to match
      }
      List<Advisory> found = vulns.module(r.path(), r.version());
      if (!found.isEmpty()) {
        String fixed =
            found.stream()
                .flatMap(a -> a.fixedIn().stream())
                .max(Gate::compareModuleVersions)
                .map(f -> "require " + r.path() + " " + (f.startsWith("v") ? f : "v" + f))
                .orElse(null);
        run.addAt(
            run.policy.modules(),
            "vuln-module",
            r.file(),
            r.line(),
            r.path() + "@" + r.version() + " has known vulnerabilities: " + ids(found),
            fixed,
            found.stream().map(Advisory::id).toList());
      }
    }
  }

  private void consistency(Run run, List<VersionEvidence> evidence, List<Judged> building) {
    RuleLevel level = run.policy.consistency();
    List<VersionEvidence> goLines =
        evidence.stream()
            .filter(e -> e.kind() == EvidenceKind.GO_LINE && e.version().isPresent())
            .toList();
    for (VersionEvidence g : goLines) {
      GoVersion min = g.version().get();
      for (Judged j : building) {
        if (j.version.compareIgnoringSuffix(min) < 0) {
          String fixText =
              j.e.kind() == EvidenceKind.TOOLCHAIN_LINE
                  ? "raise the toolchain line to at least " + min + " or lower the go line"
                  : fixTo(j, min.isLanguageVersion() ? releases.latestPatch(min).orElse(min) : min);
          run.add(
              level,
              "consistency",
              describe(j) + " is older than the minimum " + min + " required by " + g.location(),
              fixText,
              j.e,
              List.of());
        }
      }
    }
    List<Judged> exact =
        building.stream()
            .filter(j -> !j.e.floating() && j.e.kind() != EvidenceKind.BINARY)
            .toList();
    Set<String> lines =
        exact.stream()
            .map(j -> j.version.line())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    if (lines.size() > 1) {
      // the sources disagree on the line: the older ones are out of step with the newest
      Judged first = exact.stream().max((a, b) -> a.version.compareTo(b.version)).orElseThrow();
      for (Judged j : exact) {
        if (!j.version.line().equals(first.version.line())) {
          run.add(
              level,
              "consistency",
              describe(j)
                  + " disagrees with "
                  + first.e.kind().label()
                  + " "
                  + first.version
                  + " at "
                  + first.e.location(),
              fixTo(j, first.version),
              j.e,
              List.of());
        }
      }
    }
  }

  /** Module versions in Go's order (OSV writes them with or without the leading v). */
  private static int compareModuleVersions(String a, String b) {
    return ModuleVersion.compare(a.startsWith("v") ? a : "v" + a, b.startsWith("v") ? b : "v" + b);
  }

  private static String ids(List<Advisory> list) {
    List<String> ids = list.stream().map(Advisory::id).distinct().toList();
    return ids.size() <= 5
        ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
  }

  private static String describe(Judged j) {
    String text = j.e.floating() ? j.e.text() + " (now " + j.version + ")" : j.version.toString();
    return j.e.kind().label() + " " + text;
  }

  private String fix(Judged j, UpgradeTarget target) {
    return target.from(j.version).map(t -> fixTo(j, t)).orElse(null);
  }

  /** The concrete edit that makes evidence {@code j} name version {@code t}. */
  static String fixTo(Judged j, GoVersion t) {
    String bare = t.bare();
    return switch (j.e.kind()) {
      case BINARY, IMAGE -> "rebuild with " + t;
      case DOCKERFILE -> "FROM " + dockerTag(j.e.text(), bare);
      case CI -> "set go-version: '" + bare + "' in actions/setup-go";
      case PIN -> "pin " + bare + " in " + j.e.file().getFileName() + " (govern pin " + bare + ")";
      case LOCAL -> "switch this machine: govern use " + bare + " --default";
      case TOOLCHAIN_LINE -> "raise the toolchain line to " + t;
      case GO_LINE -> "set the go line to " + t;
    };
  }

  /** {@code golang:1.21.3-alpine} with version 1.22.12 → {@code golang:1.22.12-alpine}. */
  static String dockerTag(String text, String bare) {
    String tag = text.startsWith("golang:") ? text.substring(7) : text;
    String rest = tag.replaceFirst("^(?:go)?\\d+(?:\\.\\d+){0,2}(?:(?:rc|beta)\\d+)?(?:\\.x)?", "");
    return "golang:" + bare + rest;
  }

  /** Evidence and the version it is judged as. */
  record Judged(VersionEvidence e, GoVersion version) {}

  private static final class Run {
    final EffectivePolicy policy;
    final List<Finding> findings = new ArrayList<>();

    Run(EffectivePolicy policy) {
      this.policy = policy;
    }

    void add(
        RuleLevel level,
        String rule,
        String message,
        String fix,
        VersionEvidence e,
        List<String> advisories) {
      add(toSeverity(level), rule, message, fix, e, advisories);
    }

    void add(
        Severity s,
        String rule,
        String message,
        String fix,
        VersionEvidence e,
        List<String> advisories) {
      if (s != null) {
        findings.add(
            new Finding(
                s, rule, message, Optional.ofNullable(fix), e.file(), e.line(), advisories));
      }
    }

    void addAt(
        RuleLevel level,
        String rule,
        Path file,
        int line,
        String message,
        String fix,
        List<String> advisories) {
      addAt(toSeverity(level), rule, file, line, message, fix, advisories);
    }

    void addAt(
        Severity s,
        String rule,
        Path file,
        int line,
        String message,
        String fix,
        List<String> advisories) {
      if (s != null) {
        findings.add(
            new Finding(s, rule, message, Optional.ofNullable(fix), file, line, advisories));
      }
    }

    private static Severity toSeverity(RuleLevel level) {
      return switch (level) {
        case FAIL -> Severity.FAIL;
        case WARN -> Severity.WARN;
        case OFF -> null;
      };
    }
  }
}
