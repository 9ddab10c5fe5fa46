package dev.govern.core.fleet;

import dev.govern.core.evidence.VersionEvidence;
import java.util.List;
import java.util.Map;

/**
 * The JSON document of a fleet scan: what {@code govern scan --format json} prints and what {@code
 * govern scan --push} sends to the team server, which reads it back into this record.
 */
public record ScanDocument(
    int schemaVersion,
    String scannedAt,
    List<String> roots,
    Map<RiskClass, Long> classes,
    List<Row> services,
    List<String> problems,
    List<ScanStore.Change> changes) {

  public record Row(
      String name,
      String root,
      String owner,
      String riskClass,
      List<String> because,
      String go,
      String goFrom,
      Boolean supported,
      List<String> stdlib,
      List<String> toolchain,
      List<String> modules,
      String fix,
      List<Evidence> evidence) {}

  public record Evidence(
      String kind,
      String file,
      Integer line,
      String text,
      String version,
      int confidence,
      boolean floating,
      boolean minimum) {}

  public static ScanDocument of(Inventory inv, List<ScanStore.Change> changes) {
    return new ScanDocument(
        1,
        inv.scannedAt().toString(),
        inv.roots(),
        inv.classCounts(),
        inv.services().stream().map(ScanDocument::row).toList(),
        inv.problems(),
        changes);
  }

  private static Row row(Service s) {
    return new Row(
        s.name(),
        s.root().toString(),
        s.owner().orElse(null),
        s.riskClass().word(),
        s.because().stream().map(Condition::word).toList(),
        s.effective().map(Object::toString).orElse(null),
        s.effectiveFrom().map(e -> e.kind().label()).orElse(null),
        s.effective().isPresent() ? s.supported() : null,
        s.stdlib(),
        s.toolchain(),
        s.modules(),
        s.fix().map(Object::toString).orElse(null),
        s.evidence().stream().map(ScanDocument::evidence).toList());
  }

  private static Evidence evidence(VersionEvidence e) {
    return new Evidence(
        e.kind().label(),
        e.file().toString(),
        e.line() > 0 ? e.line() : null,
        e.text(),
        e.version().map(Object::toString).orElse(null),
        e.kind().confidence(),
        e.floating(),
        e.minimum());
  }
}
