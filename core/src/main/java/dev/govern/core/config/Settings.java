package dev.govern.core.config;

import dev.govern.core.GovernException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Configuration with govern's precedence: a command-line flag, then the environment variable {@code
 * GOVERN_<KEY>}, then the user config file {@code $GOVERN_HOME/config.properties}, then the
 * default. Keys are lower-case with dashes ({@code index-url}); the variable of {@code index-url}
 * is {@code GOVERN_INDEX_URL}.
 *
 * <p>{@code GOVERN_HOME} itself comes from the environment only (default {@code ~/.govern}). The
 * config file is read on first use, so commands that need no setting never touch the disk.
 */
public final class Settings {
  /** The user config file name inside {@code GOVERN_HOME}. */
  public static final String CONFIG_FILE = "config.properties";

  private final Map<String, String> env;
  private final GovernHome home;
  private Properties file;

  public Settings(Map<String, String> env, Path userHome) {
    this.env = Map.copyOf(env);
    String homeVar = env.get("GOVERN_HOME");
    Path root =
        homeVar != null && !homeVar.isBlank() ? Path.of(homeVar) : userHome.resolve(".govern");
    this.home = new GovernHome(root.toAbsolutePath().normalize());
  }

  /** Settings from this process's environment and user home. */
  public static Settings fromSystem() {
    return new Settings(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  public GovernHome home() {
    return home;
  }

  /** The raw environment (for commands that must pass it on, e.g. to {@code go}). */
  public Map<String, String> env() {
    return env;
  }

  /**
   * The environment variable that sets {@code key}: {@code index-url} → {@code GOVERN_INDEX_URL}.
   */
  public static String variableOf(String key) {
    return "GOVERN_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** A setting from the environment, else the config file; empty when neither sets it. */
  public Optional<String> get(String key) {
    String v = env.get(variableOf(key));
    if (v != null && !v.isEmpty()) {
      return Optional.of(v);
    }
    return Optional.ofNullable(configFile().getProperty(key)).map(String::strip);
  }

  /** {@code flag} when given, else {@link #get(String)}, else {@code dflt}. */
  public String resolve(String flag, String key, String dflt) {
    if (flag != null) {
      return flag;
    }
    return get(key).orElse(dflt);
  }

  /** A boolean setting: a flag that was set wins; else env/config value "true"/"1"/"yes". */
  public boolean flag(boolean flagSet, String key) {
    if (flagSet) {
      return true;
    }
    return get(key)
        .map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes"))
        .orElse(false);
  }

  private Properties configFile() {
    if (file == null) {
      Properties p = new Properties();
      Path path = home.root().resolve(CONFIG_FILE);
      try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (NoSuchFileException e) {
        // no user config: defaults apply
      } catch (IOException | IllegalArgumentException e) {
        throw GovernException.invalidInput("cannot read " + path + ": " + e.getMessage());
      }
      file = p;
    }
    return file;
  }
}
