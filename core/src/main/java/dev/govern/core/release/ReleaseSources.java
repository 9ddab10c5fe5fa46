package dev.govern.core.release;

import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import dev.govern.core.net.UrlFetcher;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Where release data comes from: the index URL, the base URL of the archives, whether the network
 * may be used, and how old a cached index may be before it is fetched again.
 *
 * <p>Precedence: {@code --mirror BASE} (index at {@code BASE/index.json}, archives at {@code
 * BASE/<file>}) over {@code GOVERN_INDEX_URL} / {@code GOVERN_DOWNLOAD_BASE} (or the config keys
 * {@code index-url} / {@code download-base}) over {@code GOVERN_MIRROR} (config {@code mirror})
 * over go.dev.
 */
public record ReleaseSources(URI index, String downloadBase, boolean offline, Duration maxAge) {
  public static final String DEFAULT_INDEX = "https://go.dev/dl/?mode=json&include=all";
  public static final String DEFAULT_DOWNLOAD_BASE = "https://dl.google.com/go/";
  public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

  /** Sources from a {@code --mirror} flag (or null), an {@code --offline} flag and the settings. */
  public static ReleaseSources from(Settings settings, String mirrorFlag, boolean offlineFlag) {
    String index;
    String base;
    if (mirrorFlag != null && !mirrorFlag.isBlank()) {
      index = UrlFetcher.resolve(mirrorFlag, "index.json").toString();
      base = mirrorFlag;
    } else {
      String mirror = settings.get("mirror").orElse(null);
      index =
          settings
              .get("index-url")
              .orElse(
                  mirror != null
                      ? UrlFetcher.resolve(mirror, "index.json").toString()
                      : DEFAULT_INDEX);
      base = settings.get("download-base").orElse(mirror != null ? mirror : DEFAULT_DOWNLOAD_BASE);
    }
    Duration maxAge = DEFAULT_MAX_AGE;
    String age = settings.get("index-max-age").orElse(null);
    if (age != null) {
      try {
        maxAge = Duration.parse(age.startsWith("P") ? age : "PT" + age);
      } catch (DateTimeParseException e) {
        throw GovernException.invalidInput(
            "bad index-max-age \"" + age + "\" (expected a duration such as 1h, 30m, P1D)");
      }
    }
    return new ReleaseSources(
        UrlFetcher.toUri(index), base, settings.flag(offlineFlag, "offline"), maxAge);
  }

  /** The URL of an archive named in the index. */
  public URI archive(String filename) {
    return UrlFetcher.resolve(downloadBase, filename);
  }
}
