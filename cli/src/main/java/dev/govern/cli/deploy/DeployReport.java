package dev.govern.cli.deploy;

import dev.govern.cli.support.JsonDocument;
import dev.govern.core.deploy.Deployer;
import dev.govern.core.deploy.HealthCheck;
import dev.govern.core.toolchain.ProcessRun;
import java.io.PrintWriter;
import java.time.Duration;

/** How {@code release deploy} and {@code release rollback} report: text lines or one document. */
final class DeployReport {
  private DeployReport() {}

  /** A command's run. */
  record RunDoc(String command, int exitCode, String output) {
    static RunDoc of(ProcessRun r) {
      return r == null ? null : new RunDoc(r.command(), r.exitCode(), r.output());
    }
  }

  /** A health result. */
  record HealthDoc(String status, String check, int attempts, long elapsedMs, String last) {
    static HealthDoc of(HealthCheck.Result h) {
      return h == null
          ? null
          : new HealthDoc(h.status(), h.check(), h.attempts(), h.elapsed().toMillis(), h.last());
    }
  }

  /** The automatic revert. */
  record RevertDoc(String to, RunDoc restart, HealthDoc health) {}

  /** The {@code --json} document. */
  record Deployed(
      int schemaVersion,
      String action,
      String service,
      String target,
      boolean ok,
      ReleaseDoc from,
      ReleaseDoc to,
      RunDoc restart,
      HealthDoc health,
      RevertDoc reverted,
      String interrupted,
      long elapsedMs,
      Long healthyAfterMs)
      implements JsonDocument {}

  static Deployed json(Deployer.Outcome o) {
    return new Deployed(
        1,
        o.action().word(),
        o.service(),
        o.target().dir().toString(),
        o.ok(),
        ReleaseDoc.of(o.from()),
        ReleaseDoc.of(o.to()),
        RunDoc.of(o.restart()),
        HealthDoc.of(o.health()),
        o.revertedTo() == null
            ? null
            : new RevertDoc(
                o.revertedTo().id(), RunDoc.of(o.revertRestart()), HealthDoc.of(o.revertHealth())),
        o.interrupted(),
        o.elapsed().toMillis(),
        o.untilHealthy() == null ? null : o.untilHealthy().toMillis());
  }

  static void text(PrintWriter out, Deployer.Outcome o) {
    if (o.interrupted() != null) {
      out.println("note      " + o.interrupted() + " (recorded; finishing it now)");
    }
    out.println(
        o.action().word() + " " + o.service() + " " + o.to().label() + " to " + o.target().dir());
    out.println("laid out  " + o.target().releaseDir(o.to().id()));
    out.println(
        "swapped   current -> releases/"
            + o.to().id()
            + (o.from() == null ? "" : " (was " + o.from().id() + ")"));
    restart(out, o.restart());
    health(out, o.health());
    if (o.revertedTo() != null) {
      out.println("reverted  current -> releases/" + o.revertedTo().id());
      restart(out, o.revertRestart());
      health(out, o.revertHealth());
    }
    if (o.ok()) {
      out.println(
          (o.action() == Deployer.Action.DEPLOY ? "deployed " : "rolled back to ")
              + o.to().id()
              + ", "
              + o.health().status()
              + (o.untilHealthy() == null ? "" : " after " + seconds(o.untilHealthy())));
    } else if (o.revertedTo() != null) {
      out.println(
          o.action().word()
              + " of "
              + o.to().id()
              + " FAILED its health check; reverted to "
              + o.revertedTo().id()
              + " ("
              + o.revertHealth().status()
              + ")");
    } else {
      out.println(
          o.action().word()
              + " of "
              + o.to().id()
              + " FAILED its health check; no earlier release to revert to, "
              + o.to().id()
              + " stays current");
    }
    out.flush();
  }

  private static void restart(PrintWriter out, ProcessRun r) {
    if (r == null) {
      out.println("restart   (no restart command)");
      return;
    }
    out.println(
        "restart   " + r.command().replaceFirst("^/bin/sh -c ", "") + ": exit " + r.exitCode());
    if (r.exitCode() != 0) {
      r.output().lines().forEach(l -> out.println("          | " + l));
    }
  }

  private static void health(PrintWriter out, HealthCheck.Result h) {
    if (h.attempts() == 0) {
      out.println("health    " + h.status() + (h.last().isEmpty() ? "" : ": " + h.last()));
      return;
    }
    out.println(
        "health    "
            + h.check()
            + ": "
            + h.status()
            + " after "
            + h.attempts()
            + (h.attempts() == 1 ? " attempt, " : " attempts, ")
            + h.elapsed().toMillis()
            + " ms");
    if (!h.healthy()) {
      h.last().lines().limit(6).forEach(l -> out.println("          | " + l));
    }
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
  }
}
