package dev.govern.core.vuln;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.core.GovernException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads OSV JSON (schema 1.x as the Go database writes it) into {@link OsvEntry}. Unknown fields
 * are ignored; only SEMVER ranges are used (the Go database writes no others; the database-specific
 * {@code custom_ranges} are informational and ignored). Zero times ({@code 0001-01-01T00:00:00Z},
 * as in the vulndb repository) and real times are both accepted.
 */
public final class OsvParser {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OsvParser() {}

  /** The mapper used for all vulnerability-database JSON. */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses one entry.
   *
   * @param name the file or URL the bytes came from, for error messages
   */
  public static OsvEntry parse(byte[] json, String name) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw GovernException.invalidInput(name + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw GovernException.invalidInput(name + ": cannot read: " + e.getMessage());
    }
    if (root == null || !root.isObject() || !root.path("id").isTextual()) {
      throw GovernException.invalidInput(name + ": not an OSV entry (no \"id\")");
    }
    String id = root.get("id").asText();
    List<AffectedModule> affected = new ArrayList<>();
    for (JsonNode a : root.path("affected")) {
      affected.add(affected(a, name));
    }
    return new OsvEntry(
        id,
        strings(root.path("aliases")),
        root.path("summary").asText(""),
        time(root.path("published"), name),
        time(root.path("modified"), name),
        time(root.path("withdrawn"), name),
        affected,
        root.path("database_specific").path("url").asText(""));
  }

  private static AffectedModule affected(JsonNode a, String name) {
    String module = a.path("package").path("name").asText("");
    if (module.isEmpty()) {
      throw GovernException.invalidInput(name + ": an \"affected\" element has no package name");
    }
    List<OsvRange> ranges = new ArrayList<>();
    for (JsonNode r : a.path("ranges")) {
      if (!r.path("type").asText("").equals("SEMVER")) {
        continue;
      }
      List<OsvRange.Event> events = new ArrayList<>();
      for (JsonNode e : r.path("events")) {
        event(e, "introduced", OsvRange.Kind.INTRODUCED, events);
        event(e, "fixed", OsvRange.Kind.FIXED, events);
        event(e, "last_affected", OsvRange.Kind.LAST_AFFECTED, events);
      }
      ranges.add(new OsvRange(events));
    }
    List<AffectedPackage> packages = new ArrayList<>();
    for (JsonNode p : a.path("ecosystem_specific").path("imports")) {
      packages.add(
          new AffectedPackage(
              p.path("path").asText(""),
              strings(p.path("symbols")),
              strings(p.path("goos")),
              strings(p.path("goarch"))));
    }
    return new AffectedModule(module, ranges, strings(a.path("versions")), packages);
  }

  private static void event(
      JsonNode e, String field, OsvRange.Kind kind, List<OsvRange.Event> out) {
    JsonNode v = e.get(field);
    if (v != null && v.isTextual()) {
      out.add(OsvRange.Event.of(kind, v.asText()));
    }
  }

  private static List<String> strings(JsonNode array) {
    if (!array.isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(array.size());
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** An RFC 3339 time; empty for a missing field or the zero time (year 1). */
  static Optional<Instant> time(JsonNode node, String name) {
    if (node == null || !node.isTextual() || node.asText().isEmpty()) {
      return Optional.empty();
    }
    try {
      Instant t = OffsetDateTime.parse(node.asText()).toInstant();
      return t.isBefore(Instant.parse("1970-01-01T00:00:00Z")) ? Optional.empty() : Optional.of(t);
    } catch (DateTimeParseException e) {
      throw GovernException.invalidInput(name + ": bad time \"" + node.asText() + "\"");
    }
  }
}
