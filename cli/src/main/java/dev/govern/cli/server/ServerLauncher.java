package dev.govern.cli.server;

import dev.govern.cli.support.VersionProvider;
import dev.govern.core.config.Settings;
import dev.govern.server.GovernServer;
import dev.govern.server.ServerConfig;
import dev.govern.server.ServerLog;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the server for {@code govern serve} and waits until the process is asked to stop (SIGTERM,
 * SIGINT), then stops it. The only class of the command line that calls into {@code
 * dev.govern.server} for serving (CliArchitectureTest).
 */
final class ServerLauncher {
  private ServerLauncher() {}

  static ServerConfig config(ServeCommand c, Settings settings) {
    Path home = settings.home().root().resolve("server");
    ServerConfig cfg =
        ServerConfig.of(
            settings.resolve(c.listen, "listen", ServerConfig.DEFAULT_LISTEN),
            settings.resolve(c.database, "database", null),
            home);
    if (c.tlsCert != null || c.tlsKey != null) {
      cfg = cfg.withTls(c.tlsCert, c.tlsKey);
    }
    if (c.maxBody != null) {
      cfg = cfg.withMaxBody(c.maxBody);
    }
    String gov =
        c.governance != null ? c.governance.toString() : settings.get("governance").orElse(null);
    String sinks =
        c.notifications != null
            ? c.notifications.toString()
            : settings.get("notifications").orElse(null);
    ServerConfig.Workflow d = ServerConfig.Workflow.DEFAULT;
    cfg =
        cfg.withWorkflow(
            new ServerConfig.Workflow(
                gov == null ? null : Path.of(gov).toAbsolutePath(),
                sinks == null ? null : Path.of(sinks).toAbsolutePath(),
                d.sweepEvery(),
                d.backoff()));
    if (c.maxReleaseSize != null) {
      cfg = cfg.withMaxReleaseBytes(c.maxReleaseSize);
    }
    return cfg;
  }

  static int serve(ServeCommand c, Settings settings, PrintWriter out, PrintWriter err)
      throws InterruptedException {
    ServerConfig cfg = config(c, settings);
    ServerLog log = new ServerLog(new PrintStream(new WriterStream(err), true), Clock.systemUTC());
    GovernServer server = GovernServer.start(cfg, new VersionProvider().getVersion()[0], log);
    long sinceStart =
        System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.line("stopping");
                  server.close();
                  stopped.countDown();
                },
                "govern-serve-stop"));
    String url = server.scheme() + "://" + hostForUrl(cfg.host()) + ":" + server.port();
    log.line(
        "listening on "
            + url
            + " ("
            + cfg.database().display()
            + ", key "
            + server.ledger().key().keyId()
            + "), ready "
            + sinceStart
            + " ms after the JVM started");
    out.println(url);
    out.flush();
    stopped.await();
    return 0;
  }

  private static String hostForUrl(String host) {
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** A PrintWriter as an OutputStream, so the server's log goes where the CLI's stderr goes. */
  private static final class WriterStream extends java.io.OutputStream {
    private final PrintWriter w;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    WriterStream(PrintWriter w) {
      this.w = w;
    }

    @Override
    public synchronized void write(int b) {
      line.write(b);
      if (b == '\n') {
        flush();
      }
    }

    @Override
    public synchronized void flush() {
      w.print(line.toString(java.nio.charset.StandardCharsets.UTF_8));
      w.flush();
      line.reset();
    }
  }
}
