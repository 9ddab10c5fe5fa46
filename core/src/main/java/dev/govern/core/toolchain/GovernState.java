package dev.govern.core.toolchain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The content of {@code $GOVERN_HOME/state.json}: the global default and the history of defaults
 * (what {@code rollback} returns to). Unknown fields are kept out of the way, not rejected, so
 * newer govern versions can add some.
 *
 * @param schemaVersion 1
 * @param defaultVersion the default toolchain name ({@code go1.22.4}), or null
 * @param history every default switch, oldest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GovernState(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("default") String defaultVersion,
    @JsonProperty("history") List<HistoryEntry> history) {

  public static final int SCHEMA_VERSION = 1;

  public GovernState {
    history = history == null ? List.of() : List.copyOf(history);
  }

  public static GovernState empty() {
    return new GovernState(SCHEMA_VERSION, null, List.of());
  }

  public Optional<String> defaultName() {
    return Optional.ofNullable(defaultVersion);
  }

  /** This state with {@code entry} as the new default, appended to the history. */
  public GovernState switchedTo(HistoryEntry entry) {
    List<HistoryEntry> h = new ArrayList<>(history);
    h.add(entry);
    return new GovernState(SCHEMA_VERSION, entry.version(), h);
  }

  /**
   * The default before the current one: the newest history entry, older than the last, whose
   * version differs from the current default.
   */
  public Optional<String> previousDefault() {
    for (int i = history.size() - 1; i >= 0; i--) {
      String v = history.get(i).version();
      if (!v.equals(defaultVersion)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * One switch of the default.
   *
   * @param version the new default ({@code go1.22.4})
   * @param time when, UTC RFC 3339
   * @param reason why, as the operator said it, or null
   * @param action {@code use} or {@code rollback}
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record HistoryEntry(
      @JsonProperty("version") String version,
      @JsonProperty("time") String time,
      @JsonProperty("reason") String reason,
      @JsonProperty("action") String action) {}
}
