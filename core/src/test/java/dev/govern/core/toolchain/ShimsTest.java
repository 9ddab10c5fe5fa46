package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.config.GovernHome;
import dev.govern.core.testing.FakeToolchains;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShimsTest {
  @TempDir Path tmp;

  @Test
  void refreshWritesExecutableShimsAndOneLinkPerInstalledToolchain() throws Exception {
    GovernHome home = new GovernHome(tmp.resolve("home"));
    FakeToolchains.install(home, "go1.22.4");
    FakeToolchains.install(home, "go1.21.0");
    Shims.refresh(home);

    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(home.bin().resolve("go"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(Files.readString(home.bin().resolve("gofmt"))).startsWith("#!/bin/sh\n");
    assertThat(Files.readSymbolicLink(home.bin().resolve("go1.22.4")))
        .isEqualTo(Path.of("../toolchains/go1.22.4/bin/go"));
    ProcessRun viaLink =
        ProcessRun.run(
            List.of(home.bin().resolve("go1.21.0").toString(), "version"),
            tmp,
            Map.of("PATH", "/usr/bin:/bin"),
            Duration.ofSeconds(10));
    assertThat(viaLink.output()).isEqualTo("go version go1.21.0 linux/amd64\n");
    assertThat(Shims.problems(home)).isEmpty();
    try (var s = Files.list(home.bin())) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("go", "gofmt", "go1.22.4", "go1.21.0");
    }
  }

  @Test
  void refreshRemovesLinksOfUninstalledToolchainsAndLeavesOtherFiles() throws Exception {
    GovernHome home = new GovernHome(tmp.resolve("home"));
    FakeToolchains.install(home, "go1.22.4");
    Shims.refresh(home);
    Files.writeString(home.bin().resolve("go-mine"), "x");
    ShimResolutionPropertyTest.deleteTree(home.toolchain("go1.22.4"));
    Shims.refresh(home);
    assertThat(home.bin().resolve("go1.22.4")).doesNotExist();
    assertThat(Files.isSymbolicLink(home.bin().resolve("go1.22.4"))).isFalse();
    assertThat(home.bin().resolve("go-mine")).exists();
  }

  @Test
  void refreshLeavesFilesThatAreAlreadyRightUntouched() throws Exception {
    GovernHome home = new GovernHome(tmp.resolve("home"));
    Shims.refresh(home);
    Path go = home.bin().resolve("go");
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(go, old);
    Shims.refresh(home);
    assertThat(Files.getLastModifiedTime(go)).isEqualTo(old);
    Files.writeString(go, "#!/bin/sh\necho tampered\n");
    assertThat(Shims.problems(home)).singleElement().asString().contains("out of date");
    Shims.refresh(home);
    assertThat(Files.readString(go)).isEqualTo(ShimScript.of(home, "go"));
  }

  @Test
  void refreshPointsTheDefaultLinkAtTheDefaultInStateJson() throws Exception {
    GovernHome home = new GovernHome(tmp.resolve("home"));
    FakeToolchains.install(home, "go1.22.4");
    new StateFile(home)
        .write(
            GovernState.empty()
                .switchedTo(
                    new GovernState.HistoryEntry("go1.22.4", "2024-06-01T00:00:00Z", null, "use")));
    Shims.refresh(home);
    assertThat(DefaultLink.read(home)).contains("go1.22.4");
    assertThat(Files.readSymbolicLink(DefaultLink.path(home)))
        .isEqualTo(Path.of("toolchains/go1.22.4"));
  }

  @Test
  void aHomeWithQuotesAndSpacesStillWorks() throws Exception {
    GovernHome home = new GovernHome(tmp.resolve("it's a home"));
    FakeToolchains.install(home, "go1.22.4");
    Shims.refresh(home);
    DefaultLink.write(home, "go1.22.4");
    ProcessRun r =
        ProcessRun.run(
            List.of(home.bin().resolve("go").toString(), "build"),
            tmp,
            Map.of("PATH", "/usr/bin:/bin"),
            Duration.ofSeconds(10));
    assertThat(r.output()).isEqualTo("RESOLVED go1.22.4 go GOTOOLCHAIN=local\n");
  }

  @Test
  void theShimKeepsAGotoolchainTheUserSet() throws Exception {
    GovernHome home = new GovernHome(tmp.resolve("home"));
    FakeToolchains.install(home, "go1.22.4");
    Shims.refresh(home);
    DefaultLink.write(home, "go1.22.4");
    ProcessRun r =
        ProcessRun.run(
            List.of(home.bin().resolve("go").toString(), "build"),
            tmp,
            Map.of("PATH", "/usr/bin:/bin", "GOTOOLCHAIN", "path"),
            Duration.ofSeconds(10));
    assertThat(r.output()).isEqualTo("RESOLVED go1.22.4 go GOTOOLCHAIN=path\n");
  }

  @Test
  void theShimLeavesVariablesTheUserExportedAlone() throws Exception {
    GovernHome home = new GovernHome(tmp.resolve("home"));
    FakeToolchains.install(home, "go1.22.4");
    FakeToolchains.script(
        home.toolchain("go1.22.4").resolve("bin/go"), "#!/bin/sh\necho \"v=$v p=$p b=$b\"\n");
    Shims.refresh(home);
    Files.writeString(tmp.resolve(".go-version"), "1.22\n");
    ProcessRun r =
        ProcessRun.run(
            List.of(home.bin().resolve("go").toString()),
            tmp,
            Map.of("PATH", "/usr/bin:/bin", "v", "mine", "p", "/x", "b", "7"),
            Duration.ofSeconds(10));
    assertThat(r.output()).isEqualTo("v=mine p=/x b=7\n");
  }
}
