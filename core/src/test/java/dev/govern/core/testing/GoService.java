package dev.govern.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A small HTTP service built at test time with real Go, in a real git repository so that {@code
 * vcs.revision} is real: revision 1 (built with the machine's {@code go} and with Debian's Go 1.19,
 * two Go lines), revision 2, revision 3 whose {@code /health} answers 500, and a build from a
 * modified checkout. The service listens on {@code 127.0.0.1:$PORT}; without {@code PORT} it just
 * waits. Built once per JVM.
 *
 * <p>{@link #restartScript} is a supervisor as a deploy's {@code --restart} runs it: it kills the
 * process in {@code $RUN_DIR/pid}, waits until it is dead and starts {@code current/<service>}.
 */
public final class GoService {
  /** Debian's Go 1.19. */
  public static final Path GO_119 = Path.of("/usr/lib/go-1.19/bin/go");

  private static GoService shared;

  /**
   * One build.
   *
   * @param binary the executable
   * @param revision the git commit it was built from
   * @param label what its health endpoint says
   */
  public record Build(Path binary, String revision, String label) {}

  private final Path dir;
  private final Build v1;
  private final Build v1go119;
  private final Build v2;
  private final Build broken;
  private final Build dirty;
  private final String goVersion;

  private GoService(Path dir) throws IOException, InterruptedException {
    this.dir = dir;
    Path go = newerGo();
    Path repo = dir.resolve("src");
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("go.mod"), "module example.com/hello\n\ngo 1.19\n");
    run(repo, "git", "init", "-q");
    String r1 = commit(repo, "v1", true);
    v1 = new Build(build(go, repo, "v1"), r1, "v1");
    v1go119 = new Build(build(GO_119, repo, "v1-go119"), r1, "v1");
    String r2 = commit(repo, "v2", true);
    v2 = new Build(build(go, repo, "v2"), r2, "v2");
    String r3 = commit(repo, "v3", false);
    broken = new Build(build(go, repo, "v3-broken"), r3, "v3");
    Files.writeString(repo.resolve("main.go"), source("v4-dirty", true));
    dirty = new Build(build(go, repo, "v4-dirty"), r3, "v4-dirty");
    goVersion = run(repo, go.toString(), "env", "GOVERSION").strip();
  }

  /** The builds, made once per JVM; skips the test when the Go toolchains are missing. */
  public static synchronized GoService shared() {
    Assumptions.assumeTrue(Files.isExecutable(GO_119), "Debian's Go 1.19 is not installed");
    Assumptions.assumeTrue(findGo() != null, "no go newer than 1.19 on PATH");
    if (shared == null) {
      try {
        Path dir = Files.createTempDirectory("govern-goservice");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        shared = new GoService(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return shared;
  }

  public Build v1() {
    return v1;
  }

  public Build v1go119() {
    return v1go119;
  }

  public Build v2() {
    return v2;
  }

  /** Revision 3: its {@code /health} answers 500. */
  public Build broken() {
    return broken;
  }

  /** Built from a checkout with uncommitted changes ({@code vcs.modified=true}). */
  public Build dirty() {
    return dirty;
  }

  /** The newer Go's version ({@code go1.26.8}). */
  public String goVersion() {
    return goVersion;
  }

  /** {@code go} on PATH, unless it is Go 1.19 itself. */
  public static Path newerGo() {
    Path go = findGo();
    Assumptions.assumeTrue(go != null, "no go newer than 1.19 on PATH");
    return go;
  }

  private static Path findGo() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String d : path.split(":")) {
      Path go = Path.of(d.isEmpty() ? "." : d, "go");
      if (Files.isExecutable(go)) {
        try {
          return go.toRealPath().startsWith(GO_119.getParent().getParent()) ? null : go;
        } catch (IOException e) {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * A supervisor script for {@code --restart "sh <script>"}, keeping its pid and log in {@code
   * $RUN_DIR}.
   */
  public static Path restartScript(Path dir) throws IOException {
    Path s = dir.resolve("restart.sh");
    Files.createDirectories(dir);
    Files.writeString(
        s,
        """
        #!/bin/sh
        set -e
        mkdir -p "$RUN_DIR"
        if [ -f "$RUN_DIR/pid" ]; then
          old=$(cat "$RUN_DIR/pid")
          if kill -9 "$old" 2>/dev/null; then
            # until every thread is dead (gone, or only the zombie leader left): its socket is
            # closed then (a zombie leader alone does not mean the other threads are gone)
            while [ -e "/proc/$old" ] && { [ "$(ls "/proc/$old/task" 2>/dev/null | wc -l)" -gt 1 ] ||
                [ "$(cut -d' ' -f3 "/proc/$old/stat" 2>/dev/null)" != Z ]; }; do :; done
          fi
        fi
        cd "$GOVERN_TARGET"
        nohup ./current/"$GOVERN_SERVICE" >> "$RUN_DIR/log" 2>&1 < /dev/null &
        echo $! > "$RUN_DIR/pid"
        echo "started $GOVERN_RELEASE as pid $!"
        """);
    Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwxr-xr-x"));
    return s;
  }

  /** Kills the service the script started in {@code runDir}, if any. */
  public static void stop(Path runDir) {
    Path pid = runDir.resolve("pid");
    try {
      if (Files.exists(pid)) {
        long p = Long.parseLong(Files.readString(pid).strip());
        ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly);
      }
    } catch (IOException | NumberFormatException e) {
      // nothing to stop
    }
  }

  /** The pid of the service the script started in {@code runDir}. */
  public static long pid(Path runDir) throws IOException {
    return Long.parseLong(Files.readString(runDir.resolve("pid")).strip());
  }

  /**
   * A TCP port free on 127.0.0.1 now, below Linux's ephemeral range (32768 and up), so that no
   * outgoing connection on this busy machine takes it as its source port before the service binds.
   */
  public static int freePort() throws IOException {
    java.util.Random random = new java.util.Random();
    for (int i = 0; i < 200; i++) {
      int port = 20000 + random.nextInt(12000);
      try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      } catch (IOException e) {
        // taken: try another
      }
    }
    throw new IOException("no free port between 20000 and 32000 on 127.0.0.1");
  }

  private static String source(String label, boolean healthy) {
    return """
        package main

        import (
        	"fmt"
        	"net/http"
        	"os"
        	"time"
        )

        const label = "%s"
        const healthy = %s

        func main() {
        	port := os.Getenv("PORT")
        	for port == "" {
        		time.Sleep(time.Hour)
        	}
        	http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
        		if !healthy {
        			http.Error(w, "broken "+label, http.StatusInternalServerError)
        			return
        		}
        		fmt.Fprintln(w, "ok", label)
        	})
        	if err := http.ListenAndServe("127.0.0.1:"+port, nil); err != nil {
        		fmt.Fprintln(os.Stderr, err)
        		os.Exit(1)
        	}
        }
        """
        .formatted(label, healthy);
  }

  private String commit(Path repo, String label, boolean healthy)
      throws IOException, InterruptedException {
    Files.writeString(repo.resolve("main.go"), source(label, healthy));
    run(repo, "git", "add", "-A");
    run(
        repo,
        "git",
        "-c",
        "user.name=govern",
        "-c",
        "user.email=dev@govern.local",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "-m",
        label);
    return run(repo, "git", "rev-parse", "HEAD").strip();
  }

  private Path build(Path go, Path repo, String name) throws IOException, InterruptedException {
    Path out = dir.resolve("bin").resolve(name).resolve("hello");
    Files.createDirectories(out.getParent());
    run(repo, go.toString(), "build", "-o", out.toString(), ".");
    return out;
  }

  private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("GOTOOLCHAIN", "local");
    env.put("GOPROXY", "off");
    env.put("GOFLAGS", "-buildvcs=true");
    env.put("CGO_ENABLED", "0");
    env.remove("GOROOT");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
    }
    return out;
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
      for (Path p : all) {
        p.toFile().setWritable(true);
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temp dir left behind
    }
  }
}
