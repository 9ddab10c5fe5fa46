package dev.govern.core.deploy;

import dev.govern.core.GovernException;
import dev.govern.core.io.FileLocks;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.ChangeRecorder;
import dev.govern.core.ledger.Evidence;
import dev.govern.core.toolchain.ProcessRun;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys a release into a target folder: lays it out, swaps {@code current} to it, restarts the
 * service, waits for health and, when the service is not healthy, swaps back and restarts the
 * previous release. Every step that changes the service is recorded in the ledger ({@code
 * release-deploy} or {@code release-rollback}, {@code release-health}, {@code release-revert}).
 *
 * <p>One deploy at a time per target (a file lock). A pending marker in the target state, written
 * before the swap and cleared at the end, lets a later run see and record that a deploy was killed,
 * and finish it: running the same command again converges.
 */
public final class Deployer {
  private final ReleaseStore store;
  private final ChangeRecorder recorder;
  private final DeployProbe probe;
  private final Clock clock;
  private final String operator;
  private final String host;

  public Deployer(
      ReleaseStore store,
      ChangeRecorder recorder,
      DeployProbe probe,
      Clock clock,
      String operator,
      String host) {
    this.store = store;
    this.recorder = recorder;
    this.probe = probe;
    this.clock = clock;
    this.operator = operator;
    this.host = host;
  }

  /** What the command asks for. */
  public enum Action {
    DEPLOY("deploy"),
    ROLLBACK("rollback");

    private final String word;

    Action(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    String ledgerAction() {
      return "release-" + word;
    }
  }

  /**
   * One deploy.
   *
   * @param action deploy or rollback
   * @param service the service
   * @param target the target folder
   * @param release the release to deploy; null for a rollback to the previous healthy release
   * @param checks restart and health settings given now (the rest come from the target state)
   * @param restartTimeout the limit for the restart command
   * @param env the environment of the restart and health commands
   * @param reason why, or null
   * @param queue wait for another deploy of the target instead of failing
   * @param what the command line, shown to a deploy that finds the lock held
   */
  public record Request(
      Action action,
      ServiceName service,
      DeployTarget target,
      Release release,
      DeployChecks checks,
      Duration restartTimeout,
      Map<String, String> env,
      String reason,
      boolean queue,
      String what) {}

  /**
   * What happened.
   *
   * @param action deploy or rollback
   * @param service the service
   * @param target the target folder
   * @param from the release current before, or null
   * @param to the release deployed
   * @param restart the restart command's run, or null without one
   * @param health the health result of {@code to}
   * @param revertedTo the release swapped back to after a failed health check, or null
   * @param revertRestart the restart after the revert, or null
   * @param revertHealth the health of the release reverted to, or null
   * @param interrupted what an earlier, killed deploy left behind, or null
   * @param elapsed from the start of the command to the end
   * @param untilHealthy from the start of the command to the healthy answer, or null
   */
  public record Outcome(
      Action action,
      String service,
      DeployTarget target,
      Release from,
      Release to,
      ProcessRun restart,
      HealthCheck.Result health,
      Release revertedTo,
      ProcessRun revertRestart,
      HealthCheck.Result revertHealth,
      String interrupted,
      Duration elapsed,
      Duration untilHealthy) {
    /** Whether {@code to} is live and not found unhealthy. */
    public boolean ok() {
      return health.healthy();
    }
  }

  public Outcome run(Request req) {
    long start = System.nanoTime();
    DeployTarget t = req.target();
    if (req.action() == Action.ROLLBACK) {
      requireService(t.requireState(), req);
    } else {
      t.checkUsable(req.service());
    }
    FileLocks.Held lock = t.lock(req.queue(), () -> probe.step("waiting"), req.what());
    try {
      probe.step("locked");
      return locked(req, start);
    } finally {
      lock.close();
    }
  }

  private Outcome locked(Request req, long start) {
    DeployTarget t = req.target();
    t.checkUsable(req.service());
    t.cleanTemporaries();
    TargetState state = t.readState().orElse(null);
    if (state == null) {
      // written before anything else, so a killed first deploy leaves a folder govern knows
      state = TargetState.fresh(req.service());
      t.writeState(state);
      probe.step("initialized");
    }
    Optional<String> current = t.currentId();
    String subject = t.subject(host);
    Optional<TargetState.Pending> pending = state.pendingDeploy();
    String interrupted = null;
    if (pending.isPresent()) {
      TargetState.Pending p = pending.get();
      interrupted =
          "a "
              + p.action()
              + " of "
              + p.to()
              + " (pid "
              + p.pid()
              + ", started "
              + p.startedAt()
              + ") was interrupted; current was "
              + current.orElse("none");
      recorder.record(
          new Change(
              "release-interrupted",
              subject,
              p.from(),
              current.orElse(null),
              req.reason(),
              Evidence.of("read " + t.stateFile(), 1, interrupted)));
      probe.step("recovered");
    }
    Release to = choose(req, state, current, pending);
    String fromId = current.orElse(null);
    if (pending.isPresent() && to.id().equals(pending.get().to()) && to.id().equals(fromId)) {
      fromId = pending.get().from(); // the killed run had swapped already
    }
    if (req.action() == Action.ROLLBACK && to.id().equals(fromId) && pending.isEmpty()) {
      throw GovernException.precondition(to.label() + " is already current in " + t.dir(), null);
    }
    Release from = fromId == null ? null : t.laidOut(fromId);
    DeployChecks checks = req.checks().over(state);
    Change deployed =
        new Change(req.action().ledgerAction(), subject, fromId, to.id(), req.reason(), null);
    recorder.precheck(deployed);

    t.layOut(to, store.object(to), probe);
    probe.step("laid-out");
    TargetState before = checks.into(state).withPending(null);
    t.writeState(
        before.withPending(
            new TargetState.Pending(
                req.action().word(),
                fromId,
                to.id(),
                clock.instant().toString(),
                ProcessHandle.current().pid())));
    probe.step("intent");
    t.pointCurrentAt(to.id(), probe);
    probe.step("swapped");
    ProcessRun restart = restart(checks, to, req);
    probe.step("restarted");
    try {
      recorder.record(
          new Change(
              deployed.action(),
              subject,
              fromId,
              to.id(),
              req.reason(),
              evidence(checks.restart(), restart, to)));
    } catch (RuntimeException e) {
      undo(t, from, checks, req, before);
      throw e;
    }
    probe.step("recorded");

    HealthCheck check = checks.healthCheck(t.dir(), env(req, to));
    HealthCheck.Result health = health(check, checks, restart);
    Duration untilHealthy = health.healthy() ? Duration.ofNanos(System.nanoTime() - start) : null;
    probe.step("health-checked");
    recorder.record(
        new Change("release-health", subject, null, to.id(), req.reason(), health.evidence()));
    probe.step("health-recorded");

    List<TargetState.Deployment> done = new ArrayList<>();
    done.add(deployment(to.id(), req.action().word(), health.status()));
    Release revertedTo = null;
    ProcessRun revertRestart = null;
    HealthCheck.Result revertHealth = null;
    if (!health.healthy() && from != null && !from.id().equals(to.id())) {
      t.pointCurrentAt(from.id(), probe);
      probe.step("reverted");
      revertRestart = restart(checks, from, req);
      probe.step("restarted-previous");
      revertHealth = health(checks.healthCheck(t.dir(), env(req, from)), checks, revertRestart);
      probe.step("revert-checked");
      recorder.record(
          new Change(
              "release-revert",
              subject,
              to.id(),
              from.id(),
              "automatic: " + to.id() + " was not healthy",
              revertEvidence(revertRestart, revertHealth, from)));
      probe.step("revert-recorded");
      revertedTo = from;
      done.add(deployment(from.id(), "revert", revertHealth.status()));
    }
    t.writeState(before.finished(done));
    probe.step("finished");
    return new Outcome(
        req.action(),
        req.service().value(),
        t,
        from,
        to,
        restart,
        health,
        revertedTo,
        revertRestart,
        revertHealth,
        interrupted,
        Duration.ofNanos(System.nanoTime() - start),
        untilHealthy);
  }

  /** The release to deploy: the one asked for, else the previous healthy one. */
  private Release choose(
      Request req,
      TargetState state,
      Optional<String> current,
      Optional<TargetState.Pending> pending) {
    if (req.release() != null) {
      if (!req.release().service().equals(req.service().value())) {
        throw GovernException.precondition(
            "release "
                + req.release().id()
                + " belongs to "
                + req.release().service()
                + ", not "
                + req.service(),
            null);
      }
      return req.release();
    }
    if (pending.isPresent() && pending.get().action().equals(Action.ROLLBACK.word())) {
      return t(req).laidOut(pending.get().to()); // finish the interrupted rollback
    }
    String base = current.orElse(null);
    String id =
        state
            .previousHealthy(base)
            .orElseThrow(
                () ->
                    GovernException.precondition(
                        "no earlier healthy release of "
                            + req.service()
                            + " in "
                            + t(req).stateFile(),
                        "name one: govern release rollback NAME --target DIR --to REF"));
    return t(req).laidOut(id);
  }

  private static DeployTarget t(Request req) {
    return req.target();
  }

  private void requireService(TargetState state, Request req) {
    if (!state.service().equals(req.service().value())) {
      throw GovernException.precondition(
          req.target().dir() + " holds releases of " + state.service() + ", not " + req.service(),
          null);
    }
  }

  private ProcessRun restart(DeployChecks checks, Release r, Request req) {
    if (checks.restart() == null) {
      return null;
    }
    return ProcessRun.run(
        List.of("/bin/sh", "-c", checks.restart()),
        req.target().dir(),
        env(req, r),
        req.restartTimeout());
  }

  private static HealthCheck.Result health(
      HealthCheck check, DeployChecks checks, ProcessRun restart) {
    if (restart != null && restart.exitCode() != 0) {
      return new HealthCheck.Result(
          TargetState.UNHEALTHY,
          check.describe(),
          0,
          Duration.ZERO,
          "not checked: the restart command exited " + restart.exitCode());
    }
    return check.await(checks.timeout());
  }

  /** The restart and health commands see the caller's environment and the release. */
  private static Map<String, String> env(Request req, Release r) {
    Map<String, String> env = new HashMap<>(req.env());
    env.put("GOVERN_SERVICE", r.service());
    env.put("GOVERN_RELEASE", r.id());
    env.put("GOVERN_RELEASE_DIR", req.target().releaseDir(r.id()).toString());
    env.put("GOVERN_TARGET", req.target().dir().toString());
    return env;
  }

  private TargetState.Deployment deployment(String id, String action, String health) {
    return new TargetState.Deployment(id, action, clock.instant().toString(), health, operator);
  }

  private static Evidence evidence(String command, ProcessRun restart, Release to) {
    if (restart == null) {
      return Evidence.of("(no restart command)", 0, "current -> releases/" + to.id());
    }
    return Evidence.of(command, restart.exitCode(), restart.output());
  }

  private static Evidence revertEvidence(
      ProcessRun restart, HealthCheck.Result health, Release from) {
    String text =
        "current -> releases/"
            + from.id()
            + "\n"
            + (restart == null
                ? "(no restart command)"
                : "$ "
                    + restart.command()
                    + " (exit "
                    + restart.exitCode()
                    + ")\n"
                    + restart.output())
            + "\n"
            + health.evidence().command()
            + ": "
            + health.evidence().head();
    return Evidence.of("revert to " + from.id(), health.healthy() ? 0 : 1, text);
  }

  /** The deploy could not be recorded: put the previous release back. */
  private void undo(
      DeployTarget t, Release from, DeployChecks checks, Request req, TargetState before) {
    try {
      if (from != null) {
        t.pointCurrentAt(from.id(), DeployProbe.NONE);
        restart(checks, from, req);
      } else {
        Files.deleteIfExists(t.current());
      }
      t.writeState(before);
    } catch (java.io.IOException | RuntimeException e) {
      // the pending marker stays; the next run reports and finishes it
    }
  }
}
