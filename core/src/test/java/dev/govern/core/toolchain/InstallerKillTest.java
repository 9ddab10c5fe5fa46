package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.archive.UnpackLimits;
import dev.govern.core.config.GovernHome;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.testing.MirrorServer;
import dev.govern.core.testing.TarBuilder;
import dev.govern.core.version.GoVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installers in their own JVMs: killed with SIGKILL at many steps, and racing each other. */
@Tag("slow")
class InstallerKillTest {
  private static final GoVersion V = GoVersion.parse("go1.22.4");
  private static final String FILE = "go1.22.4.linux-amd64.tar.gz";

  private static MirrorServer server;
  private static byte[] archive;

  @TempDir Path tmp;

  @BeforeAll
  static void serve() throws IOException {
    byte[] noise = new byte[1_300_000];
    new Random(7).nextBytes(noise);
    TarBuilder b = TarBuilder.toolchain("go1.22.4").dir("go/pkg/");
    for (int i = 0; i < 12; i++) {
      b.file("go/pkg/f" + i + ".a", "archive " + i + "\n", 0644);
    }
    archive = b.file("go/pkg/blob", noise, 0644).tarGz();
    server = new MirrorServer();
    server.put(FILE, archive);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private Process child(Path home, int pauseAt) throws IOException {
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            InstallerChild.class.getName(),
            home.toString(),
            server.base() + FILE,
            FILE,
            TarBuilder.sha256(archive),
            Integer.toString(archive.length),
            V.toString(),
            Integer.toString(pauseAt));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  /** Runs a child to completion and returns its output lines. */
  private List<String> runToEnd(Path home) throws Exception {
    Process p = child(home, 0);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  @Test
  void killedAtTwentyOrMorePointsOnlyCompleteToolchainsAreListedAndTheNextInstallSucceeds()
      throws Exception {
    List<String> clean = runToEnd(tmp.resolve("count"));
    String done = clean.get(clean.size() - 1);
    int steps = Integer.parseInt(done.substring(done.indexOf("steps=") + 6));
    assertThat(steps).isGreaterThanOrEqualTo(22);
    // every kind of step once, then more points spread over the whole run: 22 or more in all
    TreeSet<Integer> points = new TreeSet<>();
    java.util.Set<String> kinds = new java.util.HashSet<>();
    for (String line : clean) {
      if (line.startsWith("STEP ")) {
        String[] f = line.split(" ");
        if (kinds.add(f[2])) {
          points.add(Integer.parseInt(f[1]));
        }
      }
    }
    for (int i = 0; points.size() < 22; i++) {
      points.add(1 + (i * 7) % steps);
    }
    List<String> killedAt = new ArrayList<>();
    for (int point : points) {
      Path home = tmp.resolve("kill-" + point);
      Process p = child(home, point);
      String paused = awaitPause(p);
      killedAt.add(paused);
      p.destroyForcibly(); // SIGKILL on Unix
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      ToolchainStore store = new ToolchainStore(new GovernHome(home));
      // only complete toolchains are visible
      assertThat(store.installed()).isSubsetOf(V);
      for (GoVersion v : store.installed()) {
        assertThat(store.root(v).resolve("VERSION")).content().startsWith(v.toString());
        assertThat(store.root(v).resolve("pkg/blob")).hasSize(1_300_000);
      }
      assertThat(visible(store)).isSubsetOf("go1.22.4");
      // and the next install, in another process, completes and tidies up
      Installer next =
          new Installer(
              store,
              new UrlFetcher(),
              UnpackLimits.defaults(),
              InstallProbe.NONE,
              DownloadProgress.NONE);
      next.install(
          V,
          new ArchiveOrigin.Remote(
              URI.create(server.base() + FILE), FILE, TarBuilder.sha256(archive), archive.length));
      next.cleanUp();
      assertThat(store.installed()).containsExactly(V);
      assertThat(hidden(store))
          .as("after the kill at " + paused)
          .allMatch(n -> n.endsWith(".lock"));
    }
    assertThat(killedAt).hasSize(points.size());
    assertThat(killedAt.stream().map(s -> s.replaceAll("PAUSED \\d+ ", "")).distinct())
        .containsExactlyInAnyOrderElementsOf(kinds);
    assertThat(kinds)
        .contains("locked", "connected", "chunk", "entry", "hashed", "verified", "published");
  }

  @Test
  void fourInstallerProcessesOfOneVersionYieldOneToolchainAndAllSucceed() throws Exception {
    Path home = tmp.resolve("race");
    long before = server.countRequests(FILE);
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ps.add(child(home, 0));
    }
    int installed = 0;
    for (Process p : ps) {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(out).isZero();
      installed += out.contains("DONE installed") ? 1 : 0;
    }
    assertThat(installed).isEqualTo(1);
    assertThat(server.countRequests(FILE) - before).isEqualTo(1);
    ToolchainStore store = new ToolchainStore(new GovernHome(home));
    assertThat(store.installed()).containsExactly(V);
  }

  private static String awaitPause(Process p) throws IOException {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = r.readLine()) != null) {
      if (line.startsWith("PAUSED")) {
        return line;
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the child ended without pausing:\n" + seen);
  }

  private static List<String> visible(ToolchainStore store) throws IOException {
    return names(store).stream().filter(n -> !n.startsWith(".")).toList();
  }

  private static List<String> hidden(ToolchainStore store) throws IOException {
    return names(store).stream().filter(n -> n.startsWith(".")).toList();
  }

  private static List<String> names(ToolchainStore store) throws IOException {
    Path dir = store.home().toolchains();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).toList();
    }
  }
}
