package dev.govern.core.deploy;

import dev.govern.core.ledger.Ledger;
import dev.govern.core.ledger.LedgerEntry;
import dev.govern.core.ledger.LedgerPolicy;
import dev.govern.core.ledger.LedgerRecorder;
import dev.govern.core.ledger.LedgerVerifier;
import dev.govern.core.ledger.TrustedKeys;
import dev.govern.core.ledger.Verification;
import dev.govern.core.testing.GoService;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A release store, a target and a ledger in one folder, with the test service's builds recorded,
 * and the deploys tests run (in this JVM or in {@link DeployChild}).
 */
final class DeployHarness {
  static final ServiceName SERVICE = ServiceName.parse("hello");

  final Path root;
  final ReleaseStore store;
  final DeployTarget target;
  final Ledger ledger;
  final Path runDir;
  final Path restart;
  final int port;

  DeployHarness(Path root) throws IOException {
    this(root, GoService.freePort());
    GoService.restartScript(root);
  }

  /** The harness another process set up in {@code root}, serving on {@code port}. */
  DeployHarness(Path root, int port) {
    this.root = root;
    this.store = new ReleaseStore(root.resolve("store"));
    this.target = new DeployTarget(root.resolve("srv/hello"));
    this.ledger = new Ledger(root.resolve("ledger.jsonl"));
    this.runDir = root.resolve("run");
    this.restart = root.resolve("restart.sh");
    this.port = port;
  }

  Release byId(String id) {
    return store.releases(SERVICE).stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  LedgerRecorder recorder(String operator) {
    return new LedgerRecorder(ledger, operator, null, LedgerPolicy.DEFAULT, Clock.systemUTC());
  }

  /** Records a build (each a second later than the one before, so the order is certain). */
  Release record(GoService.Build b, int second, ReleaseStore.Options options) {
    return store
        .record(
            b.binary(),
            SERVICE,
            options,
            "tester",
            Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second),
            recorder("tester"),
            "test build " + b.label())
        .release();
  }

  Release record(GoService.Build b, int second) {
    return record(b, second, new ReleaseStore.Options(false, false));
  }

  String healthUrl() {
    return "http://127.0.0.1:" + port + "/health";
  }

  DeployChecks checks(Duration timeout) {
    return new DeployChecks("sh " + restart, healthUrl(), null, timeout);
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("RUN_DIR", runDir.toString());
    env.put("PORT", Integer.toString(port));
    return env;
  }

  Deployer.Request request(
      Deployer.Action action, Release release, DeployChecks checks, boolean queue) {
    return new Deployer.Request(
        action,
        SERVICE,
        target,
        release,
        checks,
        Duration.ofSeconds(60),
        env(),
        "test",
        queue,
        action.word() + " " + (release == null ? "previous" : release.id()));
  }

  Deployer deployer(String operator, DeployProbe probe) {
    return new Deployer(store, recorder(operator), probe, Clock.systemUTC(), operator, "testhost");
  }

  Deployer.Outcome deploy(Release r, Duration healthTimeout) {
    return deployer("tester", DeployProbe.NONE)
        .run(request(Deployer.Action.DEPLOY, r, checks(healthTimeout), false));
  }

  Deployer.Outcome rollback(Release r) {
    return deployer("tester", DeployProbe.NONE)
        .run(request(Deployer.Action.ROLLBACK, r, DeployChecks.none(), false));
  }

  /** The release the service process runs now, by its executable's SHA-256. */
  String running() throws IOException {
    ProcessTable.Running p = ProcessTable.system().one(GoService.pid(runDir));
    List<Release> rs =
        new ReleaseMatcher(store.all())
            .match(p.facts(), p.size(), () -> ReleaseMatcher.sha256(p.exeFile()));
    return rs.isEmpty() ? null : rs.get(0).id();
  }

  List<LedgerEntry> entries() {
    return ledger.read().entries();
  }

  Verification verify() {
    return new LedgerVerifier(TrustedKeys.none(), LedgerPolicy.DEFAULT).verify(ledger);
  }

  void stop() {
    GoService.stop(runDir);
  }
}
