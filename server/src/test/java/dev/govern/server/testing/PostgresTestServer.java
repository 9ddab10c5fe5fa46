package dev.govern.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL for the tests: Debian's {@code postgresql} binaries ({@code
 * /usr/lib/postgresql/<version>/bin}), {@code initdb} into a temp folder, {@code postgres} on a
 * free loopback port, stopped and deleted when the JVM exits. initdb refuses to run as root, so as
 * root the server runs as the {@code postgres} user ({@code runuser -u postgres}) in a folder it
 * owns. Each test class asks for its own database. {@code GOVERN_TEST_POSTGRES_URL} ({@code
 * postgresql://user:pw@host:port/db}, a database the tests may create databases from) uses an
 * existing server instead.
 */
public final class PostgresTestServer {
  /** What to run when PostgreSQL is missing. */
  public static final String INSTALL = "apt-get install -y postgresql";

  private static PostgresTestServer instance;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final String host;
  private final int port;
  private final String user;
  private final String password;

  private PostgresTestServer(String host, int port, String user, String password) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
  }

  /** The server, started on first use. */
  public static synchronized PostgresTestServer get() {
    if (instance == null) {
      String external = System.getenv("GOVERN_TEST_POSTGRES_URL");
      instance = external != null ? external(external) : start();
    }
    return instance;
  }

  /** A new empty database; returns its {@code postgresql://} URL. */
  public String newDatabase() {
    String name =
        "govern_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://" + host + ":" + port + "/postgres", user, password)) {
      c.createStatement().execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create test database " + name + ": " + e.getMessage(), e);
    }
    return "postgresql://"
        + user
        + (password == null ? "" : ":" + password)
        + "@"
        + host
        + ":"
        + port
        + "/"
        + name;
  }

  private static PostgresTestServer external(String url) {
    java.net.URI u = java.net.URI.create(url);
    String[] up =
        u.getUserInfo() == null ? new String[] {"postgres"} : u.getUserInfo().split(":", 2);
    return new PostgresTestServer(
        u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), up[0], up.length > 1 ? up[1] : null);
  }

  private static PostgresTestServer start() {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      Path dir = Files.createTempDirectory("govern-pg-");
      Path data = dir.resolve("data");
      if (root) {
        UserPrincipal pg =
            dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, pg);
      }
      run(
          root,
          dir,
          List.of(
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              "govern",
              "--auth=trust",
              "-E",
              "UTF8",
              "--no-locale",
              "--no-sync"));
      int port = freePort();
      List<String> cmd = new ArrayList<>();
      if (root) {
        cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
      }
      cmd.addAll(
          List.of(
              bin.resolve("postgres").toString(),
              "-D",
              data.toString(),
              "-p",
              Integer.toString(port),
              "-k",
              dir.toString(),
              "-c",
              "listen_addresses=127.0.0.1",
              "-c",
              "max_connections=300",
              "-c",
              "fsync=off",
              "-c",
              "full_page_writes=off",
              "-c",
              "shared_buffers=64MB"));
      Process postgres =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("postgres.log").toFile())
              .start();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      run(
                          root,
                          dir,
                          List.of(
                              bin.resolve("pg_ctl").toString(),
                              "stop",
                              "-D",
                              data.toString(),
                              "-m",
                              "immediate"));
                      postgres.waitFor(10, TimeUnit.SECONDS);
                    } catch (RuntimeException | InterruptedException e) {
                      postgres.destroyForcibly();
                    }
                    deleteTree(dir);
                  }));
      PostgresTestServer s = new PostgresTestServer("127.0.0.1", port, "govern", null);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (true) {
        try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "govern", null)) {
          if (c.isValid(5)) {
            return s;
          }
        } catch (SQLException e) {
          if (!postgres.isAlive()) {
            throw new IllegalStateException(
                "PostgreSQL did not start: " + Files.readString(dir.resolve("postgres.log")));
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("PostgreSQL did not accept connections within 60 s", e);
          }
          try {
            Thread.sleep(50);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ie);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The newest {@code /usr/lib/postgresql/<version>/bin}; fails with the line that installs it. */
  static Path binaries() {
    Path base = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(base)) {
      try (Stream<Path> versions = Files.list(base)) {
        var found =
            versions
                .map(v -> v.resolve("bin"))
                .filter(b -> Files.isExecutable(b.resolve("initdb")))
                .max(
                    Comparator.comparing(
                        b ->
                            Integer.parseInt(
                                b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        if (found.isPresent()) {
          return found.get();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException(
        "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run '" + INSTALL + "'");
  }

  private static void run(boolean root, Path dir, List<String> args) {
    List<String> cmd = new ArrayList<>();
    if (root) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(args);
    try {
      Path log = Files.createTempFile(dir.getParent(), "pg-cmd", ".log");
      Process p =
          new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      int code = p.waitFor();
      String out = Files.readString(log);
      Files.deleteIfExists(log);
      if (code != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed (" + code + "): " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: it is a temp folder
    }
  }
}
