package dev.govern.core.deploy;

import dev.govern.core.GovernException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A deploy in its own JVM, for the crash and concurrency tests: {@code root port action releaseId|-
 * pauseAt|- operator queue healthTimeoutMs}. It prints {@code STEP name#n} at each step; at step
 * {@code pauseAt} ({@code name#n}) it prints {@code PAUSED name#n} and waits for a line on stdin
 * (tests kill it there, or let it go on). It ends with {@code DONE ...} or {@code ERROR ...} and
 * govern's exit code.
 */
public final class DeployChild {
  private DeployChild() {}

  public static void main(String[] args) {
    DeployHarness h = new DeployHarness(Path.of(args[0]), Integer.parseInt(args[1]));
    Deployer.Action action = Deployer.Action.valueOf(args[2]);
    Release release = args[3].equals("-") ? null : h.byId(args[3]);
    String pauseAt = args[4];
    String operator = args[5];
    boolean queue = Boolean.parseBoolean(args[6]);
    Duration timeout = Duration.ofMillis(Long.parseLong(args[7]));
    PrintStream out = System.out;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Map<String, Integer> seen = new HashMap<>();
    DeployProbe probe =
        name -> {
          String step = name + "#" + seen.merge(name, 1, Integer::sum);
          out.println("STEP " + step);
          if (step.equals(pauseAt)) {
            out.println("PAUSED " + step);
            out.flush();
            try {
              in.readLine();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          out.flush();
        };
    DeployChecks checks =
        action == Deployer.Action.DEPLOY ? h.checks(timeout) : DeployChecks.none();
    try {
      Deployer.Outcome o =
          h.deployer(operator, probe).run(h.request(action, release, checks, queue));
      out.println(
          "DONE ok="
              + o.ok()
              + " to="
              + o.to().id()
              + " reverted="
              + (o.revertedTo() == null ? "-" : o.revertedTo().id()));
      out.flush();
      System.exit(0);
    } catch (GovernException e) {
      out.println("ERROR " + e.getMessage());
      out.flush();
      System.exit(e.code().exitCode());
    }
  }
}
