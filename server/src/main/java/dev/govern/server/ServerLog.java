package dev.govern.server;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The server's log: one line per event on stderr ({@code <time> govern serve: <message>}). Never
 * given a token or a password.
 */
public final class ServerLog {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final PrintStream out;
  private final Clock clock;

  public ServerLog(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  public void line(String message) {
    synchronized (out) {
      out.println(TIME.format(clock.instant()) + " govern serve: " + message);
      out.flush();
    }
  }
}
