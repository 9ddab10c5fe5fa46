package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.io.FileLocks;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.ChangeRecorder;
import dev.govern.core.ledger.Evidence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Returns the global default to the previous one (or a named one), then proves the result works:
 * {@code go version} prints the expected version, {@code go env GOROOT} points into the toolchain,
 * and the smoke command exits 0. The outputs are the change's evidence. A failed verification puts
 * the previous state back unless asked to keep it.
 */
public final class Rollback {
  /** The smoke script used when none is given and it exists in the working directory. */
  public static final String DEFAULT_SMOKE = "ci/smoke_test.sh";

  private final GovernHome home;
  private final Defaults defaults;
  private final ChangeRecorder recorder;
  private final Duration timeout;

  public Rollback(GovernHome home, ChangeRecorder recorder, Clock clock, Duration timeout) {
    this.home = home;
    this.defaults = new Defaults(home, recorder, clock);
    this.recorder = recorder;
    this.timeout = timeout;
  }

  /**
   * What to do.
   *
   * @param to the version to return to, or null for the previous default
   * @param reason why, or null
   * @param smoke a shell command, or null for {@link #DEFAULT_SMOKE} when present
   * @param keepOnFailure keep the new default even when verification fails
   * @param cwd where the smoke command runs
   * @param env the caller's environment
   */
  public record Request(
      String to,
      String reason,
      String smoke,
      boolean keepOnFailure,
      Path cwd,
      Map<String, String> env) {}

  /**
   * One verification step.
   *
   * @param run what ran and what it printed
   * @param expectation what it had to show
   * @param passed whether it did
   */
  public record Check(ProcessRun run, String expectation, boolean passed) {}

  /**
   * What happened.
   *
   * @param from the default before
   * @param to the default rolled back to
   * @param verified whether every check passed
   * @param kept whether {@code to} is the default now
   * @param checks the checks, in order; verification stops at the first failure
   * @param evidence the bounded output recorded with the change
   */
  public record Outcome(
      String from,
      String to,
      boolean verified,
      boolean kept,
      List<Check> checks,
      Evidence evidence) {}

  public Outcome run(Request req) {
    FileLocks.Held lock = StateLock.acquire(home);
    try {
      return locked(req);
    } finally {
      lock.close();
    }
  }

  private Outcome locked(Request req) {
    GovernState state = defaults.state();
    String from =
        state
            .defaultName()
            .orElseThrow(
                () ->
                    GovernException.precondition(
                        "there is no default to roll back from",
                        "run: govern use <version> --default"));
    String to =
        req.to() != null
            ? new Resolver(home).of(req.to(), new Source(Source.Kind.ARGUMENT, "--to")).name()
            : state
                .previousDefault()
                .orElseThrow(
                    () ->
                        GovernException.precondition(
                            "the default has no earlier version in " + home.state(),
                            "name one: govern rollback --to <version>"));
    if (to.equals(from)) {
      throw GovernException.precondition(to + " is already the default", null);
    }
    defaults.requireInstalled(to);
    Defaults.Snapshot before = defaults.snapshot();
    defaults.apply(to, req.reason(), "rollback");
    List<Check> checks = verify(to, req);
    boolean ok = checks.stream().allMatch(Check::passed);
    Evidence evidence = evidence(checks);
    boolean kept = ok || req.keepOnFailure();
    if (!kept) {
      defaults.restore(before);
    }
    String action = ok ? "rollback" : kept ? "rollback-unverified" : "rollback-failed";
    try {
      recorder.record(
          new Change(action, HostName.subject(req.env()), from, to, req.reason(), evidence));
    } catch (RuntimeException e) {
      if (kept) {
        defaults.restore(before);
      }
      throw e;
    }
    return new Outcome(from, to, ok, kept, checks, evidence);
  }

  private List<Check> verify(String to, Request req) {
    List<Check> checks = new ArrayList<>();
    Path go = DefaultLink.path(home).resolve("bin").resolve("go");
    Map<String, String> env = verifyEnv(to, req.env());

    ProcessRun version = ProcessRun.run(List.of(go.toString(), "version"), req.cwd(), env, timeout);
    String want = "go version " + to + " ";
    checks.add(
        new Check(
            version,
            "prints \"" + want.strip() + "\"",
            version.exitCode() == 0 && version.output().startsWith(want)));
    if (!last(checks)) {
      return checks;
    }
    ProcessRun goroot =
        ProcessRun.run(List.of(go.toString(), "env", "GOROOT"), req.cwd(), env, timeout);
    Path expected = home.toolchain(to);
    checks.add(
        new Check(
            goroot,
            "points into " + expected,
            goroot.exitCode() == 0 && sameDir(goroot.output().strip(), expected)));
    if (!last(checks)) {
      return checks;
    }
    smokeCommand(req)
        .ifPresent(
            argv -> {
              ProcessRun smoke = ProcessRun.run(argv, req.cwd(), env, timeout);
              checks.add(new Check(smoke, "exits 0", smoke.exitCode() == 0));
            });
    return checks;
  }

  private static boolean last(List<Check> checks) {
    return checks.get(checks.size() - 1).passed();
  }

  private Optional<List<String>> smokeCommand(Request req) {
    if (req.smoke() != null && !req.smoke().isBlank()) {
      return Optional.of(List.of("/bin/sh", "-c", req.smoke()));
    }
    Path script = req.cwd().resolve(DEFAULT_SMOKE);
    if (Files.isRegularFile(script)) {
      return Optional.of(
          Files.isExecutable(script)
              ? List.of(script.toString())
              : List.of("/bin/sh", script.toString()));
    }
    return Optional.empty();
  }

  /**
   * The caller's environment with govern's shims first on PATH, the rolled-back version selected
   * (so a pin in the working directory cannot hide it), no hand-set GOROOT, and no downloads.
   */
  private Map<String, String> verifyEnv(String to, Map<String, String> callerEnv) {
    Map<String, String> env = new HashMap<>(callerEnv);
    env.remove("GOROOT");
    env.put(Resolver.VARIABLE, to);
    env.put("GOTOOLCHAIN", ShellEnv.gotoolchain(callerEnv));
    String path = callerEnv.getOrDefault("PATH", "/usr/bin:/bin");
    env.put("PATH", home.bin() + (path.isEmpty() ? "" : ":" + path));
    return env;
  }

  private static boolean sameDir(String reported, Path expected) {
    if (reported.isEmpty()) {
      return false;
    }
    try {
      return Path.of(reported).toRealPath().equals(expected.toRealPath());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static Evidence evidence(List<Check> checks) {
    StringBuilder out = new StringBuilder();
    List<String> commands = new ArrayList<>();
    int code = 0;
    for (Check c : checks) {
      commands.add(c.run().command());
      out.append("$ ").append(c.run().command()).append('\n');
      out.append(c.run().output());
      if (!c.run().output().endsWith("\n") && !c.run().output().isEmpty()) {
        out.append('\n');
      }
      out.append("[exit ")
          .append(c.run().exitCode())
          .append("; ")
          .append(c.passed() ? "ok: " : "FAILED: ")
          .append(c.expectation())
          .append("]\n");
      if (!c.passed() && code == 0) {
        code = c.run().exitCode() != 0 ? c.run().exitCode() : 1;
      }
    }
    return Evidence.of(String.join(" && ", commands), code, out.toString());
  }
}
