package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolchainRemoverTest {
  @TempDir Path tmp;
  private ToolchainStore store;

  @BeforeEach
  void setUp() throws IOException {
    store = new ToolchainStore(new GovernHome(tmp));
    for (String v : new String[] {"go1.20.14", "go1.21.13", "go1.22.4", "go1.22.10"}) {
      Files.createDirectories(tmp.resolve("toolchains").resolve(v).resolve("bin"));
      Files.writeString(tmp.resolve("toolchains").resolve(v).resolve("VERSION"), v);
    }
  }

  private void setDefault(String v) throws IOException {
    Files.writeString(tmp.resolve("state.json"), "{\"default\":\"" + v + "\",\"history\":[]}");
  }

  @Test
  void uninstallRemovesTheTreeAtOnceAndDeletesItOnCleanUp() {
    ToolchainRemover r = new ToolchainRemover(store);
    r.uninstall(GoVersion.parse("1.21.13"), false);
    assertThat(store.installed()).extracting(GoVersion::toString).doesNotContain("go1.21.13");
    assertThat(new Trash(tmp.resolve("toolchains")).isEmpty()).isFalse();
    r.cleanUp();
    assertThat(new Trash(tmp.resolve("toolchains")).isEmpty()).isTrue();
  }

  @Test
  void uninstallKeepsTheCachedArchivesAndPurgeDeletesTheVersionsOnly() throws IOException {
    Path downloads = tmp.resolve("downloads");
    Files.createDirectories(downloads);
    for (String f :
        new String[] {
          "go1.22.4.linux-amd64.tar.gz",
          "go1.22.4.darwin-arm64.tar.gz.partial",
          "go1.22.40.linux-amd64.tar.gz",
          "go1.22.10.linux-amd64.tar.gz",
          "index.json"
        }) {
      Files.writeString(downloads.resolve(f), f);
    }
    new ToolchainRemover(store).uninstall(GoVersion.parse("1.22.10"), false);
    assertThat(downloads.resolve("go1.22.10.linux-amd64.tar.gz")).exists();
    new ToolchainRemover(store).uninstall(GoVersion.parse("1.22.4"), false, true);
    try (Stream<Path> left = Files.list(downloads)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "go1.22.40.linux-amd64.tar.gz", "go1.22.10.linux-amd64.tar.gz", "index.json");
    }
  }

  @Test
  void uninstallRefusesTheDefaultUnlessForced() throws IOException {
    setDefault("go1.22.4");
    ToolchainRemover r = new ToolchainRemover(store);
    assertThatThrownBy(() -> r.uninstall(GoVersion.parse("1.22.4"), false))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION))
        .hasMessage("go1.22.4 is the default toolchain; refusing to uninstall it");
    r.uninstall(GoVersion.parse("1.22.4"), true);
    assertThat(store.isInstalled(GoVersion.parse("1.22.4"))).isFalse();
  }

  @Test
  void uninstallOfAMissingVersionIsNotFound() {
    assertThatThrownBy(() -> new ToolchainRemover(store).uninstall(GoVersion.parse("1.9.1"), false))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void pruneKeepsTheNewestAndTheDefault() throws IOException {
    setDefault("go1.20.14");
    assertThat(new ToolchainRemover(store).prune(1))
        .extracting(GoVersion::toString)
        .containsExactly("go1.21.13", "go1.22.4");
    assertThat(store.installed())
        .extracting(GoVersion::toString)
        .containsExactly("go1.20.14", "go1.22.10");
  }

  @Test
  void aStateFileWithoutADefaultIsFineAndADamagedOneIsNamed() throws IOException {
    Files.writeString(tmp.resolve("state.json"), "{\"history\":[]}");
    assertThat(DefaultToolchain.read(store.home())).isEmpty();
    Files.writeString(tmp.resolve("state.json"), "{\"default\": 12");
    assertThatThrownBy(() -> DefaultToolchain.read(store.home()))
        .hasMessageStartingWith("cannot read " + tmp.resolve("state.json"));
  }
}
