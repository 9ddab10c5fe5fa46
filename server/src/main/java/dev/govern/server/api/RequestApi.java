package dev.govern.server.api;

import dev.govern.core.GovernException;
import dev.govern.core.governance.EnvStatus;
import dev.govern.core.governance.Environment;
import dev.govern.core.version.GoVersion;
import dev.govern.server.approval.ChangeRequests;
import dev.govern.server.approval.RuleJson;
import dev.govern.server.auth.Permission;
import dev.govern.server.db.RequestDao;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Change requests and approvals ({@link ChangeRequests} holds the rules). */
public final class RequestApi {
  /** The body of {@code POST /requests}. */
  public record RequestWrite(
      String environment,
      String version,
      String status,
      String reason,
      String attachmentName,
      String attachment,
      Boolean emergency) {}

  /** The body of {@code POST /requests/{id}/approve|reject}. */
  public record VoteWrite(String comment, String signature) {}

  /** A request as the API shows it. */
  public record RequestDoc(
      RequestDao.RequestRow request,
      List<RequestDao.VoteRow> votes,
      Map<String, Object> rule,
      int quorum,
      int approvals,
      boolean overdue,
      String result,
      Long ledgerSeq) {}

  record RequestList(List<RequestDoc> requests) {}

  private static final Set<String> STATES =
      Set.of("pending", "applied", "rejected", "expired", "conflict");

  private final ChangeRequests requests;
  private final long maxBody;

  public RequestApi(ChangeRequests requests, long maxBody) {
    this.requests = requests;
    this.maxBody = maxBody;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("/api/v1/requests", Permission.REQUEST_CHANGE, this::create),
        Route.get("/api/v1/requests", Permission.READ, this::list),
        Route.get("/api/v1/requests/{id}", Permission.READ, this::get),
        Route.get("/api/v1/requests/{id}/attachment", Permission.READ, this::attachment),
        Route.post(
            "/api/v1/requests/{id}/approve", Permission.APPROVE, ctx -> vote(ctx, "approve")),
        Route.post("/api/v1/requests/{id}/reject", Permission.APPROVE, ctx -> vote(ctx, "reject")));
  }

  /** A request as the API shows it. */
  public static RequestDoc doc(ChangeRequests.View v, String result, Long seq) {
    int approvals = (int) v.votes().stream().filter(x -> x.verdict().equals("approve")).count();
    return new RequestDoc(
        v.request(),
        v.votes(),
        RuleJson.map(v.rule()),
        v.quorum(),
        approvals,
        v.overdue(),
        result,
        seq);
  }

  /** Checks a filing field by field, as the API and the dashboard take it. */
  public static ChangeRequests.Filing filing(RequestWrite w) {
    String env = ScanValidator.required("environment", w.environment());
    try {
      Environment.checkName(env);
    } catch (GovernException e) {
      throw FieldException.bad("environment", e.getMessage());
    }
    String v = ScanValidator.required("version", w.version());
    try {
      GoVersion.parse(v);
    } catch (GovernException | IllegalArgumentException e) {
      throw FieldException.bad("version", "not a Go version: \"" + ScanValidator.clip(v) + "\"");
    }
    String status = w.status() == null ? "live" : w.status();
    if (EnvStatus.of(status).isEmpty()) {
      throw FieldException.bad(
          "status",
          "expected live, observing or suspended, found \"" + ScanValidator.clip(status) + "\"");
    }
    String reason = ScanValidator.required("reason", w.reason());
    ScanValidator.text("reason", reason);
    if (reason.isBlank()) {
      throw FieldException.bad("reason", "must say why");
    }
    if (w.attachmentName() != null) {
      ScanValidator.text("attachmentName", w.attachmentName());
      if (w.attachmentName().length() > 200) {
        throw FieldException.bad("attachmentName", "longer than 200 characters");
      }
    }
    if (w.attachment() != null && w.attachment().indexOf('\0') >= 0) {
      throw FieldException.bad("attachment", "contains NUL");
    }
    return new ChangeRequests.Filing(
        env,
        v,
        status,
        reason,
        w.attachment() == null ? null : w.attachmentName(),
        w.attachment(),
        Boolean.TRUE.equals(w.emergency()));
  }

  void create(Context ctx) {
    RequestWrite w = Json.read(Bodies.read(ctx, maxBody), RequestWrite.class);
    ChangeRequests.Outcome o = requests.file(Requests.principal(ctx), filing(w));
    Requests.json(ctx, 201, doc(o.view(), o.result(), o.appliedSeq()));
  }

  void list(Context ctx) {
    String state = ctx.queryParam("state");
    if (state != null && !STATES.contains(state)) {
      throw FieldException.bad(
          "state",
          "expected pending, applied, rejected, expired or conflict, found \""
              + ScanValidator.clip(state)
              + "\"");
    }
    String env = Requests.textParam(ctx, "environment");
    int limit = Requests.intParam(ctx, "limit", 100, 1, 1000);
    Requests.json(
        ctx,
        200,
        new RequestList(
            requests.list(state, env, limit).stream().map(v -> doc(v, null, null)).toList()));
  }

  void get(Context ctx) {
    Requests.json(ctx, 200, doc(requests.get(id(ctx)), null, null));
  }

  void attachment(Context ctx) {
    String id = id(ctx);
    requests.get(id);
    String text = requests.attachment(id);
    if (text == null) {
      throw GovernException.notFound("change request " + id + " has no attachment", null);
    }
    ctx.status(200).contentType("text/plain; charset=utf-8").result(text);
  }

  void vote(Context ctx, String verdict) {
    byte[] body = Bodies.read(ctx, maxBody);
    VoteWrite w = body.length == 0 ? new VoteWrite(null, null) : Json.read(body, VoteWrite.class);
    vote(ctx, requests, verdict, w);
  }

  static void vote(Context ctx, ChangeRequests requests, String verdict, VoteWrite w) {
    if (w.comment() != null) {
      ScanValidator.text("comment", w.comment());
    }
    if (verdict.equals("reject") && (w.comment() == null || w.comment().isBlank())) {
      throw FieldException.bad("comment", "a rejection must say why");
    }
    if (w.signature() != null && !w.signature().matches("[0-9a-f]{16}:[A-Za-z0-9+/=]{1,200}")) {
      throw FieldException.bad("signature", "expected <keyId>:<base64 Ed25519 signature>");
    }
    ChangeRequests.Outcome o =
        requests.vote(Requests.principal(ctx), id(ctx), verdict, w.comment(), w.signature());
    Requests.json(ctx, 200, doc(o.view(), o.result(), o.appliedSeq()));
  }

  static String id(Context ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[0-9a-f]{12}")) {
      throw FieldException.bad("id", "not a change request id: \"" + ScanValidator.clip(id) + "\"");
    }
    return id;
  }
}
