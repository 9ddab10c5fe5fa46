package dev.govern.core.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.govern.core.GovernException;
import dev.govern.core.io.AtomicFiles;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Saved scans under {@code $GOVERN_HOME/scans/} (one JSON file per scan, named by its time), and
 * what changed between two scans.
 */
public final class ScanStore {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;

  public ScanStore(Path dir) {
    this.dir = dir;
  }

  /** One service as saved. */
  public record SavedService(
      String name,
      String riskClass,
      String go,
      boolean supported,
      int stdlib,
      int toolchain,
      int modules) {}

  /** One saved scan. */
  public record SavedScan(
      int schemaVersion, Instant scannedAt, List<String> roots, List<SavedService> services) {}

  /** What changed for one service. */
  public record Change(String kind, String service, String before, String after) {}

  public static SavedScan summarize(Inventory inv) {
    List<SavedService> rows = new ArrayList<>();
    for (Service s : inv.services()) {
      rows.add(
          new SavedService(
              s.name(),
              s.riskClass().word(),
              s.effective().map(GoVersion::toString).orElse(null),
              s.supported(),
              s.stdlib().size(),
              s.toolchain().size(),
              s.modules().size()));
    }
    return new SavedScan(1, inv.scannedAt(), inv.roots(), rows);
  }

  /** Saves {@code inv}; returns the file. */
  public Path save(Inventory inv) {
    Path file = dir.resolve("scan-" + NAME.format(inv.scannedAt()) + ".json");
    try {
      AtomicFiles.write(file, JSON.writeValueAsBytes(summarize(inv)));
    } catch (IOException e) {
      throw GovernException.runtime("cannot save the scan to " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** The newest saved scan, if any. */
  public Optional<SavedScan> latest() {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      Optional<Path> newest =
          files
              .filter(p -> p.getFileName().toString().matches("scan-.*\\.json"))
              .max(Path::compareTo);
      if (newest.isEmpty()) {
        return Optional.empty();
      }
      try {
        return Optional.of(JSON.readValue(newest.get().toFile(), SavedScan.class));
      } catch (IOException e) {
        throw GovernException.invalidInput(
            "cannot read saved scan " + newest.get() + ": " + e.getMessage());
      }
    } catch (IOException e) {
      throw GovernException.runtime("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Upgraded, regressed, new and gone services between {@code before} and {@code after}. */
  public static List<Change> diff(SavedScan before, SavedScan after) {
    Map<String, SavedService> old = new LinkedHashMap<>();
    before.services().forEach(s -> old.put(s.name(), s));
    Map<String, SavedService> now = new LinkedHashMap<>();
    after.services().forEach(s -> now.put(s.name(), s));
    List<Change> out = new ArrayList<>();
    for (SavedService s : after.services()) {
      SavedService o = old.get(s.name());
      if (o == null) {
        out.add(new Change("new", s.name(), null, describe(s)));
        continue;
      }
      int versions = compare(o.go(), s.go());
      int classes =
          RiskClass.valueOf(s.riskClass().toUpperCase(java.util.Locale.ROOT))
              .compareTo(RiskClass.valueOf(o.riskClass().toUpperCase(java.util.Locale.ROOT)));
      if (versions < 0 || classes < 0 && versions <= 0) {
        out.add(new Change("regressed", s.name(), describe(o), describe(s)));
      } else if (versions > 0 || classes > 0) {
        out.add(new Change("upgraded", s.name(), describe(o), describe(s)));
      }
    }
    for (SavedService o : before.services()) {
      if (!now.containsKey(o.name())) {
        out.add(new Change("gone", o.name(), describe(o), null));
      }
    }
    return out;
  }

  /** Positive when {@code after} is a newer Go than {@code before}. */
  private static int compare(String before, String after) {
    if (before == null || after == null) {
      return 0;
    }
    return GoVersion.parse(after).compareTo(GoVersion.parse(before));
  }

  private static String describe(SavedService s) {
    return (s.go() == null ? "unknown" : s.go()) + " " + s.riskClass();
  }
}
