package dev.govern.core.sumdb;

import dev.govern.core.GovernException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code GOSUMDB} setting, read as the go command reads it: {@code off}, the name of a known
 * database ({@code sum.golang.org}, the default), a verifier key, or a key and the URL to reach the
 * database at ({@code "<key> <url>"}, which bypasses the proxies). {@code sum.golang.google.cn} is
 * an alias of sum.golang.org reached at its own host.
 *
 * @param key the database's verifier key
 * @param url the URL given after the key, or null to find the database through the proxies
 */
public record GoSumDb(NoteKey key, URI url) {
  private static final Map<String, String> KNOWN = Map.of("sum.golang.org", NoteKey.SUM_GOLANG_ORG);

  /** The database's name (its key's name, a host and optional path). */
  public String name() {
    return key.name();
  }

  /** Where the database itself answers when no proxy serves it: {@code https://<name>/}. */
  public URI directUrl() {
    return url != null ? url : URI.create("https://" + name());
  }

  /**
   * Parses a {@code GOSUMDB} value; empty for {@code off}. A blank value means the default.
   *
   * @throws GovernException INVALID_INPUT naming the value when it is malformed
   */
  public static Optional<GoSumDb> parse(String value) {
    String v = value == null || value.isBlank() ? "sum.golang.org" : value.strip();
    if (v.equals("off")) {
      return Optional.empty();
    }
    if (v.equals("sum.golang.google.cn")) {
      v = "sum.golang.org https://sum.golang.google.cn";
    }
    String[] fields = v.split("\\s+");
    if (fields.length > 2) {
      throw GovernException.invalidInput("invalid GOSUMDB \"" + value + "\": too many fields");
    }
    NoteKey key = NoteKey.parse(KNOWN.getOrDefault(fields[0], fields[0]));
    if (!key.name().matches("[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~-]+)*")) {
      throw GovernException.invalidInput(
          "invalid GOSUMDB \"" + value + "\": the key name must be host[/path]");
    }
    URI url = null;
    if (fields.length == 2) {
      try {
        url = URI.create(fields[1]);
      } catch (IllegalArgumentException e) {
        throw GovernException.invalidInput("invalid GOSUMDB URL \"" + fields[1] + "\"");
      }
      if (url.getScheme() == null || url.getHost() == null && !"file".equals(url.getScheme())) {
        throw GovernException.invalidInput("invalid GOSUMDB URL \"" + fields[1] + "\"");
      }
    }
    return Optional.of(new GoSumDb(key, url));
  }
}
