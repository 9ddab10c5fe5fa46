package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.ExitCodes;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.GovernException;
import dev.govern.core.ledger.Evidence;
import dev.govern.core.toolchain.Rollback;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govern rollback}: back to the previous default, verified and recorded. */
@Command(
    name = "rollback",
    description = {
      "Return the global default to the previous one, verified and recorded.",
      "Checks go version, go env GOROOT and a smoke command (--smoke, else",
      "ci/smoke_test.sh here); a failed check restores the previous default."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:rolled back and verified",
      "1:verification failed (restored unless --keep-on-failure)",
      "3:nothing to roll back to, or it is not installed"
    })
public final class RollbackCommand extends BaseCommand {
  @Option(names = "--to", paramLabel = "V", description = "Roll back to this version instead.")
  String to;

  @Option(names = "--reason", paramLabel = "R", description = "Why; recorded with the change.")
  String reason;

  @Option(
      names = "--smoke",
      paramLabel = "CMD",
      description = "A shell command that must exit 0 (default: ci/smoke_test.sh if present).")
  String smoke;

  @Option(
      names = "--keep-on-failure",
      description = "Keep the rolled-back default even when verification fails.")
  boolean keepOnFailure;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Limit for each verification command (default 600; env GOVERN_SMOKE_TIMEOUT).")
  String timeout;

  @Mixin JsonFlag format;

  /** One check in the {@code --json} document. */
  record CheckDoc(
      String command, int exitCode, String expectation, boolean passed, String output) {}

  /** The {@code --json} document. */
  record Result(
      int schemaVersion,
      String from,
      String to,
      boolean verified,
      String defaultNow,
      List<CheckDoc> checks,
      Evidence evidence)
      implements JsonDocument {}

  @Override
  protected int run() {
    Duration limit =
        Duration.ofSeconds(seconds(settings().resolve(timeout, "smoke-timeout", "600")));
    Rollback.Outcome o =
        new Rollback(settings().home(), recorder(), Clock.systemUTC(), limit)
            .run(new Rollback.Request(to, reason, smoke, keepOnFailure, cwd(), settings().env()));
    String now = o.kept() ? o.to() : o.from();
    if (format.json) {
      JsonOutput.print(
          out(),
          new Result(
              1,
              o.from(),
              o.to(),
              o.verified(),
              now,
              o.checks().stream()
                  .map(
                      c ->
                          new CheckDoc(
                              c.run().command(),
                              c.run().exitCode(),
                              c.expectation(),
                              c.passed(),
                              c.run().output()))
                  .toList(),
              o.evidence()));
    } else {
      for (Rollback.Check c : o.checks()) {
        out()
            .println(
                (c.passed() ? "ok      " : "FAILED  ")
                    + c.run().command()
                    + ": "
                    + c.expectation());
        if (!c.passed()) {
          c.run().output().lines().forEach(l -> out().println("        | " + l));
        }
      }
      if (o.verified()) {
        out().println("rolled back " + o.from() + " -> " + o.to() + ", verified");
      } else if (o.kept()) {
        out()
            .println(
                "rolled back " + o.from() + " -> " + o.to() + " but verification FAILED (kept)");
      } else {
        out()
            .println(
                "rollback to "
                    + o.to()
                    + " FAILED verification; the default is "
                    + o.from()
                    + " again");
      }
      out().flush();
    }
    return o.verified() ? ExitCodes.OK : ExitCodes.RUNTIME;
  }

  private static long seconds(String s) {
    try {
      long v = Long.parseLong(s.strip());
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw GovernException.usage("--timeout must be a positive number of seconds: \"" + s + "\"");
  }
}
