package dev.govern.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.core.GovernException;
import dev.govern.core.ledger.Ledger;
import dev.govern.core.ledger.Verification;
import dev.govern.server.api.Json;
import dev.govern.server.api.RequestApi;
import dev.govern.server.approval.ChangeRequests;
import dev.govern.server.auth.Authenticator;
import dev.govern.server.auth.Permission;
import dev.govern.server.auth.Principal;
import dev.govern.server.db.DeliveryLog;
import dev.govern.server.db.EnvironmentDao;
import dev.govern.server.db.LedgerDao;
import dev.govern.server.db.RequestDao;
import dev.govern.server.db.ScanDao;
import dev.govern.server.db.Transactions;
import dev.govern.server.ledger.ServerLedger;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The dashboard at {@code /}: server-rendered HTML (jte templates compiled at build time), every
 * action a plain form POST (no JavaScript), CSRF-checked, behind a login by token that opens a
 * session cookie (HttpOnly, SameSite=Strict, Secure under TLS). A strict Content-Security-Policy
 * allows no script at all.
 */
public final class Dashboard {
  static final String COOKIE = "govern_session";
  static final String LOGIN_COOKIE = "govern_login";
  static final int LEDGER_PAGE = 100;
  private static final String CSP =
      "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Transactions tx;
  private final ServerLedger ledger;
  private final ChangeRequests requests;
  private final Authenticator auth;
  private final Sessions sessions;
  private final boolean secure;
  private final byte[] css;
  private final AtomicReference<String[]> verified = new AtomicReference<>();
  private final AtomicReference<Boolean> verifying = new AtomicReference<>(false);

  public Dashboard(
      Transactions tx,
      ServerLedger ledger,
      ChangeRequests requests,
      Authenticator auth,
      Clock clock,
      boolean secure) {
    this.tx = tx;
    this.ledger = ledger;
    this.requests = requests;
    this.auth = auth;
    this.sessions = new Sessions(tx.jdbi(), clock);
    this.secure = secure;
    try (InputStream in = Dashboard.class.getResourceAsStream("govern.css")) {
      this.css = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Page {
    void handle(Context ctx, Sessions.Session s) throws Exception;
  }

  public void install(JavalinConfig c) {
    add(
        c,
        HandlerType.GET,
        "/static/govern.css",
        ctx ->
            ctx.contentType("text/css; charset=utf-8")
                .header("Cache-Control", "max-age=3600")
                .result(css));
    add(c, HandlerType.GET, "/login", this::loginForm);
    add(c, HandlerType.POST, "/login", this::login);
    add(c, HandlerType.POST, "/logout", ctx -> withSession(ctx, true, (x, s) -> logout(x)));
    page(c, HandlerType.GET, "/", this::fleet);
    page(c, HandlerType.GET, "/services", this::services);
    page(c, HandlerType.GET, "/services/<name>", this::service);
    page(c, HandlerType.GET, "/environments", this::environments);
    page(c, HandlerType.GET, "/requests/{id}", this::request);
    page(c, HandlerType.GET, "/ledger", this::ledgerPage);
    page(c, HandlerType.GET, "/notifications", this::notifications);
    post(c, "/requests", this::file);
    post(c, "/requests/{id}/approve", (ctx, s) -> vote(ctx, s, "approve"));
    post(c, "/requests/{id}/reject", (ctx, s) -> vote(ctx, s, "reject"));
  }

  private static void add(JavalinConfig c, HandlerType t, String path, Handler h) {
    c.routes.addHttpHandler(
        t,
        path,
        ctx -> {
          ctx.header("Content-Security-Policy", CSP);
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("Referrer-Policy", "same-origin");
          h.handle(ctx);
        });
  }

  private void page(JavalinConfig c, HandlerType t, String path, Page p) {
    add(c, t, path, ctx -> withSession(ctx, false, p));
  }

  private void post(JavalinConfig c, String path, Page p) {
    add(c, HandlerType.POST, path, ctx -> withSession(ctx, true, p));
  }

  private void withSession(Context ctx, boolean form, Page p) throws Exception {
    Optional<Sessions.Session> s = sessions.find(ctx.cookie(COOKIE));
    if (s.isEmpty()) {
      ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    if (form && !Sessions.sameCsrf(s.get().csrf(), ctx.formParam("csrf"))) {
      ctx.status(403)
          .contentType("text/plain; charset=utf-8")
          .result(
              "forbidden: the form's CSRF token is missing or wrong; reload the page and try again");
      return;
    }
    ctx.header("Cache-Control", "no-store");
    p.handle(ctx, s.get());
  }

  /**
   * The login form carries a CSRF token too (double submit): the same random value in a cookie
   * scoped to /login and in the form; a login POST without both, equal, is refused.
   */
  private void loginForm(Context ctx) {
    String csrf = Sessions.newToken();
    ctx.header(
        "Set-Cookie",
        LOGIN_COOKIE
            + "="
            + csrf
            + "; Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600"
            + (secure ? "; Secure" : ""));
    ctx.header("Cache-Control", "no-store");
    render(ctx, 200, "login.jte", new Views.Login(loginPage(csrf, null)));
  }

  private Views.Page loginPage(String csrf, String error) {
    return new Views.Page("Log in", null, null, csrf, null, error);
  }

  private void login(Context ctx) {
    if (!Sessions.sameCsrf(ctx.cookie(LOGIN_COOKIE), ctx.formParam("csrf"))) {
      ctx.status(403)
          .contentType("text/plain; charset=utf-8")
          .result(
              "forbidden: the login form's CSRF token is missing or wrong; open /login and try again");
      return;
    }
    String token = ctx.formParam("token");
    Principal p;
    try {
      p = auth.require("Bearer " + (token == null ? "" : token.strip()), ctx.ip(), Permission.READ);
    } catch (GovernException e) {
      Views.Page page =
          loginPage(
              ctx.cookie(LOGIN_COOKIE), "That token is not valid (unknown, expired or revoked).");
      render(ctx, 401, "login.jte", new Views.Login(page));
      return;
    }
    String cookie = sessions.open(p);
    ctx.header(
        "Set-Cookie",
        COOKIE
            + "="
            + cookie
            + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
            + Sessions.LIFETIME.toSeconds()
            + (secure ? "; Secure" : ""));
    ctx.redirect("/", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private void logout(Context ctx) {
    sessions.close(ctx.cookie(COOKIE));
    ctx.header(
        "Set-Cookie",
        COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secure ? "; Secure" : ""));
    ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private Views.Page page(String title, Sessions.Session s, Context ctx) {
    return new Views.Page(
        title,
        s == null ? null : s.principal().user(),
        s == null ? null : s.principal().role().word(),
        s == null ? null : s.csrf(),
        clip(ctx.queryParam("msg")),
        clip(ctx.queryParam("error")));
  }

  private static String clip(String s) {
    return s == null ? null : s.length() > 300 ? s.substring(0, 300) : s;
  }

  private void render(Context ctx, int status, String template, Object model) {
    Utf8ByteOutput out = new Utf8ByteOutput();
    templates.render(template, model, out);
    byte[] bytes = new byte[out.getContentLength()];
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(bytes.length);
    try {
      out.writeTo(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ctx.status(status).contentType("text/html; charset=utf-8").result(b.toByteArray());
  }

  private void fleet(Context ctx, Sessions.Session s) {
    Views.Fleet f =
        tx.withHandle(
            h -> {
              ScanDao d = new ScanDao(h, Json.MAPPER);
              var counts = d.classCounts();
              long services = counts.values().stream().mapToLong(Long::longValue).sum();
              List<ScanDao.ScanRow> scans = new ArrayList<>(d.scans(200));
              Collections.reverse(scans);
              String now = Ledger.TIME.format(ledger.clock().instant());
              List<Views.Overdue> overdue =
                  new RequestDao(h)
                      .overdueReviews(now).stream()
                          .map(
                              r ->
                                  new Views.Overdue(
                                      r.id(),
                                      r.environment(),
                                      r.version(),
                                      r.requester(),
                                      r.reviewDue()))
                          .toList();
              return new Views.Fleet(
                  page("Fleet", s, ctx),
                  counts,
                  services,
                  d.scanCount(),
                  scans.isEmpty() ? null : scans.get(scans.size() - 1).scannedAt(),
                  trend(scans),
                  overdue);
            });
    render(ctx, 200, "fleet.jte", f);
  }

  static Views.Trend trend(List<ScanDao.ScanRow> scans) {
    int max = 1;
    for (ScanDao.ScanRow r : scans) {
      max = Math.max(max, Math.max(r.red(), Math.max(r.yellow(), r.green())));
    }
    StringBuilder red = new StringBuilder();
    StringBuilder yellow = new StringBuilder();
    StringBuilder green = new StringBuilder();
    int n = scans.size();
    for (int i = 0; i < n; i++) {
      int x = n == 1 ? 300 : 10 + i * 580 / (n - 1);
      ScanDao.ScanRow r = scans.get(i);
      red.append(x).append(',').append(190 - r.red() * 180 / max).append(' ');
      yellow.append(x).append(',').append(190 - r.yellow() * 180 / max).append(' ');
      green.append(x).append(',').append(190 - r.green() * 180 / max).append(' ');
    }
    return new Views.Trend(
        red.toString().strip(),
        yellow.toString().strip(),
        green.toString().strip(),
        n,
        n == 0 ? "—" : scans.get(0).scannedAt(),
        n == 0 ? "—" : scans.get(n - 1).scannedAt());
  }

  private void services(Context ctx, Sessions.Session s) {
    String cls = blank(ctx.queryParam("class"));
    if (cls != null && !List.of("red", "yellow", "green").contains(cls)) {
      cls = null;
    }
    String owner = blank(ctx.queryParam("owner"));
    String after = blank(ctx.queryParam("after"));
    String c = cls;
    List<ScanDao.ServiceRow> rows =
        tx.withHandle(h -> new ScanDao(h, Json.MAPPER).services(c, owner, after, 201));
    String next = null;
    if (rows.size() > 200) {
      rows = rows.subList(0, 200);
      next = URLEncoder.encode(rows.get(199).name(), StandardCharsets.UTF_8);
    }
    render(
        ctx,
        200,
        "services.jte",
        new Views.Services(page("Services", s, ctx), cls, owner, rows, next));
  }

  private void service(Context ctx, Sessions.Session s) {
    String name = ctx.pathParam("name");
    Optional<Views.Service> v =
        tx.withHandle(
            h -> {
              ScanDao d = new ScanDao(h, Json.MAPPER);
              return d.service(name)
                  .map(r -> new Views.Service(page(name, s, ctx), r, d.history(name, 100)));
            });
    if (v.isEmpty()) {
      render(
          ctx,
          404,
          "error.jte",
          new Views.Login(
              new Views.Page(
                  "Not found",
                  s.principal().user(),
                  s.principal().role().word(),
                  s.csrf(),
                  null,
                  "No service " + name + ".")));
      return;
    }
    render(ctx, 200, "service.jte", v.get());
  }

  private void environments(Context ctx, Sessions.Session s) {
    List<EnvironmentDao.EnvRow> envs = tx.withHandle(h -> new EnvironmentDao(h).all());
    List<RequestApi.RequestDoc> pending =
        requests.list("pending", null, 200).stream()
            .map(v -> RequestApi.doc(v, null, null))
            .toList();
    render(
        ctx,
        200,
        "environments.jte",
        new Views.Environments(
            page("Environments", s, ctx),
            envs,
            pending,
            s.principal().role().may(Permission.REQUEST_CHANGE)));
  }

  private void request(Context ctx, Sessions.Session s) {
    String id = ctx.pathParam("id");
    if (!id.matches("[0-9a-f]{12}")) {
      ctx.redirect(
          "/environments?error=" + enc("not a change request id"),
          io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    ChangeRequests.View v;
    try {
      v = requests.get(id);
    } catch (GovernException e) {
      ctx.redirect(
          "/environments?error=" + enc(e.getMessage()), io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    RequestApi.RequestDoc doc = RequestApi.doc(v, null, null);
    var r = v.request();
    List<Views.Decision> matrix = new ArrayList<>();
    matrix.add(
        new Views.Decision(
            "approvals",
            v.quorum() + (r.emergency() ? " (emergency quorum)" : ""),
            Integer.toString(doc.approvals()),
            doc.approvals() >= v.quorum()));
    matrix.add(
        new Views.Decision(
            "approver groups",
            v.rule().groups().isEmpty() ? "any approver" : String.join(" or ", v.rule().groups()),
            voters(v),
            true));
    matrix.add(
        new Views.Decision(
            "not the requester",
            "requester " + r.requester() + " never counts",
            voters(v),
            v.votes().stream().noneMatch(x -> x.voter().equals(r.requester()))));
    matrix.add(
        new Views.Decision(
            "policy",
            v.rule().policy() ? "version permitted by policy" : "not checked",
            r.version(),
            true));
    matrix.add(
        new Views.Decision(
            "open",
            "before " + r.expiresAt(),
            r.state(),
            !r.state().equals("expired") && !r.state().equals("rejected")));
    boolean reviewOpen = r.state().equals("applied") && r.emergency() && r.reviewedAt() == null;
    boolean mayVote =
        s.principal().role().may(Permission.APPROVE)
            && !s.principal().user().equals(r.requester())
            && (r.state().equals("pending")
                    && v.votes().stream().noneMatch(x -> x.voter().equals(s.principal().user()))
                || reviewOpen);
    render(
        ctx,
        200,
        "request.jte",
        new Views.Request(
            page("Request " + id, s, ctx),
            doc,
            requests.attachment(id),
            matrix,
            mayVote,
            reviewOpen));
  }

  private static String voters(ChangeRequests.View v) {
    return v.votes().isEmpty()
        ? "—"
        : String.join(
            ", ", v.votes().stream().map(x -> x.voter() + " (" + x.verdict() + ")").toList());
  }

  private void ledgerPage(Context ctx, Sessions.Session s) {
    record Read(List<Views.LedgerLine> lines, long head) {}
    Long before = null;
    String b = ctx.queryParam("before");
    if (b != null && b.matches("[0-9]{1,18}")) {
      before = Long.parseLong(b);
    }
    Long from = before;
    Read read =
        tx.withHandle(
            h -> {
              LedgerDao dao = new LedgerDao(h);
              List<Views.LedgerLine> out = new ArrayList<>();
              for (String line : dao.newest(from, LEDGER_PAGE)) {
                JsonNode n = readTree(line);
                out.add(
                    new Views.LedgerLine(
                        n.path("seq").asLong(),
                        n.path("time").asText(),
                        n.path("operator").asText(),
                        n.path("action").asText(),
                        n.path("subject").asText(),
                        text(n, "from", "—"),
                        text(n, "to", "—"),
                        text(n, "reason", "")));
              }
              return new Read(out, dao.head().seq());
            });
    String[] status = verificationStatus();
    render(
        ctx,
        200,
        "ledger.jte",
        new Views.Ledger(
            page("Ledger", s, ctx),
            read.lines(),
            status[0],
            status[1].equals("ok"),
            read.head(),
            read.lines().size() == LEDGER_PAGE && read.lines().get(LEDGER_PAGE - 1).seq() > 1
                ? read.lines().get(LEDGER_PAGE - 1).seq()
                : null));
  }

  /**
   * The chain's verification, as last computed: verifying 100,000 entries takes a while, so a page
   * shows the newest finished result and starts a new run in the background when it is a minute
   * old.
   */
  private String[] verificationStatus() {
    String[] last = verified.get();
    boolean stale = last == null || System.currentTimeMillis() - Long.parseLong(last[2]) > 60_000;
    if (stale && verifying.compareAndSet(false, true)) {
      Thread t =
          new Thread(
              () -> {
                try {
                  Verification v = ledger.verify();
                  String when = Ledger.TIME.format(ledger.clock().instant());
                  verified.set(
                      new String[] {
                        v.intact()
                            ? "The chain verifies: "
                                + v.entries()
                                + " entries, every signature valid (checked "
                                + when
                                + ")."
                            : "The chain does NOT verify: "
                                + (v.problem() == null ? "?" : v.problem().message())
                                + " (checked "
                                + when
                                + ")",
                        v.intact() ? "ok" : "bad",
                        Long.toString(System.currentTimeMillis())
                      });
                } finally {
                  verifying.set(false);
                }
              },
              "govern-verify");
      t.setDaemon(true);
      t.start();
      if (last == null) {
        try {
          t.join(2000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        last = verified.get();
      }
    }
    return last == null
        ? new String[] {"Verification is running; reload in a moment.", "ok", "0"}
        : last;
  }

  private void notifications(Context ctx, Sessions.Session s) {
    Views.Notifications n =
        tx.withHandle(
            h ->
                new Views.Notifications(
                    page("Notifications", s, ctx),
                    new DeliveryLog(h).counts(),
                    new DeliveryLog(h).recent(100, null)));
    render(ctx, 200, "notifications.jte", n);
  }

  private void file(Context ctx, Sessions.Session s) {
    if (!s.principal().role().may(Permission.REQUEST_CHANGE)) {
      ctx.redirect(
          "/environments?error=" + enc("your role may not file change requests"),
          io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    try {
      String attachment = blank(ctx.formParam("attachment"));
      ChangeRequests.Outcome o =
          requests.file(
              s.principal(),
              RequestApi.filing(
                  new RequestApi.RequestWrite(
                      ctx.formParam("environment"),
                      ctx.formParam("version"),
                      ctx.formParam("status"),
                      ctx.formParam("reason"),
                      attachment == null ? null : "evidence.txt",
                      attachment,
                      "true".equals(ctx.formParam("emergency")))));
      ctx.redirect(
          "/requests/"
              + o.view().request().id()
              + "?msg="
              + enc("Request filed (" + o.result() + ")."),
          io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (GovernException e) {
      ctx.redirect(
          "/environments?error=" + enc(e.getMessage()), io.javalin.http.HttpStatus.SEE_OTHER);
    }
  }

  private void vote(Context ctx, Sessions.Session s, String verdict) {
    String id = ctx.pathParam("id");
    if (!id.matches("[0-9a-f]{12}") || !s.principal().role().may(Permission.APPROVE)) {
      ctx.redirect(
          "/environments?error=" + enc("you may not vote on this request"),
          io.javalin.http.HttpStatus.SEE_OTHER);
      return;
    }
    try {
      String comment = blank(ctx.formParam("comment"));
      if (verdict.equals("reject") && comment == null) {
        throw GovernException.usage("a rejection must say why");
      }
      ChangeRequests.Outcome o = requests.vote(s.principal(), id, verdict, comment, null);
      ctx.redirect(
          "/requests/" + id + "?msg=" + enc("Recorded: " + o.result() + "."),
          io.javalin.http.HttpStatus.SEE_OTHER);
    } catch (GovernException e) {
      ctx.redirect(
          "/requests/" + id + "?error=" + enc(e.getMessage()),
          io.javalin.http.HttpStatus.SEE_OTHER);
    }
  }

  private static String text(JsonNode n, String field, String absent) {
    JsonNode v = n.path(field);
    return v.isNull() || v.isMissingNode() ? absent : v.asText();
  }

  private static JsonNode readTree(String line) {
    try {
      return Json.MAPPER.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
