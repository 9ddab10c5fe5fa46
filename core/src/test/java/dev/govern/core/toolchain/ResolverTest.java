package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.testing.FakeToolchains;
import dev.govern.core.version.GoVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResolverTest {
  @TempDir Path tmp;
  GovernHome home;
  Path project;
  Path deep;

  @BeforeEach
  void layout() throws Exception {
    home = new GovernHome(tmp.resolve("home"));
    project = tmp.resolve("src/project");
    deep = project.resolve("a/b/c");
    Files.createDirectories(deep);
    FakeToolchains.install(home, "go1.21.0");
    FakeToolchains.install(home, "go1.22.4");
    DefaultLink.write(home, "go1.21.0");
  }

  private Resolution resolve(Map<String, String> env) {
    return new Resolver(home).resolve(deep, env);
  }

  @Test
  void theDefaultAppliesWhenNothingElseSelects() {
    Resolution r = resolve(Map.of());
    assertThat(r.name()).isEqualTo("go1.21.0");
    assertThat(r.source().kind()).isEqualTo(Source.Kind.DEFAULT);
    assertThat(r.goroot()).isEqualTo(home.toolchain("go1.21.0"));
  }

  @Test
  void nearestGoVersionWalkingUpWinsOverGoModToolchainLine() throws Exception {
    Files.writeString(project.resolve(".go-version"), "1.22.4\n");
    Files.writeString(project.resolve("a/go.mod"), "module m\n\ngo 1.21\ntoolchain go1.21.0\n");
    Resolution r = resolve(Map.of());
    assertThat(r.name()).isEqualTo("go1.22.4");
    assertThat(r.source()).isEqualTo(new Source(Source.Kind.GO_VERSION, project + "/.go-version"));
  }

  @Test
  void variableWinsOverFiles() throws Exception {
    Files.writeString(deep.resolve(".go-version"), "1.22.4\n");
    Resolution r = resolve(Map.of(Resolver.VARIABLE, "go1.21.0"));
    assertThat(r.name()).isEqualTo("go1.21.0");
    assertThat(r.source().kind()).isEqualTo(Source.Kind.ENV);
  }

  @Test
  void toolVersionsGolangLineCounts() throws Exception {
    Files.writeString(project.resolve(".tool-versions"), "nodejs 20.1.0\ngolang 1.22.4 1.21.0\n");
    assertThat(resolve(Map.of()).name()).isEqualTo("go1.22.4");
  }

  @Test
  void goWorkToolchainLineWinsOverTheNearerGoMod() throws Exception {
    Files.writeString(project.resolve("go.work"), "go 1.22\ntoolchain go1.22.4\nuse ./a\n");
    Files.writeString(project.resolve("a/go.mod"), "module m\ngo 1.21\ntoolchain go1.21.0\n");
    assertThat(resolve(Map.of()).source().kind()).isEqualTo(Source.Kind.GO_WORK);
    assertThat(resolve(Map.of("GOWORK", "off")).name()).isEqualTo("go1.21.0");
  }

  @Test
  void toolchainDefaultMeansNoLine() throws Exception {
    Files.writeString(project.resolve("go.mod"), "module m\ngo 1.21\ntoolchain default\n");
    assertThat(resolve(Map.of()).source().kind()).isEqualTo(Source.Kind.DEFAULT);
  }

  @Test
  void commentsBlankLinesAndCrlfAreSkipped() throws Exception {
    Files.writeString(project.resolve(".go-version"), "# team pin\r\n\r\ngo1.22.4\r\n");
    assertThat(resolve(Map.of()).name()).isEqualTo("go1.22.4");
  }

  @Test
  void aPinnedVersionThatIsNotInstalledSaysHowToInstallIt() throws Exception {
    Files.writeString(project.resolve(".go-version"), "1.23.1\n");
    Resolution r = resolve(Map.of());
    assertThat(r.installed()).isFalse();
    assertThat(r.notInstalledMessage())
        .isEqualTo(
            "go1.23.1 is pinned by "
                + project.resolve(".go-version")
                + " but not installed; run: govern install 1.23.1");
    assertThatThrownBy(() -> r.requireBinary("go"))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("not installed");
  }

  @Test
  void junkInAVersionFileIsAnErrorNamingTheFile() throws Exception {
    Files.writeString(project.resolve(".go-version"), "latest\n");
    assertThatThrownBy(() -> resolve(Map.of()))
        .isInstanceOf(GovernException.class)
        .hasMessage(project.resolve(".go-version") + ": \"latest\" is not a Go version");
  }

  @Test
  void noDefaultAndNoPinIsNotFound() {
    DefaultLink.remove(home);
    assertThatThrownBy(() -> resolve(Map.of()))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("no Go version is selected here and there is no default");
  }

  @Test
  void aLineSelectsItsNewestInstalledPatchComparingNumbers() throws Exception {
    FakeToolchains.install(home, "go1.22.10");
    FakeToolchains.install(home, "go1.22.9");
    FakeToolchains.install(home, "go1.22.4-custom");
    Files.writeString(project.resolve(".go-version"), "1.22\n");
    assertThat(resolve(Map.of()).name()).isEqualTo("go1.22.10");
    Files.writeString(project.resolve(".go-version"), "1.23\n");
    assertThat(resolve(Map.of()).notInstalledMessage())
        .startsWith("go1.23 is pinned by")
        .endsWith("run: govern install 1.23");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.22.4",
        "go1.22.4",
        "1.19",
        "1.19.0",
        "1.9.0",
        "1.20.0",
        "1.21.0",
        "1.21rc2",
        "1.9beta2",
        "1.22.4-custom",
        "1.19.0-custom",
        "1.0.0",
        "1",
        "1.10.0"
      })
  void versionTextAgreesWithGoVersionOnRealVersions(String text) {
    assertThat("go" + VersionText.bare(text, "t")).isEqualTo(GoVersion.parse(text).toString());
  }
}
