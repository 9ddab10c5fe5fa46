package dev.govern.cli.fleet;

import dev.govern.core.evidence.VersionEvidence;
import dev.govern.core.fleet.Condition;
import dev.govern.core.fleet.Service;
import java.util.List;
import java.util.stream.Collectors;

/** The flat columns every tabular fleet report shares. */
final class FleetRows {
  static final List<String> HEADER =
      List.of(
          "class",
          "service",
          "owner",
          "go",
          "from",
          "supported",
          "stdlib",
          "toolchain",
          "modules",
          "fix",
          "why",
          "evidence");

  private FleetRows() {}

  static List<String> row(Service s) {
    return List.of(
        s.riskClass().word(),
        s.name(),
        s.owner().orElse(""),
        s.effective().map(Object::toString).orElse("unknown"),
        s.effectiveFrom().map(e -> e.kind().label()).orElse(""),
        s.effective().isEmpty() ? "?" : s.supported() ? "yes" : "no",
        count(s.stdlib()),
        count(s.toolchain()),
        count(s.modules()),
        s.fix().map(Object::toString).orElse(""),
        s.because().stream().map(Condition::word).collect(Collectors.joining(" ")),
        s.evidence().stream().map(FleetRows::evidence).collect(Collectors.joining("; ")));
  }

  static String evidence(VersionEvidence e) {
    return e.kind().label() + " " + e.text() + " @ " + e.location();
  }

  private static String count(List<String> ids) {
    return Integer.toString(ids.size());
  }
}
