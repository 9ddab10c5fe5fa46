package dev.govern.core.goproxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Go's configuration as the go command reads it: an environment variable that is set and not empty,
 * else the user's {@code go env -w} file ({@code $GOENV}, default {@code <user config dir>/go/env};
 * {@code GOENV=off} disables it), else Go's default. The go.env file of a GOROOT is not read:
 * govern applies the defaults the Go distribution ships.
 */
public final class GoEnv {
  /** The go command's default GOPROXY. */
  public static final String DEFAULT_GOPROXY = "https://proxy.golang.org,direct";

  /** The go command's default GOSUMDB. */
  public static final String DEFAULT_GOSUMDB = "sum.golang.org";

  private final Map<String, String> env;
  private Map<String, String> file;
  private Path filePath;

  private GoEnv(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /** Go's configuration seen from this environment (the go env file is read on first use). */
  public static GoEnv of(Map<String, String> env) {
    return new GoEnv(env);
  }

  /** A setting: the variable, else the go env file, else empty. */
  public String get(String key) {
    String v = env.get(key);
    if (v != null && !v.isEmpty()) {
      return v;
    }
    return file().getOrDefault(key, "");
  }

  /** Where {@code key}'s value comes from, for messages: the variable or the go env file. */
  public String origin(String key) {
    String v = env.get(key);
    if (v != null && !v.isEmpty()) {
      return "the environment";
    }
    return file().containsKey(key) ? filePath.toString() : "the default";
  }

  public String goproxy() {
    return or(get("GOPROXY"), DEFAULT_GOPROXY);
  }

  public String gosumdb() {
    return or(get("GOSUMDB"), DEFAULT_GOSUMDB);
  }

  public String goprivate() {
    return get("GOPRIVATE");
  }

  /** GONOPROXY, defaulting to GOPRIVATE. */
  public String gonoproxy() {
    return or(get("GONOPROXY"), goprivate());
  }

  /** GONOSUMDB, defaulting to GOPRIVATE. */
  public String gonosumdb() {
    return or(get("GONOSUMDB"), goprivate());
  }

  public String goinsecure() {
    return get("GOINSECURE");
  }

  /** GOAUTH, defaulting to {@code netrc}. */
  public String goauth() {
    return or(get("GOAUTH"), "netrc");
  }

  /** The raw environment (for NETRC and HOME). */
  Map<String, String> environment() {
    return env;
  }

  private static String or(String v, String dflt) {
    return v.isEmpty() ? dflt : v;
  }

  private Map<String, String> file() {
    if (file == null) {
      file = new HashMap<>();
      filePath = envFile();
      if (filePath != null) {
        try {
          for (String line : Files.readString(filePath, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0 || line.charAt(0) < 'A' || line.charAt(0) > 'Z') {
              continue; // a comment or not a setting: ignored, as the go command does
            }
            file.put(line.substring(0, eq), line.substring(eq + 1));
          }
        } catch (IOException e) {
          // no such file: nothing set by go env -w
        }
      }
    }
    return file;
  }

  private Path envFile() {
    String goenv = env.getOrDefault("GOENV", "");
    if (goenv.equals("off")) {
      return null;
    }
    if (!goenv.isEmpty()) {
      return Path.of(goenv);
    }
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    if (os.startsWith("windows")) {
      String appData = env.get("AppData");
      return appData == null ? null : Path.of(appData, "go", "env");
    }
    if (os.startsWith("mac")) {
      return Path.of(home, "Library", "Application Support", "go", "env");
    }
    String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
    return xdg.isEmpty() ? Path.of(home, ".config", "go", "env") : Path.of(xdg, "go", "env");
  }
}
