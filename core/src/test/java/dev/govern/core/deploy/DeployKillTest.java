package dev.govern.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.ledger.LedgerEntry;
import dev.govern.core.testing.GoService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys and rollbacks in their own JVMs, killed with SIGKILL at every step, and racing each other
 * for one target.
 */
@Tag("slow")
class DeployKillTest {
  private static final long HEALTHY_MS = 20_000;
  private static final long BROKEN_MS = 1_500;

  @TempDir Path tmp;

  /** A target with v1 (and, for some scenarios, v2) deployed, ready for the deploy under test. */
  private record Setup(DeployHarness h, Release v1, Release v2, Release broken) {}

  private Setup setup(String name, boolean v2Live) throws Exception {
    GoService go = GoService.shared();
    DeployHarness h = new DeployHarness(tmp.resolve(name));
    Release v1 = h.record(go.v1(), 1);
    Release v2 = h.record(go.v2(), 2);
    Release broken = h.record(go.broken(), 3);
    healthy(h, h.deploy(v1, Duration.ofMillis(HEALTHY_MS)));
    if (v2Live) {
      healthy(h, h.deploy(v2, Duration.ofMillis(HEALTHY_MS)));
    }
    return new Setup(h, v1, v2, broken);
  }

  private static void healthy(DeployHarness h, Deployer.Outcome o) throws IOException {
    assertThat(o.ok())
        .as("%s\nservice log:\n%s", o.health(), Files.readString(h.runDir.resolve("log")))
        .isTrue();
  }

  /** One scenario: what runs, and where it must end up. */
  private record Scenario(
      String name,
      boolean v2Live,
      Deployer.Action action,
      boolean useBroken,
      boolean useV2,
      long timeoutMs,
      String endsAt) {}

  private static final List<Scenario> SCENARIOS =
      List.of(
          new Scenario("deploy", false, Deployer.Action.DEPLOY, false, true, HEALTHY_MS, "v2"),
          new Scenario("revert", true, Deployer.Action.DEPLOY, true, false, BROKEN_MS, "v2"),
          new Scenario("rollback", true, Deployer.Action.ROLLBACK, false, false, HEALTHY_MS, "v1"));

  private Process child(Setup s, Scenario sc, String pauseAt, String operator, boolean queue)
      throws IOException {
    Release r = sc.useBroken() ? s.broken() : sc.useV2() ? s.v2() : null;
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            DeployChild.class.getName(),
            s.h().root.toString(),
            Integer.toString(s.h().port),
            sc.action().name(),
            r == null ? "-" : r.id(),
            pauseAt,
            operator,
            Boolean.toString(queue),
            Long.toString(sc.timeoutMs()));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  private static String awaitLine(Process p, String prefix, List<String> seen) throws IOException {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = r.readLine()) != null) {
      seen.add(line);
      if (line.startsWith(prefix)) {
        return line;
      }
    }
    throw new AssertionError("the child ended before " + prefix + ":\n" + String.join("\n", seen));
  }

  private Deployer.Outcome rerun(Setup s, Scenario sc) {
    Release r = sc.useBroken() ? s.broken() : sc.useV2() ? s.v2() : null;
    DeployChecks checks =
        sc.action() == Deployer.Action.DEPLOY
            ? s.h().checks(Duration.ofMillis(sc.timeoutMs()))
            : DeployChecks.none();
    return s.h()
        .deployer("rerun", DeployProbe.NONE)
        .run(s.h().request(sc.action(), r, checks, false));
  }

  @Test
  void killedAtEveryStepCurrentNamesACompleteReleaseAndRunningAgainConverges() throws Exception {
    int points = 0;
    for (Scenario sc : SCENARIOS) {
      // a clean run lists the steps
      Setup clean = setup(sc.name() + "-clean", sc.v2Live());
      List<String> steps = new ArrayList<>();
      Process p = child(clean, sc, "-", "child", false);
      awaitLine(p, "DONE", steps);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      clean.h().stop();
      List<String> names =
          steps.stream().filter(l -> l.startsWith("STEP ")).map(l -> l.substring(5)).toList();
      assertThat(names).contains("locked#1", "intent#1", "swapped#1", "finished#1");
      if (sc.useBroken()) {
        assertThat(names).contains("reverted#1", "revert-recorded#1", "link-created#2");
      }
      for (String step : names) {
        Setup s = setup(sc.name() + "-" + step.replace('#', '-'), sc.v2Live());
        try {
          killAt(s, sc, step);
          points++;
        } finally {
          s.h().stop();
        }
      }
    }
    assertThat(points).isGreaterThanOrEqualTo(35);
  }

  private void killAt(Setup s, Scenario sc, String step) throws Exception {
    DeployHarness h = s.h();
    int entriesBefore = h.entries().size();
    Process p = child(s, sc, step, "child", false);
    awaitLine(p, "PAUSED " + step, new ArrayList<>());
    p.destroyForcibly(); // SIGKILL
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String where = sc.name() + " killed at " + step;

    // current names a complete release: its folder, its binary, the binary's recorded hash
    String id = h.target.currentId().orElseThrow();
    Release live = h.target.laidOut(id);
    h.target.verifyLaidOut(live);
    assertThat(h.verify().intact()).as(where).isTrue();
    boolean pending = h.target.readState().orElseThrow().pending() != null;

    // running the command again converges on the same end as an uninterrupted run; a rollback
    // killed after its commit point (the state written, nothing pending) had finished, and
    // running it again is a new rollback, back the other way like `cd -`
    Release end = sc.endsAt().equals("v1") ? s.v1() : s.v2();
    if (sc.action() == Deployer.Action.ROLLBACK && step.startsWith("finished")) {
      assertThat(pending).as(where).isFalse();
      assertThat(id).as(where).isEqualTo(end.id());
      end = s.v2();
    }
    Deployer.Outcome o = rerun(s, sc);
    String log = Files.readString(h.runDir.resolve("log"));
    assertThat(h.target.currentId()).as("%s: %s\n%s", where, o.health(), log).contains(end.id());
    assertThat(h.running()).as(where).isEqualTo(end.id());
    assertThat(o.ok()).as(where).isEqualTo(!sc.useBroken());
    if (sc.useBroken()) {
      assertThat(o.revertedTo().id()).as(where).isEqualTo(s.v2().id());
    }
    TargetState state = h.target.readState().orElseThrow();
    assertThat(state.pending()).as(where).isNull();
    assertThat(state.history().get(state.history().size() - 1).release())
        .as(where)
        .isEqualTo(end.id());
    assertThat(leftovers(h)).as(where).isEmpty();
    assertThat(h.verify().intact()).as(where).isTrue();
    List<LedgerEntry> added = h.entries().subList(entriesBefore, h.entries().size());
    // a kill after the pending marker was written is reported by the next run
    assertThat(added.stream().anyMatch(e -> e.action().equals("release-interrupted")))
        .as(where)
        .isEqualTo(pending);
  }

  private static List<String> leftovers(DeployHarness h) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path dir : List.of(h.target.dir(), h.target.releases())) {
      try (Stream<Path> s = Files.list(dir)) {
        s.map(x -> x.getFileName().toString()).filter(n -> n.startsWith(".tmp")).forEach(out::add);
      }
    }
    return out;
  }

  @Test
  void twoDeploysOfOneTargetNeverInterleave() throws Exception {
    Scenario toV2 = SCENARIOS.get(0);
    Setup s = setup("race", false);
    DeployHarness h = s.h();
    try {
      int before = h.entries().size();
      Process a = child(s, toV2, "swapped#1", "a", false);
      awaitLine(a, "PAUSED", new ArrayList<>());

      // without --wait: fails at once, naming the holder
      Scenario back = SCENARIOS.get(2);
      Process b = child(s, back, "-", "b", false);
      List<String> bOut = new ArrayList<>();
      String err = awaitLine(b, "ERROR", bOut);
      assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(b.exitValue()).isEqualTo(3);
      assertThat(err)
          .contains(h.target.dir() + " is being deployed by another govern (pid " + a.pid());

      // with --wait: queues behind the holder and runs after it
      Process c = child(s, back, "-", "c", true);
      List<String> cOut = new ArrayList<>();
      awaitLine(c, "STEP waiting", cOut);
      try (OutputStream go = a.getOutputStream()) {
        go.write('\n');
      }
      List<String> aOut = new ArrayList<>();
      assertThat(awaitLine(a, "DONE", aOut)).contains("ok=true", "to=" + s.v2().id());
      assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(awaitLine(c, "DONE", cOut)).contains("ok=true", "to=" + s.v1().id());
      assertThat(c.waitFor(60, TimeUnit.SECONDS)).isTrue();

      List<String> operators =
          h.entries().subList(before, h.entries().size()).stream()
              .map(LedgerEntry::operator)
              .toList();
      assertThat(operators).containsExactly("a", "a", "c", "c");
      assertThat(h.target.currentId()).contains(s.v1().id());
      assertThat(h.running()).isEqualTo(s.v1().id());
      assertThat(h.verify().intact()).isTrue();
    } finally {
      h.stop();
    }
  }
}
