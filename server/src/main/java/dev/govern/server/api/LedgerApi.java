package dev.govern.server.api;

import dev.govern.core.audit.LedgerExports;
import dev.govern.core.ledger.CanonicalJson;
import dev.govern.core.ledger.LedgerEntry;
import dev.govern.core.ledger.Verification;
import dev.govern.server.auth.Permission;
import dev.govern.server.db.LedgerDao;
import dev.govern.server.db.Transactions;
import dev.govern.server.ledger.ServerLedger;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The server's ledger: entries (paged and filtered), verification, export in the formats of {@code
 * govern audit export} (and {@code jsonl}, the ledger file itself), and the public keys that sign
 * it.
 */
public final class LedgerApi {
  record Page(List<LedgerEntry> entries, Long next) {}

  record Problem(String kind, long seq, String message) {}

  record Verified(
      boolean intact,
      long entries,
      String head,
      Problem problem,
      int unsigned,
      List<String> notes) {}

  record Key(String keyId, String operator, String ed25519, String createdAt) {}

  record Keys(List<Key> keys) {}

  record Export(int schemaVersion, String ledger, List<LedgerEntry> entries) {}

  private final Transactions tx;
  private final ServerLedger ledger;

  public LedgerApi(Transactions tx, ServerLedger ledger) {
    this.tx = tx;
    this.ledger = ledger;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/api/v1/ledger", Permission.READ, this::page),
        Route.get("/api/v1/ledger/verify", Permission.READ, this::verify),
        Route.get("/api/v1/ledger/export", Permission.READ, this::export),
        Route.get("/api/v1/ledger/keys", Permission.READ, this::keys));
  }

  void page(Context ctx) {
    int limit = Requests.intParam(ctx, "limit", 100, 1, 1000);
    LedgerDao.Filter f = filter(ctx, limit);
    List<LedgerEntry> entries =
        tx.withHandle(h -> new LedgerDao(h).lines(f)).stream().map(LedgerApi::entry).toList();
    Long next = entries.size() == limit ? entries.get(entries.size() - 1).seq() : null;
    Requests.json(ctx, 200, new Page(entries, next));
  }

  void verify(Context ctx) {
    Verification v = ledger.verify();
    Problem p =
        v.firstProblem().map(x -> new Problem(x.kind().word(), x.seq(), x.message())).orElse(null);
    Requests.json(
        ctx,
        200,
        new Verified(v.intact(), v.entries(), v.head(), p, v.unsigned().size(), v.notes()));
  }

  void export(Context ctx) {
    String format = ctx.queryParam("format") == null ? "jsonl" : ctx.queryParam("format");
    LedgerDao.Filter f = filter(ctx, Integer.MAX_VALUE);
    boolean whole =
        f.action() == null && f.operator() == null && f.subject() == null && f.since() == null;
    List<String> lines =
        tx.withHandle(h -> whole ? new LedgerDao(h).lines() : new LedgerDao(h).lines(f));
    switch (format) {
      case "jsonl" -> {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        ctx.status(200).contentType("application/jsonl").result(sb.toString());
      }
      case "json" ->
          Requests.json(
              ctx,
              200,
              new Export(1, "govern-server", lines.stream().map(LedgerApi::entry).toList()));
      case "markdown" ->
          ctx.status(200)
              .contentType("text/markdown; charset=utf-8")
              .result(LedgerExports.markdown(lines.stream().map(LedgerApi::entry).toList()));
      case "csv" ->
          ctx.status(200)
              .contentType("text/csv; charset=utf-8")
              .result(LedgerExports.csv(lines.stream().map(LedgerApi::entry).toList()));
      default ->
          throw FieldException.bad(
              "format",
              "expected jsonl, json, markdown or csv, found \""
                  + ScanValidator.clip(format)
                  + "\"");
    }
  }

  void keys(Context ctx) {
    List<Key> keys =
        tx.withHandle(h -> new LedgerDao(h).keys()).stream()
            .map(k -> new Key(k.keyId(), k.operator(), k.publicKey(), k.createdAt()))
            .toList();
    Requests.json(ctx, 200, new Keys(keys));
  }

  private static LedgerDao.Filter filter(Context ctx, int limit) {
    long after = Requests.longParam(ctx, "after", 0);
    String since = Requests.textParam(ctx, "since");
    if (since != null) {
      since = normalizeSince(since);
    }
    return new LedgerDao.Filter(
        after,
        limit,
        Requests.textParam(ctx, "action"),
        Requests.textParam(ctx, "operator"),
        Requests.textParam(ctx, "subject"),
        since);
  }

  /** {@code 2024-06-01} or an RFC 3339 time, as the ledger's time text to compare with. */
  static String normalizeSince(String s) {
    try {
      if (s.length() == 10) {
        return dev.govern.core.ledger.Ledger.TIME.format(
            LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      return dev.govern.core.ledger.Ledger.TIME.format(Instant.parse(s));
    } catch (DateTimeParseException e) {
      throw FieldException.bad(
          "since",
          "not a date or time: \""
              + ScanValidator.clip(s)
              + "\" (2024-06-01 or 2024-06-01T10:00:00Z)");
    }
  }

  static LedgerEntry entry(String line) {
    return LedgerEntry.fromMap(CanonicalJson.parseObject(line));
  }
}
