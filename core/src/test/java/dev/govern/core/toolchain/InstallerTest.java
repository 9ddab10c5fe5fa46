package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.archive.UnpackLimits;
import dev.govern.core.config.GovernHome;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.testing.MirrorServer;
import dev.govern.core.testing.TarBuilder;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallerTest {
  private static final GoVersion V = GoVersion.parse("go1.22.4");
  private static final String FILE = "go1.22.4.linux-amd64.tar.gz";

  @TempDir Path tmp;
  private MirrorServer server;
  private ToolchainStore store;
  private byte[] archive;

  @BeforeEach
  void start() throws IOException {
    server = new MirrorServer();
    store = new ToolchainStore(new GovernHome(tmp.resolve("home")));
    // incompressible padding makes the download long enough to cut in the middle
    byte[] noise = new byte[600_000];
    new Random(42).nextBytes(noise);
    archive = TarBuilder.toolchain("go1.22.4").file("go/pkg/blob", noise, 0644).tarGz();
    server.put(FILE, archive);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Installer installer() {
    return new Installer(
        store, new UrlFetcher(), UnpackLimits.defaults(), InstallProbe.NONE, DownloadProgress.NONE);
  }

  private ArchiveOrigin.Remote remote(String sha) {
    return new ArchiveOrigin.Remote(URI.create(server.base() + FILE), FILE, sha, archive.length);
  }

  private ArchiveOrigin.Remote remote() {
    return remote(TarBuilder.sha256(archive));
  }

  private List<String> toolchainsEntries() throws IOException {
    try (Stream<Path> s = Files.list(store.home().toolchains())) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".lock"))
          .sorted()
          .toList();
    }
  }

  @Test
  void installsFromAMirrorKeepingExecutableBitsAndTheVerifiedArchive() throws Exception {
    Installer.Result r = installer().install(V, remote());
    assertThat(r.alreadyInstalled()).isFalse();
    assertThat(r.sha256()).isEqualTo(TarBuilder.sha256(archive));
    assertThat(r.downloadedBytes()).isEqualTo(archive.length);
    Path root = store.root(V);
    assertThat(r.root()).isEqualTo(root);
    assertThat(Files.getPosixFilePermissions(root.resolve("bin/go")))
        .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(Files.getPosixFilePermissions(root.resolve("VERSION")))
        .doesNotContain(PosixFilePermission.OWNER_EXECUTE);
    Process p = new ProcessBuilder(root.resolve("bin/go").toString()).start();
    assertThat(new String(p.getInputStream().readAllBytes()))
        .isEqualTo("go version go1.22.4 test/arch\n");
    assertThat(store.installed()).containsExactly(V);
    assertThat(toolchainsEntries()).containsExactly("go1.22.4");
    assertThat(store.home().downloads().resolve(FILE)).hasBinaryContent(archive);
  }

  @Test
  void aSecondInstallOfTheSameVersionDoesNothing() {
    installer().install(V, remote());
    Installer.Result again = installer().install(V, remote());
    assertThat(again.alreadyInstalled()).isTrue();
    assertThat(server.countRequests(FILE)).isEqualTo(1);
  }

  @Test
  void checksumMismatchDeletesTheDownloadAndShowsBothHashes() throws IOException {
    String wrong = "0".repeat(64);
    assertThatThrownBy(() -> installer().install(V, remote(wrong)))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHECKSUM_MISMATCH))
        .hasMessage(
            "checksum mismatch for "
                + FILE
                + ": expected sha256 "
                + wrong
                + ", got "
                + TarBuilder.sha256(archive)
                + "; the download was deleted");
    try (Stream<Path> s = Files.list(store.home().downloads())) {
      assertThat(s).isEmpty();
    }
    installer().cleanUp();
    assertThat(toolchainsEntries()).isEmpty();
  }

  @Test
  void aConnectionCutMidDownloadFailsAndTheRetryResumesWithARange() throws IOException {
    server.cutAfter(300_000, 1);
    assertThatThrownBy(() -> installer().install(V, remote()))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
        .hasMessageContaining("download of " + FILE)
        .satisfies(
            e ->
                assertThat(((GovernException) e).hint())
                    .hasValue("run the same command again: it resumes where it stopped"));
    Path partial = store.home().downloads().resolve(FILE + ".partial");
    assertThat(partial).exists();
    long kept = Files.size(partial);
    assertThat(kept).isPositive().isLessThan(archive.length);
    installer().cleanUp();
    assertThat(toolchainsEntries()).isEmpty();

    Installer.Result r = installer().install(V, remote());
    assertThat(r.downloadedBytes()).isEqualTo(archive.length - kept);
    assertThat(server.requests()).last().isEqualTo("GET /" + FILE + " bytes=" + kept + "-");
    assertThat(store.installed()).containsExactly(V);
    assertThat(partial).doesNotExist();
  }

  @Test
  void aStalledDownloadIsAbandonedAfterTheIdleTimeoutAndResumesLater() throws IOException {
    server.stallAfter(200_000, 1);
    Installer stalling = installer().idleTimeout(java.time.Duration.ofMillis(300));
    assertThatThrownBy(() -> stalling.install(V, remote()))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NETWORK))
        .hasMessageContaining("no data arrived for 0s after");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    long kept = Files.size(store.home().downloads().resolve(FILE + ".partial"));
    assertThat(kept).isPositive();
    installer().install(V, remote());
    assertThat(server.requests()).last().isEqualTo("GET /" + FILE + " bytes=" + kept + "-");
    assertThat(store.installed()).containsExactly(V);
  }

  @Test
  void aCorruptPartialDownloadIsNeverTrustedTheDownloadRestarts() throws IOException {
    Files.createDirectories(store.home().downloads());
    byte[] junk = new byte[1000];
    new Random(1).nextBytes(junk);
    Files.write(store.home().downloads().resolve(FILE + ".partial"), junk);
    Installer.Result r = installer().install(V, remote());
    assertThat(r.downloadedBytes()).isEqualTo(archive.length);
    assertThat(server.requests()).containsExactly("GET /" + FILE + " bytes=1000-", "GET /" + FILE);
    assertThat(store.installed()).containsExactly(V);
  }

  @Test
  void aDamagedCachedArchiveIsReplacedByAFreshDownload() throws IOException {
    installer().install(V, remote());
    new ToolchainRemover(store).uninstall(V, false);
    Files.write(store.home().downloads().resolve(FILE), new byte[] {1, 2, 3});
    Installer.Result r = installer().install(V, remote());
    assertThat(r.downloadedBytes()).isEqualTo(archive.length);
    assertThat(server.countRequests(FILE)).isEqualTo(2);
  }

  @Test
  void aCachedVerifiedArchiveIsReusedWithoutDownloading() {
    installer().install(V, remote());
    new ToolchainRemover(store).uninstall(V, false);
    Installer.Result r = installer().install(V, remote());
    assertThat(r.downloadedBytes()).isZero();
    assertThat(server.countRequests(FILE)).isEqualTo(1);
  }

  @Test
  void fourConcurrentInstallsOfOneVersionAllSucceedWithOneDownload() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Installer.Result>> results = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      results.add(
          pool.submit(
              () -> {
                go.await();
                return installer().install(V, remote());
              }));
    }
    go.countDown();
    int fresh = 0;
    for (Future<Installer.Result> f : results) {
      Installer.Result r = f.get();
      assertThat(r.root()).isEqualTo(store.root(V));
      fresh += r.alreadyInstalled() ? 0 : 1;
    }
    pool.shutdown();
    assertThat(fresh).isEqualTo(1);
    assertThat(server.countRequests(FILE)).isEqualTo(1);
    installer().cleanUp();
    assertThat(toolchainsEntries()).containsExactly("go1.22.4");
  }

  @Test
  void leftoversOfACrashedInstallAreInvisibleAndSweptByTheNextOne() throws IOException {
    Path dir = store.home().toolchains();
    Path stale = dir.resolve(".go1.22.4.tmp-999-dead");
    Files.createDirectories(stale.resolve("go/bin"));
    Files.writeString(stale.resolve("go/VERSION"), "go1.22.4");
    Path otherStale = dir.resolve(".go1.21.0.tmp-999-dead");
    Files.createDirectories(otherStale);
    assertThat(store.installed()).isEmpty();
    Installer inst = installer();
    inst.install(V, remote());
    inst.cleanUp();
    assertThat(toolchainsEntries()).containsExactly("go1.22.4");
  }

  @Test
  void aFailureAtAnyStepLeavesOnlyCompleteToolchains() throws IOException {
    // make every reachable step throw in turn, in process (the SIGKILL variant is
    // InstallerKillTest)
    int steps = countSteps();
    assertThat(steps).isGreaterThan(10);
    for (int n = 1; n <= steps; n++) {
      int stopAt = n;
      int[] seen = {0};
      ToolchainStore s = new ToolchainStore(new GovernHome(tmp.resolve("h" + n)));
      Installer failing =
          new Installer(
              s,
              new UrlFetcher(),
              UnpackLimits.defaults(),
              step -> {
                if (++seen[0] == stopAt) {
                  throw new IllegalStateException("injected at " + step);
                }
              },
              DownloadProgress.NONE);
      try {
        failing.install(V, remote());
      } catch (IllegalStateException expected) {
        assertThat(expected).hasMessageStartingWith("injected");
      }
      assertThat(s.installed()).isSubsetOf(V);
      if (!s.installed().isEmpty()) {
        assertThat(s.root(V).resolve("VERSION")).exists();
      }
      Installer next =
          new Installer(
              s,
              new UrlFetcher(),
              UnpackLimits.defaults(),
              InstallProbe.NONE,
              DownloadProgress.NONE);
      next.install(V, remote());
      next.cleanUp();
      assertThat(s.installed()).containsExactly(V);
    }
  }

  private int countSteps() {
    int[] count = {0};
    new Installer(
            new ToolchainStore(new GovernHome(tmp.resolve("count"))),
            new UrlFetcher(),
            UnpackLimits.defaults(),
            step -> count[0]++,
            DownloadProgress.NONE)
        .install(V, remote());
    return count[0];
  }

  @Test
  void anAirGappedArchiveInstallsAndAWrongHashIsRefusedWithoutDeletingTheFile() throws IOException {
    Path file = tmp.resolve(FILE);
    Files.write(file, archive);
    String wrong = "f".repeat(64);
    assertThatThrownBy(() -> installer().install(V, new ArchiveOrigin.Local(file, wrong)))
        .hasMessageContaining("expected sha256 " + wrong)
        .hasMessageNotContaining("deleted");
    assertThat(file).exists();
    installer().install(V, new ArchiveOrigin.Local(file, TarBuilder.sha256(archive)));
    assertThat(store.installed()).containsExactly(V);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void zipArchivesInstallWithTheirExecutableBits() throws Exception {
    Path src = tmp.resolve("zipsrc");
    Files.createDirectories(src.resolve("go/bin"));
    Files.writeString(src.resolve("go/VERSION"), "go1.22.4\n");
    Files.writeString(src.resolve("go/bin/go"), "#!/bin/sh\necho zip\n");
    Files.setPosixFilePermissions(
        src.resolve("go/bin/go"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(src.resolve("go/bin/gogo"), Path.of("go"));
    Path zip = tmp.resolve("go1.22.4.linux-amd64.zip");
    Process p =
        new ProcessBuilder("zip", "-q", "-r", "-y", zip.toString(), "go")
            .directory(src.toFile())
            .inheritIO()
            .start();
    assertThat(p.waitFor()).isZero();
    byte[] bytes = Files.readAllBytes(zip);
    installer().install(V, new ArchiveOrigin.Local(zip, TarBuilder.sha256(bytes)));
    Path root = store.root(V);
    assertThat(Files.getPosixFilePermissions(root.resolve("bin/go")))
        .contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.readSymbolicLink(root.resolve("bin/gogo"))).isEqualTo(Path.of("go"));
  }

  @Test
  void longNamesInPaxHeadersAndTheUstarPrefixAreRead() throws IOException {
    String deep = "go/src/" + "very-long-folder-name/".repeat(8) + "file.go";
    byte[] a = TarBuilder.toolchain("go1.22.4").file(deep, "package x\n", 0644).tarGz();
    Path file = tmp.resolve(FILE);
    Files.write(file, a);
    installer().install(V, new ArchiveOrigin.Local(file, TarBuilder.sha256(a)));
    assertThat(store.root(V).resolve(deep.substring(3))).hasContent("package x");
  }
}
