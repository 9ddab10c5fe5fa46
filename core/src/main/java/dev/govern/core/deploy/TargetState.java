package dev.govern.core.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.govern.core.GovernException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a target folder remembers ({@code DIR/.govern/target.json}): its service, how to restart and
 * check it, every deployment with its health, and the deploy in progress. The {@code current} link,
 * not this file, says which release is live.
 *
 * @param schemaVersion 1
 * @param service the service deployed here
 * @param restart the restart command last used, or null
 * @param healthUrl the health URL last used, or null
 * @param healthCommand the health command last used, or null
 * @param healthTimeoutMs the health timeout last used, or null
 * @param history every release made current here, oldest first
 * @param pending the deploy in progress (left behind when one was killed), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetState(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("service") String service,
    @JsonProperty("restart") String restart,
    @JsonProperty("healthUrl") String healthUrl,
    @JsonProperty("healthCommand") String healthCommand,
    @JsonProperty("healthTimeoutMs") Long healthTimeoutMs,
    @JsonProperty("history") List<Deployment> history,
    @JsonProperty("pending") Pending pending) {

  public static final int SCHEMA_VERSION = 1;
  public static final String HEALTHY = "healthy";
  public static final String UNHEALTHY = "unhealthy";
  public static final String UNCHECKED = "unchecked";

  private static final Pattern ID = Pattern.compile("[0-9a-f]{" + Release.ID_LENGTH + "}");
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  public TargetState {
    history = history == null ? List.of() : List.copyOf(history);
  }

  /**
   * A release made current.
   *
   * @param release its id
   * @param action {@code deploy}, {@code rollback} or {@code revert}
   * @param time when (RFC 3339, UTC)
   * @param health {@code healthy}, {@code unhealthy} or {@code unchecked} (no check configured)
   * @param operator who did it
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Deployment(
      @JsonProperty("release") String release,
      @JsonProperty("action") String action,
      @JsonProperty("time") String time,
      @JsonProperty("health") String health,
      @JsonProperty("operator") String operator) {}

  /**
   * A deploy that started and has not finished (or was killed).
   *
   * @param action {@code deploy} or {@code rollback}
   * @param from the release current when it started, or null
   * @param to the release it is making current
   * @param startedAt when
   * @param pid the process that wrote it
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Pending(
      @JsonProperty("action") String action,
      @JsonProperty("from") String from,
      @JsonProperty("to") String to,
      @JsonProperty("startedAt") String startedAt,
      @JsonProperty("pid") long pid) {}

  public static TargetState fresh(ServiceName service) {
    return new TargetState(
        SCHEMA_VERSION, service.value(), null, null, null, null, List.of(), null);
  }

  /** Reads the file's bytes; {@code where} names it in errors. */
  public static TargetState parse(byte[] json, String where) {
    TargetState s;
    try {
      s = JSON.readValue(json, TargetState.class);
    } catch (IOException e) {
      throw bad(where, Release.firstLine(e.getMessage()));
    }
    if (s == null) {
      throw bad(where, "empty document");
    }
    if (s.schemaVersion != SCHEMA_VERSION) {
      throw bad(where, "schemaVersion " + s.schemaVersion + " (this govern reads 1)");
    }
    try {
      ServiceName.parse(s.service);
    } catch (GovernException e) {
      throw bad(where, e.getMessage());
    }
    for (Deployment d : s.history) {
      if (d == null || d.release() == null || !ID.matcher(d.release()).matches()) {
        throw bad(where, "a history entry without a release id");
      }
    }
    Pending p = s.pending;
    if (p != null
        && (p.to() == null
            || !ID.matcher(p.to()).matches()
            || (p.from() != null && !ID.matcher(p.from()).matches()))) {
      throw bad(where, "a pending deploy without valid release ids");
    }
    return s;
  }

  public byte[] toJson() {
    try {
      return (JSON.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot render the target state", e);
    }
  }

  private static GovernException bad(String where, String detail) {
    return GovernException.invalidInput(where + ": not a govern target state: " + detail);
  }

  public Optional<Pending> pendingDeploy() {
    return Optional.ofNullable(pending);
  }

  /**
   * The release to roll back to: the newest deployment, other than {@code current}, that was not
   * found unhealthy.
   */
  public Optional<String> previousHealthy(String current) {
    for (int i = history.size() - 1; i >= 0; i--) {
      Deployment d = history.get(i);
      if (!d.release().equals(current) && !UNHEALTHY.equals(d.health())) {
        return Optional.of(d.release());
      }
    }
    return Optional.empty();
  }

  public TargetState withPending(Pending p) {
    return new TargetState(
        schemaVersion, service, restart, healthUrl, healthCommand, healthTimeoutMs, history, p);
  }

  /** This state with how to restart and check the service. */
  public TargetState withChecks(String restart, String url, String command, Long timeoutMs) {
    return new TargetState(
        schemaVersion, service, restart, url, command, timeoutMs, history, pending);
  }

  /** This state with {@code done} appended and nothing pending. */
  public TargetState finished(List<Deployment> done) {
    List<Deployment> h = new ArrayList<>(history);
    h.addAll(done);
    return new TargetState(
        schemaVersion, service, restart, healthUrl, healthCommand, healthTimeoutMs, h, null);
  }
}
