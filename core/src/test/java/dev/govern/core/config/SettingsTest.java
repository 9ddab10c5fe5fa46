package dev.govern.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.GovernException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir Path tmp;

  @Test
  void homeDefaultsToDotGovernInTheUserHome() {
    Settings s = new Settings(Map.of(), tmp);
    assertThat(s.home().root()).isEqualTo(tmp.resolve(".govern").toAbsolutePath());
    assertThat(s.home().ledger()).isEqualTo(s.home().root().resolve("ledger.jsonl"));
  }

  @Test
  void flagBeatsEnvironmentBeatsConfigFileBeatsDefault() throws Exception {
    Path home = tmp.resolve("h");
    Files.createDirectories(home);
    Files.writeString(
        home.resolve("config.properties"), "mirror = file:///from-config\noperator=cfg\n");
    Map<String, String> env = Map.of("GOVERN_HOME", home.toString(), "GOVERN_MIRROR", "http://env");
    Settings s = new Settings(env, tmp);
    assertThat(s.resolve("--flag", "mirror", "dflt")).isEqualTo("--flag");
    assertThat(s.resolve(null, "mirror", "dflt")).isEqualTo("http://env");
    assertThat(s.resolve(null, "operator", "dflt")).isEqualTo("cfg");
    assertThat(s.resolve(null, "index-url", "dflt")).isEqualTo("dflt");
  }

  @Test
  void variableNamesFollowTheKey() {
    assertThat(Settings.variableOf("index-url")).isEqualTo("GOVERN_INDEX_URL");
  }

  @Test
  void booleanSettingsReadTrueWords() {
    Settings s = new Settings(Map.of("GOVERN_OFFLINE", "yes"), tmp);
    assertThat(s.flag(false, "offline")).isTrue();
    assertThat(new Settings(Map.of("GOVERN_OFFLINE", "0"), tmp).flag(false, "offline")).isFalse();
    assertThat(new Settings(Map.of(), tmp).flag(true, "offline")).isTrue();
  }

  @Test
  void aBrokenConfigFileIsAClearError() throws Exception {
    Path home = tmp.resolve("h2");
    Files.createDirectories(home);
    Files.writeString(home.resolve("config.properties"), "mirror=\\u12");
    Settings s = new Settings(Map.of("GOVERN_HOME", home.toString()), tmp);
    assertThatThrownBy(() -> s.get("mirror"))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("config.properties");
  }
}
