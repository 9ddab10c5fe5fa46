package dev.govern.server.api;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.governance.EnvStatus;
import dev.govern.core.governance.Environment;
import dev.govern.core.governance.EnvironmentsEditor;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.Evidence;
import dev.govern.core.ledger.Ledger;
import dev.govern.core.ledger.LedgerEntry;
import dev.govern.core.version.GoVersion;
import dev.govern.server.auth.Permission;
import dev.govern.server.db.EnvironmentDao;
import dev.govern.server.db.EnvironmentDao.EnvRow;
import dev.govern.server.db.Transactions;
import dev.govern.server.ledger.ServerLedger;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;

/**
 * The environments table on the server. Each row's revision is its ETag; a write must say which
 * revision it changes ({@code If-Match}) or that it creates the row ({@code If-None-Match: *}): 428
 * without either, 412 when another write came first (a lost update). Each accepted change is a
 * history row and an {@code env-set} ledger entry, in one transaction.
 */
public final class EnvironmentApi {
  /** The body of {@code PUT /environments/{name}}. */
  public record EnvWrite(String version, String status, String since, String note, String reason) {}

  record EnvList(List<EnvRow> environments, String etag) {}

  record Written(EnvRow environment, long ledgerSeq) {}

  record History(String name, List<EnvironmentDao.HistoryRow> history) {}

  private final Transactions tx;
  private final ServerLedger ledger;
  private final long maxBody;

  public EnvironmentApi(Transactions tx, ServerLedger ledger, long maxBody) {
    this.tx = tx;
    this.ledger = ledger;
    this.maxBody = maxBody;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/api/v1/environments", Permission.READ, this::list),
        Route.get("/api/v1/environments/{name}", Permission.READ, this::get),
        Route.put("/api/v1/environments/{name}", Permission.WRITE_ENVIRONMENTS, this::put),
        Route.get("/api/v1/environments/{name}/history", Permission.READ, this::history));
  }

  void list(Context ctx) {
    List<EnvRow> rows = tx.withHandle(h -> new EnvironmentDao(h).all());
    String etag = tableEtag(rows);
    ctx.header("ETag", etag);
    if ("yaml".equals(ctx.queryParam("format"))) {
      ctx.status(200).contentType("application/yaml").result(governanceYaml(rows));
      return;
    }
    Requests.json(ctx, 200, new EnvList(rows, etag));
  }

  void get(Context ctx) {
    String name = name(ctx);
    EnvRow row =
        tx.withHandle(h -> new EnvironmentDao(h).find(name))
            .orElseThrow(() -> GovernException.notFound("no environment " + name, null));
    ctx.header("ETag", etag(row.revision()));
    Requests.json(ctx, 200, row);
  }

  void history(Context ctx) {
    String name = name(ctx);
    int limit = Requests.intParam(ctx, "limit", 100, 1, 1000);
    Requests.json(
        ctx,
        200,
        new History(name, tx.withHandle(h -> new EnvironmentDao(h).history(name, limit))));
  }

  void put(Context ctx) {
    String name = name(ctx);
    String ifMatch = ctx.header("If-Match");
    String ifNoneMatch = ctx.header("If-None-Match");
    if (ifMatch == null && !"*".equals(ifNoneMatch == null ? null : ifNoneMatch.strip())) {
      throw new FieldException(
          ErrorCode.PRECONDITION_REQUIRED,
          "If-Match",
          "changing environment "
              + name
              + " needs If-Match with its ETag (or If-None-Match: * to create it)");
    }
    Long expected = ifMatch == null ? null : revisionOf(ifMatch);
    EnvWrite w = Json.read(Bodies.read(ctx, maxBody), EnvWrite.class);
    GoVersion version = version(w.version());
    EnvStatus status =
        EnvStatus.of(ScanValidator.required("status", w.status()))
            .orElseThrow(
                () ->
                    FieldException.bad(
                        "status",
                        "expected live, observing or suspended, found \""
                            + ScanValidator.clip(w.status())
                            + "\""));
    LocalDate since = since(w.since());
    ScanValidator.text("note", w.note());
    String reason = ScanValidator.required("reason", w.reason());
    ScanValidator.text("reason", reason);
    if (reason.isBlank()) {
      throw FieldException.bad("reason", "must say why");
    }
    new Environment(name, version, since, status, w.note()); // the CLI's row rules
    String who = Requests.principal(ctx).user();
    String now = Ledger.TIME.format(ledger.clock().instant());
    Written written =
        tx.inTransaction(
            h -> {
              EnvironmentDao dao = new EnvironmentDao(h);
              EnvRow old = dao.find(name).orElse(null);
              EnvRow row =
                  new EnvRow(
                      name,
                      version.toString(),
                      since == null ? null : since.toString(),
                      status.word(),
                      w.note(),
                      0,
                      now,
                      who);
              boolean ok;
              if (expected == null) {
                ok = old == null && dao.create(row);
              } else {
                ok = old != null && old.revision() == expected && dao.update(row, expected);
              }
              if (!ok) {
                EnvRow current = dao.find(name).orElse(null);
                throw new GovernException(
                    ErrorCode.PRECONDITION,
                    current == null
                        ? "environment "
                            + name
                            + " does not exist (create it with If-None-Match: *)"
                        : "environment "
                            + name
                            + " changed meanwhile: it is at revision "
                            + current.revision()
                            + (expected == null ? "" : ", not " + expected),
                    "read it again and retry with its new ETag");
              }
              EnvRow stored = dao.find(name).orElseThrow();
              LedgerEntry e =
                  ledger.append(
                      h,
                      new Change(
                          "env-set",
                          "env:" + name,
                          old == null ? null : old.version(),
                          stored.version(),
                          reason,
                          Evidence.of("PUT /api/v1/environments/" + name, 0, summary(old, stored))),
                      who);
              dao.addHistory(
                  new EnvironmentDao.HistoryRow(
                      name,
                      stored.revision(),
                      stored.version(),
                      stored.since(),
                      stored.status(),
                      stored.note(),
                      now,
                      who,
                      reason,
                      e.seq()));
              return new Written(stored, e.seq());
            });
    ctx.header("ETag", etag(written.environment().revision()));
    Requests.json(ctx, expected == null ? 201 : 200, written);
  }

  private static String summary(EnvRow old, EnvRow now) {
    return now.name()
        + ": version "
        + (old == null ? "(new)" : old.version())
        + " → "
        + now.version()
        + ", status "
        + (old == null ? "(new)" : old.status())
        + " → "
        + now.status()
        + ", since "
        + (now.since() == null ? "—" : now.since())
        + (now.note() == null ? "" : ", note \"" + now.note() + "\"")
        + "\nrevision "
        + now.revision();
  }

  /** The table as a governance file's {@code environments:} section (built by the CLI's editor). */
  static String governanceYaml(List<EnvRow> rows) {
    Path source = Path.of("server-environments.yaml");
    String text = "";
    for (EnvRow r : rows) {
      Environment e =
          new Environment(
              r.name(),
              GoVersion.parse(r.version()),
              r.since() == null ? null : LocalDate.parse(r.since()),
              EnvStatus.of(r.status()).orElseThrow(),
              r.note());
      text = EnvironmentsEditor.set(GovernanceFile.parse(source, text), e);
    }
    return text.isEmpty() ? "environments: {}\n" : text;
  }

  private static String name(Context ctx) {
    String name = ctx.pathParam("name");
    try {
      return Environment.checkName(name);
    } catch (GovernException e) {
      throw FieldException.bad("name", e.getMessage());
    }
  }

  private static GoVersion version(String v) {
    ScanValidator.required("version", v);
    try {
      return GoVersion.parse(v);
    } catch (GovernException | IllegalArgumentException e) {
      throw FieldException.bad("version", "not a Go version: \"" + ScanValidator.clip(v) + "\"");
    }
  }

  private static LocalDate since(String s) {
    if (s == null) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw FieldException.bad(
          "since", "not a date: \"" + ScanValidator.clip(s) + "\" (expected 2024-06-15)");
    }
  }

  static String etag(long revision) {
    return "\"" + revision + "\"";
  }

  static long revisionOf(String ifMatch) {
    String v = ifMatch.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new FieldException(
          ErrorCode.PRECONDITION,
          "If-Match",
          "If-Match: not an ETag of this server: " + ScanValidator.clip(ifMatch));
    }
  }

  static String tableEtag(List<EnvRow> rows) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (EnvRow r : rows) {
        md.update((r.name() + ":" + r.revision() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return "\"t" + HexFormat.of().formatHex(md.digest(), 0, 8) + "\"";
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
