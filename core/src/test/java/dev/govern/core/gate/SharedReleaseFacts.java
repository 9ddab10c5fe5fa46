package dev.govern.core.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Release facts read from the shared test data (go-releases.json), with Go's support rule. */
final class SharedReleaseFacts implements ReleaseFacts {
  private final List<GoVersion> releases = new ArrayList<>();
  private final Map<String, LocalDate> firstOfLine = new LinkedHashMap<>();

  SharedReleaseFacts() {
    Path file = Path.of(System.getProperty("govern.shared"), "data", "go-releases.json");
    try {
      for (JsonNode r : new ObjectMapper().readTree(file.toFile())) {
        if (r.path("date").isNull()) {
          continue;
        }
        GoVersion v = GoVersion.parse(r.path("version").asText());
        releases.add(v);
        firstOfLine.putIfAbsent(v.line(), LocalDate.parse(r.path("date").asText()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    releases.sort(null);
  }

  @Override
  public List<GoVersion> releases() {
    return releases;
  }

  @Override
  public boolean supported(GoVersion v, LocalDate asOf) {
    return endOfSupport(v).map(d -> asOf.isBefore(d)).orElse(true);
  }

  @Override
  public Optional<LocalDate> endOfSupport(GoVersion v) {
    return Optional.ofNullable(firstOfLine.get(v.major() + "." + (v.minor() + 2)));
  }
}
