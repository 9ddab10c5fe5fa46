package dev.govern.server.api;

import dev.govern.server.auth.Permission;
import dev.govern.server.db.Transactions;
import dev.govern.server.notify.EventKind;
import dev.govern.server.notify.Outbox;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gate results pushed by {@code govern gate --push URL} or a CI job: a failed gate becomes a {@code
 * gate.failed} notification (the outbox row is the record; results are not otherwise stored).
 */
public final class GateApi {
  /** The {@code govern gate --format json} document. */
  public record GateResult(
      Integer schemaVersion,
      String repository,
      String environment,
      Boolean passed,
      Long failures,
      Long warnings,
      List<Item> findings) {}

  /** One finding of the gate. */
  public record Item(
      String severity,
      String rule,
      String file,
      Integer line,
      String message,
      String fix,
      List<String> advisories) {}

  record Received(int schemaVersion, boolean passed, String event) {}

  private static final int MAX_FINDINGS = 50;

  private final Transactions tx;
  private final Outbox outbox;
  private final long maxBody;

  public GateApi(Transactions tx, Outbox outbox, long maxBody) {
    this.tx = tx;
    this.outbox = outbox;
    this.maxBody = maxBody;
  }

  public List<Route> routes() {
    return List.of(Route.post("/api/v1/gate-results", Permission.PUSH_SCAN, this::push));
  }

  void push(Context ctx) {
    GateResult g = Json.read(Bodies.read(ctx, maxBody), GateResult.class);
    if (!Objects.equals(g.schemaVersion(), 1)) {
      throw FieldException.bad("schemaVersion", "expected 1, found " + g.schemaVersion());
    }
    String repo = text("repository", g.repository(), true);
    String env = text("environment", g.environment(), false);
    if (g.passed() == null) {
      throw FieldException.bad("passed", "missing: true or false");
    }
    List<Item> findings = g.findings() == null ? List.of() : g.findings();
    String who = Requests.principal(ctx).user();
    String event = null;
    if (!g.passed()) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("repository", repo);
      data.put("environment", env);
      data.put("failures", g.failures());
      data.put("warnings", g.warnings());
      data.put("pushedBy", who);
      data.put("findings", findings.stream().limit(MAX_FINDINGS).toList());
      String first =
          findings.stream()
              .filter(f -> "fail".equals(f.severity()))
              .map(f -> f.rule() + ": " + f.message())
              .findFirst()
              .orElse("");
      String summary =
          "gate failed for "
              + repo
              + (env == null ? "" : " (" + env + ")")
              + (first.isEmpty() ? "" : ": " + ScanValidator.clip(first));
      event =
          tx.inTransaction(
              h -> outbox.publish(h, EventKind.GATE_FAILED, "repo:" + repo, summary, data));
    }
    Requests.json(ctx, 202, new Received(1, g.passed(), event));
  }

  private static String text(String field, String v, boolean required) {
    if (v == null || v.isBlank()) {
      if (required) {
        throw FieldException.bad(field, "missing");
      }
      return null;
    }
    if (v.length() > 1000 || v.chars().anyMatch(Character::isISOControl)) {
      throw FieldException.bad(field, "at most 1000 characters, no control characters");
    }
    return v;
  }
}
