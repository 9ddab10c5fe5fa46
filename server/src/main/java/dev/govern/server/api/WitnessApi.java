package dev.govern.server.api;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.Checkpoint;
import dev.govern.core.ledger.Ledger;
import dev.govern.core.ledger.WitnessStatement;
import dev.govern.server.auth.Permission;
import dev.govern.server.db.Transactions;
import dev.govern.server.db.WitnessDao;
import dev.govern.server.ledger.ServerLedger;
import io.javalin.http.Context;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The witness for CLI ledgers: {@code govern audit checkpoint --push} sends a checkpoint, the
 * server countersigns and keeps it; {@code govern audit verify --witness} reads them back to find a
 * truncated tail or a fork. A second checkpoint for a seq already witnessed with another hash is a
 * 409: that ledger was forked or rewritten.
 */
public final class WitnessApi {
  /** A checkpoint as pushed (the fields of a {@code .checkpoints} line). */
  public record CheckpointJson(Long seq, String hash, String time, String operator, String sig) {}

  /** The body of a push. */
  public record Push(String ledgerId, CheckpointJson checkpoint) {}

  record Witnessed(
      String ledgerId,
      CheckpointJson checkpoint,
      String witnessedAt,
      String witnessKeyId,
      String witnessSig,
      String pushedBy) {}

  record WitnessedList(String ledgerId, List<Witnessed> checkpoints) {}

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  private final Transactions tx;
  private final ServerLedger ledger;
  private final long maxBody;

  public WitnessApi(Transactions tx, ServerLedger ledger, long maxBody) {
    this.tx = tx;
    this.ledger = ledger;
    this.maxBody = maxBody;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("/api/v1/witness/checkpoints", Permission.PUSH_CHECKPOINT, this::push),
        Route.get("/api/v1/witness/{ledgerId}/checkpoints", Permission.READ, this::list));
  }

  void push(Context ctx) {
    Push p = Json.read(Bodies.read(ctx, maxBody), Push.class);
    String ledgerId = hex("ledgerId", p.ledgerId());
    CheckpointJson c = p.checkpoint();
    if (c == null) {
      throw FieldException.bad("checkpoint", "missing");
    }
    if (c.seq() == null || c.seq() < 1) {
      throw FieldException.bad("checkpoint.seq", "must be 1 or more");
    }
    hex("checkpoint.hash", c.hash());
    ScanValidator.required("checkpoint.time", c.time());
    ScanValidator.text("checkpoint.time", c.time());
    ScanValidator.required("checkpoint.operator", c.operator());
    ScanValidator.text("checkpoint.operator", c.operator());
    ScanValidator.text("checkpoint.sig", c.sig());
    Checkpoint cp = new Checkpoint(c.seq(), c.hash(), c.time(), c.operator(), c.sig());
    String who = Requests.principal(ctx).user();
    String now = Ledger.TIME.format(ledger.clock().instant());
    WitnessStatement st = new WitnessStatement(ledgerId, cp, now);
    WitnessDao.Witnessed w =
        new WitnessDao.Witnessed(
            ledgerId,
            cp.seq(),
            cp.hash(),
            cp.toLine(),
            now,
            ledger.key().keyId(),
            st.sign(ledger.key()),
            who);
    boolean[] created = {false};
    WitnessDao.Witnessed stored =
        tx.inTransaction(
            h -> {
              WitnessDao dao = new WitnessDao(h);
              if (dao.insert(w)) {
                ledger.append(
                    h,
                    new Change(
                        "witness-checkpoint",
                        "ledger:" + ledgerId,
                        null,
                        null,
                        "seq " + cp.seq() + " head " + cp.hash() + " of " + cp.operator(),
                        null),
                    who);
                created[0] = true;
                return w;
              }
              WitnessDao.Witnessed old = dao.find(ledgerId, cp.seq()).orElseThrow();
              if (!old.hash().equals(cp.hash())) {
                throw new GovernException(
                    ErrorCode.CONFLICT,
                    "ledger "
                        + ledgerId.substring(0, 12)
                        + " was witnessed at seq "
                        + cp.seq()
                        + " with head "
                        + old.hash().substring(0, 12)
                        + " on "
                        + old.witnessedAt()
                        + ", not "
                        + cp.hash().substring(0, 12)
                        + ": the ledger was forked or rewritten",
                    "run 'govern audit verify --witness' to find where");
              }
              return old;
            });
    Requests.json(ctx, created[0] ? 201 : 200, view(stored));
  }

  void list(Context ctx) {
    String ledgerId = hex("ledgerId", ctx.pathParam("ledgerId"));
    List<Witnessed> all =
        tx.withHandle(h -> new WitnessDao(h).all(ledgerId)).stream().map(WitnessApi::view).toList();
    Requests.json(ctx, 200, new WitnessedList(ledgerId, all));
  }

  private static Witnessed view(WitnessDao.Witnessed w) {
    Checkpoint cp = Checkpoint.parse(w.checkpoint());
    return new Witnessed(
        w.ledgerId(),
        new CheckpointJson(cp.seq(), cp.hash(), cp.time(), cp.operator(), cp.sig()),
        w.witnessedAt(),
        w.witnessKeyId(),
        w.witnessSig(),
        w.pushedBy());
  }

  private static String hex(String field, String v) {
    if (v == null || !HEX64.matcher(v).matches()) {
      throw FieldException.bad(
          field,
          "expected 64 lower-case hex digits (a SHA-256), found \"" + ScanValidator.clip(v) + "\"");
    }
    return v;
  }
}
