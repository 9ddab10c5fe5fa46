package dev.govern.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the server without the command line: {@code java -cp … dev.govern.server.ServerMain --listen
 * H:P --database URL --home DIR}. Users run {@code govern serve}; the reliability tests start
 * server processes with this (and SIGKILL them). Prints the URL on stdout when ready.
 */
public final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    String listen = ServerConfig.DEFAULT_LISTEN;
    String database = null;
    Path home = Path.of(System.getProperty("user.home"), ".govern", "server");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--listen" -> listen = args[i + 1];
        case "--database" -> database = args[i + 1];
        case "--home" -> home = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    ServerLog log = new ServerLog(System.err, Clock.systemUTC());
    GovernServer server = GovernServer.start(ServerConfig.of(listen, database, home), "dev", log);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                }));
    System.out.print(server.scheme() + "://127.0.0.1:" + server.port() + System.lineSeparator());
    System.out.flush();
    stopped.await();
  }
}
