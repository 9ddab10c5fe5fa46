package dev.govern.core.deploy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.govern.core.GovernException;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One recorded build of a service: the binary's SHA-256 (whose first 12 hex digits are the release
 * id) and what its build info says. Stored as JSON in the release store and beside the binary in
 * every release folder of a target. Absent facts are empty strings.
 *
 * @param schemaVersion 1
 * @param id the first 12 hex digits of {@code sha256}
 * @param service the service name
 * @param sha256 the binary's SHA-256, lower-case hex
 * @param size the binary's size in bytes
 * @param file the recorded file's name
 * @param goVersion the Go version as stamped, empty without build info
 * @param module the main module path
 * @param moduleVersion the main module version
 * @param mainPackage the main package path
 * @param revision {@code vcs.revision}
 * @param revisionTime {@code vcs.time}
 * @param modified {@code vcs.modified}, null when not stamped
 * @param buildId the Go build ID
 * @param recordedAt when it was recorded (RFC 3339, UTC)
 * @param recordedBy who recorded it
 * @param source the path it was recorded from
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Release(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("id") String id,
    @JsonProperty("service") String service,
    @JsonProperty("sha256") String sha256,
    @JsonProperty("size") long size,
    @JsonProperty("file") String file,
    @JsonProperty("goVersion") String goVersion,
    @JsonProperty("module") String module,
    @JsonProperty("moduleVersion") String moduleVersion,
    @JsonProperty("mainPackage") String mainPackage,
    @JsonProperty("revision") String revision,
    @JsonProperty("revisionTime") String revisionTime,
    @JsonProperty("modified") Boolean modified,
    @JsonProperty("buildId") String buildId,
    @JsonProperty("recordedAt") String recordedAt,
    @JsonProperty("recordedBy") String recordedBy,
    @JsonProperty("source") String source) {

  public static final int SCHEMA_VERSION = 1;

  /** Hex digits of the SHA-256 that make the release id. */
  public static final int ID_LENGTH = 12;

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public Release {
    file = orEmpty(file);
    goVersion = orEmpty(goVersion);
    module = orEmpty(module);
    moduleVersion = orEmpty(moduleVersion);
    mainPackage = orEmpty(mainPackage);
    revision = orEmpty(revision);
    revisionTime = orEmpty(revisionTime);
    buildId = orEmpty(buildId);
    recordedBy = orEmpty(recordedBy);
    source = orEmpty(source);
  }

  /** A new record of a binary with SHA-256 {@code sha256} and (possibly no) build facts. */
  public static Release of(
      ServiceName service,
      String sha256,
      long size,
      String file,
      Optional<BinaryFacts> facts,
      Instant recordedAt,
      String recordedBy,
      String source) {
    BinaryFacts f = facts.orElse(null);
    return new Release(
        SCHEMA_VERSION,
        sha256.substring(0, ID_LENGTH),
        service.value(),
        sha256,
        size,
        file,
        f == null ? "" : f.goVersion(),
        f == null ? "" : f.module(),
        f == null ? "" : f.moduleVersion(),
        f == null ? "" : f.mainPackage(),
        f == null ? "" : f.revision(),
        f == null ? "" : f.revisionTime(),
        f == null ? null : f.modified(),
        f == null ? "" : f.buildId(),
        recordedAt.toString(),
        recordedBy,
        source);
  }

  /**
   * Reads a release record; {@code where} names the file in errors. Every field is checked: the id
   * must be the start of the SHA-256, the service a valid name, the time RFC 3339.
   */
  public static Release parse(byte[] json, String where) {
    Release r;
    try {
      r = JSON.readValue(json, Release.class);
    } catch (IOException e) {
      throw bad(where, firstLine(e.getMessage()));
    }
    if (r == null) {
      throw bad(where, "empty document");
    }
    if (r.schemaVersion != SCHEMA_VERSION) {
      throw bad(where, "schemaVersion " + r.schemaVersion + " (this govern reads 1)");
    }
    if (r.sha256 == null || !SHA256.matcher(r.sha256).matches()) {
      throw bad(where, "sha256 is not 64 lower-case hex digits");
    }
    if (r.id == null || !r.id.equals(r.sha256.substring(0, ID_LENGTH))) {
      throw bad(where, "id \"" + r.id + "\" is not the start of its sha256");
    }
    if (r.size < 0) {
      throw bad(where, "negative size");
    }
    try {
      ServiceName.parse(r.service);
    } catch (GovernException e) {
      throw bad(where, e.getMessage());
    }
    try {
      Instant.parse(String.valueOf(r.recordedAt));
    } catch (DateTimeParseException e) {
      throw bad(where, "recordedAt is not an RFC 3339 time: \"" + r.recordedAt + "\"");
    }
    return r;
  }

  /** The JSON form (pretty, with a final newline). */
  public byte[] toJson() {
    try {
      return (JSON.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot render release " + id, e);
    }
  }

  @JsonIgnore
  public Instant recordedInstant() {
    return Instant.parse(recordedAt);
  }

  /** The Go release that built it, when the stamp names one. */
  @JsonIgnore
  public Optional<GoVersion> goRelease() {
    String word = goVersion.strip().split("\\s+")[0];
    if (word.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(GoVersion.parse(word));
    } catch (GovernException e) {
      return Optional.empty();
    }
  }

  /** The first 12 characters of the revision, or {@code -}. */
  @JsonIgnore
  public String shortRevision() {
    return revision.isEmpty() ? "-" : revision.substring(0, Math.min(12, revision.length()));
  }

  /** {@code 3f2a1b9c0d11 (rev 1a2b3c4d5e6f, go1.22.4)}: for messages and lists. */
  @JsonIgnore
  public String label() {
    return id
        + " (rev "
        + shortRevision()
        + (Boolean.TRUE.equals(modified) ? "+modified" : "")
        + ", "
        + (goVersion.isEmpty() ? "no build info" : goVersion)
        + ")";
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static GovernException bad(String where, String detail) {
    return GovernException.invalidInput(where + ": not a release record: " + detail);
  }

  static String firstLine(String s) {
    String line = s == null ? "" : s.lines().findFirst().orElse("");
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
