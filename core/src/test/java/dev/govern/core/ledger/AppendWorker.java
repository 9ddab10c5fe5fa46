package dev.govern.core.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A child process for the multi-process ledger tests: appends entries and prints {@code ack <seq>
 * <hash>} after each. With {@code stepwise}, it writes each line in 16-byte chunks and after each
 * chunk prints {@code partial <seq> <written> <total>} and waits for a line on stdin, so the parent
 * can kill it at an exact point in the middle of a line.
 *
 * <p>Arguments: {@code <ledger> <count> <operator> fast|stepwise}.
 */
public final class AppendWorker {
  private AppendWorker() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    String operator = args[2];
    boolean stepwise = args[3].equals("stepwise");
    Ledger ledger = new Ledger(file);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (stepwise) {
      ledger.withWriteHook(
          16,
          (seq, written, total) -> {
            System.out.println("partial " + seq + " " + written + " " + total);
            System.out.flush();
            if (in.readLine() == null) {
              throw new IOException("the parent went away");
            }
          });
    }
    for (int i = 0; i < count; i++) {
      Change c =
          new Change(
              "install",
              "host:" + operator,
              null,
              "go1.22." + i,
              operator + " entry " + i,
              Evidence.of("go version", 0, "go version go1.22." + i + " linux/amd64"));
      LedgerEntry e = ledger.append(c, operator, null, 0, Instant.now());
      System.out.println("ack " + e.seq() + " " + e.hash());
      System.out.flush();
    }
  }
}
