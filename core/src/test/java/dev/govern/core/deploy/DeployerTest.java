package dev.govern.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.ledger.LedgerEntry;
import dev.govern.core.testing.GoService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deploys of a real Go service built at test time: swap, restart, health, revert, rollback. */
@Tag("slow")
class DeployerTest {
  private static final Duration HEALTHY_WITHIN = Duration.ofSeconds(20);
  private static final Duration BROKEN_WITHIN = Duration.ofSeconds(2);

  @TempDir Path tmp;
  GoService go;
  DeployHarness h;
  Release v1;
  Release v2;
  Release broken;

  @BeforeEach
  void record() throws Exception {
    go = GoService.shared();
    h = new DeployHarness(tmp);
    v1 = h.record(go.v1(), 1);
    v2 = h.record(go.v2(), 2);
    broken = h.record(go.broken(), 3);
  }

  @AfterEach
  void stop() {
    h.stop();
  }

  private List<String> actions() {
    return h.entries().stream().map(LedgerEntry::action).toList();
  }

  @Test
  void aDeployLaysOutSwapsRestartsChecksHealthAndRecordsEachStep() throws Exception {
    Deployer.Outcome first = h.deploy(v1, HEALTHY_WITHIN);
    assertThat(first.ok()).isTrue();
    assertThat(first.from()).isNull();
    assertThat(first.health().status()).isEqualTo("healthy");
    assertThat(first.health().last()).contains("HTTP 200", "ok v1");
    assertThat(first.untilHealthy()).isNotNull();
    assertThat(Files.readSymbolicLink(h.target.current())).isEqualTo(Path.of("releases", v1.id()));
    assertThat(h.target.binary(v1.id(), "hello")).hasSameBinaryContentAs(go.v1().binary());
    assertThat(h.running()).isEqualTo(v1.id());

    Deployer.Outcome second = h.deploy(v2, HEALTHY_WITHIN);
    assertThat(second.ok()).isTrue();
    assertThat(second.from().id()).isEqualTo(v1.id());
    assertThat(h.running()).isEqualTo(v2.id());
    assertThat(actions())
        .containsExactly(
            "release-record",
            "release-record",
            "release-record",
            "release-deploy",
            "release-health",
            "release-deploy",
            "release-health");
    LedgerEntry deploy = h.entries().get(5);
    assertThat(deploy.subject()).isEqualTo("target:testhost:" + h.target.dir());
    assertThat(deploy.from()).isEqualTo(v1.id());
    assertThat(deploy.to()).isEqualTo(v2.id());
    assertThat(deploy.evidence().command()).startsWith("sh ").endsWith("restart.sh");
    assertThat(deploy.evidence().head()).contains("started " + v2.id());
    assertThat(h.entries().get(6).evidence().head()).contains("healthy", "ok v2");
    assertThat(h.verify().intact()).isTrue();
    TargetState state = h.target.readState().orElseThrow();
    assertThat(state.pending()).isNull();
    assertThat(state.restart()).isEqualTo("sh " + h.restart);
    assertThat(state.history())
        .extracting(TargetState.Deployment::release, TargetState.Deployment::health)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(v1.id(), "healthy"),
            org.assertj.core.groups.Tuple.tuple(v2.id(), "healthy"));
  }

  @Test
  void anUnhealthyReleaseIsSwappedBackRestartedAndTheRevertIsRecorded() throws Exception {
    h.deploy(v2, HEALTHY_WITHIN);
    Deployer.Outcome o = h.deploy(broken, BROKEN_WITHIN);
    assertThat(o.ok()).isFalse();
    assertThat(o.health().status()).isEqualTo("unhealthy");
    assertThat(o.health().last()).contains("HTTP 500", "broken v3");
    assertThat(o.revertedTo().id()).isEqualTo(v2.id());
    assertThat(o.revertHealth().status()).isEqualTo("healthy");
    assertThat(Files.readSymbolicLink(h.target.current())).isEqualTo(Path.of("releases", v2.id()));
    assertThat(h.running()).isEqualTo(v2.id());
    List<LedgerEntry> e = h.entries();
    assertThat(actions().subList(5, e.size()))
        .containsExactly("release-deploy", "release-health", "release-revert");
    assertThat(e.get(6).evidence().exitCode()).isEqualTo(1);
    assertThat(e.get(7).from()).isEqualTo(broken.id());
    assertThat(e.get(7).to()).isEqualTo(v2.id());
    assertThat(e.get(7).reason()).contains("was not healthy");
    assertThat(e.get(7).evidence().head()).contains("ok v2");
    assertThat(h.target.readState().orElseThrow().history())
        .extracting(TargetState.Deployment::action, TargetState.Deployment::health)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("deploy", "healthy"),
            org.assertj.core.groups.Tuple.tuple("deploy", "unhealthy"),
            org.assertj.core.groups.Tuple.tuple("revert", "healthy"));
  }

  @Test
  void rollbackReturnsToThePreviousHealthyReleaseAndTwoRollbacksUndoEachOther() throws Exception {
    h.deploy(v1, HEALTHY_WITHIN);
    h.deploy(v2, HEALTHY_WITHIN);
    h.deploy(broken, BROKEN_WITHIN); // reverted to v2
    Deployer.Outcome back = h.rollback(null);
    assertThat(back.ok()).isTrue();
    assertThat(back.from().id()).isEqualTo(v2.id());
    assertThat(back.to().id()).isEqualTo(v1.id());
    assertThat(h.running()).isEqualTo(v1.id());
    assertThat(h.entries().get(h.entries().size() - 2).action()).isEqualTo("release-rollback");
    // the restart and health settings came from the target state
    assertThat(back.health().check()).isEqualTo("GET " + h.healthUrl());
    assertThat(h.rollback(null).to().id()).isEqualTo(v2.id());
    assertThat(h.running()).isEqualTo(v2.id());
  }

  @Test
  void rollbackByGoLineDeploysTheNewestBuildOnThatLine() throws Exception {
    Release old = h.record(go.v1go119(), 4);
    h.deploy(v2, HEALTHY_WITHIN);
    Release onOldGo = ReleaseRef.newestOnGo(h.store.releases(DeployHarness.SERVICE), "1.19");
    assertThat(onOldGo.id()).isEqualTo(old.id());
    Deployer.Outcome o = h.rollback(onOldGo);
    assertThat(o.ok()).isTrue();
    assertThat(h.running()).isEqualTo(old.id());
    ProcessTable.Running p = ProcessTable.system().one(GoService.pid(h.runDir));
    assertThat(p.facts().goVersion()).isEqualTo("go1.19.8");
    assertThat(p.facts().revision()).isEqualTo(go.v1().revision());
  }

  @Test
  void aStoredBinaryThatNoLongerMatchesItsSha256IsRefusedAsTampering() throws Exception {
    Path object = h.store.object(v1);
    Files.setPosixFilePermissions(object, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.write(object, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> h.deploy(v1, HEALTHY_WITHIN))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CHECK_FAILED))
        .hasMessageContaining("release " + v1.id() + " of hello: the stored binary " + object)
        .hasMessageContaining("not the recorded " + v1.sha256())
        .hasMessageContaining("tampering, refused");
    assertThat(h.target.current()).doesNotExist();
    assertThat(h.target.releases()).isEmptyDirectory();
    assertThatThrownBy(() -> h.store.verify(v1)).hasMessageContaining("tampering");
  }

  @Test
  void aLaidOutBinaryChangedOnTheHostIsRefusedToo() throws Exception {
    h.deploy(v1, HEALTHY_WITHIN);
    h.deploy(v2, HEALTHY_WITHIN);
    Path laid = h.target.binary(v1.id(), "hello");
    Files.setPosixFilePermissions(laid, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.write(laid, new byte[] {9}, java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> h.rollback(null))
        .hasMessageContaining("the deployed binary " + laid)
        .hasMessageContaining("tampering");
    assertThat(h.running()).isEqualTo(v2.id());
  }

  @Test
  void aFolderGovernDidNotSetUpIsRefusedAndLeftAlone() throws Exception {
    Path dir = tmp.resolve("srv/hello");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("app.conf"), "x");
    assertThatThrownBy(() -> h.deploy(v1, HEALTHY_WITHIN))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PRECONDITION))
        .hasMessage(
            dir
                + " is not a govern release folder (no .govern/target.json; it holds 1 other entry: app.conf)");
    assertThat(dir.resolve(".govern")).doesNotExist();
    assertThatThrownBy(() -> h.rollback(null))
        .hasMessageContaining("is not a govern release folder");
    Files.delete(dir.resolve("app.conf"));
    assertThatThrownBy(() -> h.rollback(null))
        .hasMessage(dir + " is not a govern release folder (no .govern/target.json)");
    Files.delete(dir);
    assertThatThrownBy(() -> h.rollback(null))
        .hasMessage(dir + " is not a govern release folder (it does not exist)");
  }

  @Test
  void aSecondDeployWhileTheFirstHoldsTheTargetFailsNamingTheHolder() throws Exception {
    h.deploy(v1, HEALTHY_WITHIN);
    CountDownLatch paused = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    DeployProbe pauseAtSwap =
        step -> {
          if (step.equals("swapped")) {
            paused.countDown();
            try {
              resume.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    CompletableFuture<Deployer.Outcome> first =
        CompletableFuture.supplyAsync(
            () ->
                h.deployer("first", pauseAtSwap)
                    .run(h.request(Deployer.Action.DEPLOY, v2, h.checks(HEALTHY_WITHIN), false)));
    assertThat(paused.await(60, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> h.rollback(null))
        .hasMessageContaining(h.target.dir() + " is being deployed by another govern (pid ")
        .hasMessageContaining("deploy " + v2.id());
    resume.countDown();
    Deployer.Outcome o = first.get(60, TimeUnit.SECONDS);
    assertThat(o.ok()).as("%s", Files.readString(h.runDir.resolve("log"))).isTrue();
    assertThat(h.running()).isEqualTo(v2.id());
  }

  private Deployer.Outcome deployWith(Release r, DeployChecks checks) {
    return h.deployer("tester", DeployProbe.NONE)
        .run(h.request(Deployer.Action.DEPLOY, r, checks, false));
  }

  @Test
  void aHealthCommandSeesTheReleaseAndItsExitCodeDecides() throws Exception {
    String notV2 = "test \"$GOVERN_RELEASE\" != " + v2.id() + " || { echo refusing v2; exit 3; }";
    DeployChecks checks = new DeployChecks("true", null, notV2, Duration.ofMillis(300));
    assertThat(deployWith(v1, checks).health().status()).isEqualTo("healthy");
    Deployer.Outcome o = deployWith(v2, checks);
    assertThat(o.ok()).isFalse();
    assertThat(o.health().last()).contains("exit 3", "refusing v2");
    assertThat(o.health().attempts()).isGreaterThan(1);
    assertThat(o.revertedTo().id()).isEqualTo(v1.id());
    assertThat(h.target.currentId()).contains(v1.id());
  }

  @Test
  void aFailingRestartCountsAsUnhealthyWithoutWaitingForHealth() throws Exception {
    deployWith(v1, new DeployChecks("true", null, null, null));
    Deployer.Outcome o =
        deployWith(
            v2,
            new DeployChecks(
                "test \"$GOVERN_RELEASE\" != " + v2.id(), null, null, Duration.ofHours(1)));
    assertThat(o.ok()).isFalse();
    assertThat(o.restart().exitCode()).isEqualTo(1);
    assertThat(o.health().attempts()).isZero();
    assertThat(o.health().last()).isEqualTo("not checked: the restart command exited 1");
    assertThat(o.revertedTo().id()).isEqualTo(v1.id());
    assertThat(o.revertRestart().exitCode()).isZero();
    assertThat(o.revertHealth().status()).isEqualTo("unchecked");
  }

  @Test
  void withoutAHealthCheckADeployIsUncheckedAndStillCountsForRollback() throws Exception {
    DeployChecks none = new DeployChecks("true", null, null, null);
    assertThat(deployWith(v1, none).health().status()).isEqualTo("unchecked");
    assertThat(deployWith(v2, none).ok()).isTrue();
    assertThat(h.rollback(null).to().id()).isEqualTo(v1.id());
  }

  @Test
  void aFirstDeployThatIsNotHealthyHasNothingToRevertToAndStays() throws Exception {
    Deployer.Outcome o = deployWith(broken, new DeployChecks("false", null, null, null));
    assertThat(o.ok()).isFalse();
    assertThat(o.revertedTo()).isNull();
    assertThat(h.target.currentId()).contains(broken.id());
    assertThat(h.target.readState().orElseThrow().history())
        .extracting(TargetState.Deployment::health)
        .containsExactly("unhealthy");
    assertThatThrownBy(() -> h.rollback(null))
        .hasMessageStartingWith("no earlier healthy release of hello in ");
  }
}
