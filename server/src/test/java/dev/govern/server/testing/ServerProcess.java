package dev.govern.server.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server in its own JVM ({@code dev.govern.server.ServerMain} on this test's class path), so that
 * tests can run several on one database, measure its memory, and SIGKILL it.
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final String base;
  private final long readyMillis;
  private final Path log;
  private final long readyCpu;

  private ServerProcess(Process process, String base, long readyMillis, Path log) {
    this.process = process;
    this.base = base;
    this.readyMillis = readyMillis;
    this.log = log;
    this.readyCpu = cpuMillis();
  }

  /** Starts a server on {@code port} (0: any) and waits until {@code /readyz} answers 200. */
  public static ServerProcess start(String databaseUrl, Path home, int port, String maxHeap) {
    try {
      Files.createDirectories(home);
      Path log = Files.createTempFile(home, "server", ".log");
      List<String> cmd =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xmx" + maxHeap,
              "-cp",
              System.getProperty("java.class.path"),
              "dev.govern.server.ServerMain",
              "--listen",
              "127.0.0.1:" + port,
              "--database",
              databaseUrl,
              "--home",
              home.toString());
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String url = out.readLine();
      if (url == null) {
        p.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("the server did not start: " + Files.readString(log));
      }
      Http http = new Http(Http.newClient(), url, null);
      while (http.get("/readyz").status() != 200) {
        Thread.sleep(20);
      }
      long ready = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      return new ServerProcess(p, url, ready, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public String base() {
    return base;
  }

  public int port() {
    return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
  }

  /** Milliseconds from starting the JVM to the first 200 of {@code /readyz}. */
  public long readyMillis() {
    return readyMillis;
  }

  /** Resident memory of the process in KiB ({@code VmRSS}), or -1 when it cannot be read. */
  public long rssKib() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** CPU time the process has used so far (user + system), in ms; -1 when it cannot be read. */
  public long cpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // USER_HZ = 100
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** CPU time used until ready, in ms (independent of how busy the machine was). */
  public long readyCpuMillis() {
    return readyCpu;
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  /** SIGKILL: no shutdown hook, no clean close. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
