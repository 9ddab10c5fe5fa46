package dev.govern.server.api;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.fleet.ScanDocument;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.Ledger;
import dev.govern.core.ledger.LedgerEntry;
import dev.govern.server.auth.Permission;
import dev.govern.server.db.ScanDao;
import dev.govern.server.db.Transactions;
import dev.govern.server.ledger.ServerLedger;
import io.javalin.http.Context;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Scans pushed by {@code govern scan --push}: {@code PUT /scans/{scanId}} stores one (idempotent:
 * the same id and body again is 200, another body under a used id is 409), and the services, their
 * history and the fleet summary are read back.
 */
public final class ScanApi {
  /** What a push answers. */
  record Pushed(String scanId, boolean created, int services, long ledgerSeq) {}

  record ServiceView(ScanDao.ServiceRow service, List<ScanDao.VersionRow> history) {}

  record Fleet(long services, Map<String, Long> classes, long scans, String lastScanAt) {}

  record ScanList(List<ScanDao.ScanRow> scans) {}

  record ServiceList(List<ScanDao.ServiceRow> services, String next) {}

  private final Transactions tx;
  private final ServerLedger ledger;
  private final long maxBody;

  private dev.govern.server.notify.Outbox outbox;

  /** Tells of services that turned red through {@code o} (issue 16). */
  public ScanApi notifying(dev.govern.server.notify.Outbox o) {
    this.outbox = o;
    return this;
  }

  public ScanApi(Transactions tx, ServerLedger ledger, long maxBody) {
    this.tx = tx;
    this.ledger = ledger;
    this.maxBody = maxBody;
  }

  public List<Route> routes() {
    return List.of(
        Route.put("/api/v1/scans/{scanId}", Permission.PUSH_SCAN, this::push),
        Route.get("/api/v1/scans", Permission.READ, this::list),
        Route.get("/api/v1/scans/{scanId}", Permission.READ, this::scan),
        Route.get("/api/v1/services", Permission.READ, this::services),
        Route.get("/api/v1/services/<name>", Permission.READ, this::service),
        Route.get("/api/v1/fleet", Permission.READ, this::fleet));
  }

  void push(Context ctx) {
    String id = ScanValidator.scanId(ctx.pathParam("scanId"));
    byte[] body = Bodies.read(ctx, maxBody);
    ScanDocument doc = Json.read(body, ScanDocument.class);
    Instant scannedAt = ScanValidator.check(doc);
    String sha = sha256(body);
    String who = Requests.principal(ctx).user();
    int[] counts = new int[3];
    for (ScanDocument.Row r : doc.services()) {
      counts[
          switch (r.riskClass()) {
            case "red" -> 0;
            case "yellow" -> 1;
            default -> 2;
          }]++;
    }
    String at = Ledger.TIME.format(scannedAt);
    Pushed p =
        tx.inTransaction(
            h -> {
              ScanDao dao = new ScanDao(h, Json.MAPPER);
              ScanDao.ScanRow row =
                  new ScanDao.ScanRow(
                      id,
                      at,
                      Ledger.TIME.format(ledger.clock().instant()),
                      who,
                      doc.services().size(),
                      counts[0],
                      counts[1],
                      counts[2],
                      0);
              if (!dao.insertScan(row, sha)) {
                String stored = dao.bodySha256(id).orElseThrow();
                if (!stored.equals(sha)) {
                  throw new GovernException(
                      ErrorCode.CONFLICT,
                      "scan id " + id + " was already pushed with different content",
                      "push a new scan under a new id (govern scan --push makes one per run)");
                }
                ScanDao.ScanRow old = dao.scan(id).orElseThrow();
                return new Pushed(id, false, old.services(), old.ledgerSeq());
              }
              java.util.List<java.util.Map<String, Object>> turned = new java.util.ArrayList<>();
              for (ScanDocument.Row r : doc.services()) {
                if (r.riskClass().equals("red")) {
                  var before = dao.service(r.name());
                  if (before.isEmpty()
                      || !before.get().riskClass().equals("red")
                          && before.get().lastScannedAt().compareTo(at) < 0) {
                    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("service", r.name());
                    m.put("was", before.map(ScanDao.ServiceRow::riskClass).orElse(null));
                    m.put("owner", r.owner());
                    m.put("go", r.go());
                    m.put("because", r.because());
                    turned.add(m);
                  }
                }
              }
              java.util.List<java.util.Map<String, Object>> hit =
                  outbox == null ? java.util.List.of() : newAdvisories(dao, doc, at);
              dao.insertServices(id, at, doc.services());
              LedgerEntry e =
                  ledger.append(
                      h,
                      new Change(
                          "scan-push",
                          "scan:" + id,
                          null,
                          null,
                          doc.services().size()
                              + " services: "
                              + counts[0]
                              + " red, "
                              + counts[1]
                              + " yellow, "
                              + counts[2]
                              + " green (scanned "
                              + at
                              + ", sha256 "
                              + sha
                              + ")",
                          null),
                      who);
              dao.setLedgerSeq(id, e.seq());
              if (outbox != null && !turned.isEmpty()) {
                java.util.List<String> owners =
                    turned.stream()
                        .map(m -> (String) m.get("owner"))
                        .filter(java.util.Objects::nonNull)
                        .distinct()
                        .toList();
                outbox.publish(
                    h,
                    dev.govern.server.notify.EventKind.SERVICE_RED,
                    "scan:" + id,
                    turned.size()
                        + " service(s) turned red in scan "
                        + id
                        + ": "
                        + turned.stream()
                            .limit(5)
                            .map(m -> (String) m.get("service"))
                            .collect(java.util.stream.Collectors.joining(", "))
                        + (turned.size() > 5 ? " …" : ""),
                    java.util.Map.of("scan", id, "services", turned, "owners", owners));
              }
              if (!hit.isEmpty()) {
                java.util.TreeSet<String> ids = new java.util.TreeSet<>();
                hit.forEach(m -> ids.addAll(advisories(m)));
                outbox.publish(
                    h,
                    dev.govern.server.notify.EventKind.VULNERABILITY_NEW,
                    "scan:" + id,
                    "new vulnerabilities in "
                        + hit.size()
                        + " service(s) of scan "
                        + id
                        + ": "
                        + ids.stream().limit(5).collect(java.util.stream.Collectors.joining(", "))
                        + (ids.size() > 5 ? " …" : ""),
                    java.util.Map.of(
                        "scan",
                        id,
                        "services",
                        hit,
                        "owners",
                        hit.stream()
                            .map(m -> (String) m.get("owner"))
                            .filter(java.util.Objects::nonNull)
                            .distinct()
                            .toList()));
              }
              return new Pushed(id, true, doc.services().size(), e.seq());
            });
    ctx.header("Location", "/api/v1/scans/" + id);
    Requests.json(ctx, p.created() ? 201 : 200, p);
  }

  /**
   * Services of {@code doc} that carry advisories their previous scan did not: how the server
   * learns of a new vulnerability (the scanning CLI matched it against its vulnerability database).
   * A service seen for the first time is not reported.
   */
  static java.util.List<java.util.Map<String, Object>> newAdvisories(
      ScanDao dao, ScanDocument doc, String at) {
    java.util.Map<String, java.util.Set<String>> before =
        dao.previousAdvisories(doc.services().stream().map(ScanDocument.Row::name).toList(), at);
    java.util.List<java.util.Map<String, Object>> out = new java.util.ArrayList<>();
    for (ScanDocument.Row r : doc.services()) {
      java.util.Set<String> old = before.get(r.name());
      if (old == null) {
        continue;
      }
      java.util.TreeSet<String> now = new java.util.TreeSet<>();
      for (List<String> l : java.util.Arrays.asList(r.stdlib(), r.toolchain(), r.modules())) {
        if (l != null) {
          now.addAll(l);
        }
      }
      now.removeAll(old);
      if (!now.isEmpty()) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("service", r.name());
        m.put("owner", r.owner());
        m.put("go", r.go());
        m.put("advisories", java.util.List.copyOf(now));
        out.add(m);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static java.util.List<String> advisories(java.util.Map<String, Object> m) {
    return (java.util.List<String>) m.get("advisories");
  }

  void list(Context ctx) {
    int limit = Requests.intParam(ctx, "limit", 100, 1, 1000);
    Requests.json(
        ctx, 200, new ScanList(tx.withHandle(h -> new ScanDao(h, Json.MAPPER).scans(limit))));
  }

  void scan(Context ctx) {
    String id = ScanValidator.scanId(ctx.pathParam("scanId"));
    ScanDao.ScanRow s =
        tx.withHandle(h -> new ScanDao(h, Json.MAPPER).scan(id))
            .orElseThrow(() -> GovernException.notFound("no scan " + id, null));
    Requests.json(ctx, 200, s);
  }

  void services(Context ctx) {
    String cls = Requests.textParam(ctx, "class");
    if (cls != null && !List.of("red", "yellow", "green").contains(cls)) {
      throw FieldException.bad(
          "class", "expected red, yellow or green, found \"" + ScanValidator.clip(cls) + "\"");
    }
    String owner = Requests.textParam(ctx, "owner");
    String after = Requests.textParam(ctx, "after");
    int limit = Requests.intParam(ctx, "limit", 500, 1, 5000);
    List<ScanDao.ServiceRow> rows =
        tx.withHandle(h -> new ScanDao(h, Json.MAPPER).services(cls, owner, after, limit));
    String next = rows.size() == limit ? rows.get(rows.size() - 1).name() : null;
    Requests.json(ctx, 200, new ServiceList(rows, next));
  }

  void service(Context ctx) {
    String name = ctx.pathParam("name");
    ScanValidator.serviceName("name", name);
    int limit = Requests.intParam(ctx, "limit", 100, 1, 1000);
    ServiceView v =
        tx.withHandle(
            h -> {
              ScanDao dao = new ScanDao(h, Json.MAPPER);
              ScanDao.ServiceRow s =
                  dao.service(name)
                      .orElseThrow(() -> GovernException.notFound("no service " + name, null));
              return new ServiceView(s, dao.history(name, limit));
            });
    Requests.json(ctx, 200, v);
  }

  void fleet(Context ctx) {
    Fleet f =
        tx.withHandle(
            h -> {
              ScanDao dao = new ScanDao(h, Json.MAPPER);
              Map<String, Long> classes = dao.classCounts();
              long total = classes.values().stream().mapToLong(Long::longValue).sum();
              List<ScanDao.ScanRow> last = dao.scans(1);
              return new Fleet(
                  total, classes, dao.scanCount(), last.isEmpty() ? null : last.get(0).scannedAt());
            });
    Requests.json(ctx, 200, f);
  }

  static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
