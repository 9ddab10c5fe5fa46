package dev.govern.server.approval;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.approval.ApprovalRule;
import dev.govern.core.approval.ApprovalStatement;
import dev.govern.core.governance.EnvStatus;
import dev.govern.core.governance.GovernanceFile;
import dev.govern.core.governance.PolicyReader;
import dev.govern.core.governance.policy.EffectivePolicy;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.Evidence;
import dev.govern.core.ledger.Ledger;
import dev.govern.core.ledger.LedgerEntry;
import dev.govern.core.ledger.TrustedKeys;
import dev.govern.core.version.GoVersion;
import dev.govern.server.api.FieldException;
import dev.govern.server.auth.Principal;
import dev.govern.server.db.EnvironmentDao;
import dev.govern.server.db.EnvironmentDao.EnvRow;
import dev.govern.server.db.RequestDao;
import dev.govern.server.db.RequestDao.RequestRow;
import dev.govern.server.db.RequestDao.VoteRow;
import dev.govern.server.db.Transactions;
import dev.govern.server.ledger.ServerLedger;
import dev.govern.server.notify.EventKind;
import dev.govern.server.notify.Outbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The review board's workflow: a change request is filed, approved or rejected by people the rule
 * admits (never the requester, each once), and applied by the server in the transaction of the vote
 * that meets the rule: the environments table, its history and an {@code env-set} ledger entry
 * carrying the whole approval chain. At most one request per environment is open (a unique index),
 * and each request's votes are judged one after the other (its row lock), so concurrent approvals
 * apply it exactly once; the apply itself is a compare-and-set on the environment's revision as it
 * was when the request was filed, so a change made meanwhile turns the request into a conflict.
 */
public final class ChangeRequests {
  /** What a request asks for. */
  public record Filing(
      String environment,
      String version,
      String status,
      String reason,
      String attachmentName,
      String attachment,
      boolean emergency) {}

  /** A request with its votes, as the API and the dashboard show it. */
  public record View(
      RequestRow request, List<VoteRow> votes, ApprovalRule rule, int quorum, boolean overdue) {}

  /** What a vote did. */
  public record Outcome(View view, String result, Long appliedSeq) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Transactions tx;
  private final ServerLedger ledger;
  private final GovernanceSource governance;
  private final Outbox outbox;

  public ChangeRequests(
      Transactions tx, ServerLedger ledger, GovernanceSource governance, Outbox outbox) {
    this.tx = tx;
    this.ledger = ledger;
    this.governance = governance;
    this.outbox = outbox;
  }

  private String now() {
    return Ledger.TIME.format(ledger.clock().instant());
  }

  /** Files a request; an emergency with quorum 0 (or a rule needing none) applies at once. */
  public Outcome file(Principal who, Filing f) {
    GoVersion version = GoVersion.parse(f.version());
    EnvStatus status = EnvStatus.of(f.status()).orElseThrow();
    GovernanceFile g = governance.current();
    ApprovalRule rule = g.approvalRule(f.environment());
    if (f.emergency() && rule.emergency().isEmpty()) {
      throw new GovernException(
          ErrorCode.PRECONDITION,
          "environment "
              + f.environment()
              + " has no emergency path: approvals."
              + f.environment()
              + ".emergency is not set in "
              + g.source(),
          "file it as a normal request, or allow an emergency quorum in the governance file");
    }
    checkPolicy(g, rule, f.environment(), version);
    String id = newId();
    String now = now();
    Instant created = ledger.clock().instant();
    String sha = f.attachment() == null ? null : sha256(f.attachment());
    try {
      return tx.inTransaction(
          h -> {
            RequestDao dao = new RequestDao(h);
            dao.pendingFor(f.environment())
                .ifPresent(
                    p -> {
                      throw conflictPending(f.environment(), p.id());
                    });
            long base =
                new EnvironmentDao(h).find(f.environment()).map(EnvRow::revision).orElse(0L);
            RequestRow row =
                new RequestRow(
                    id,
                    f.environment(),
                    version.toString(),
                    status.word(),
                    f.reason(),
                    who.user(),
                    now,
                    Ledger.TIME.format(created.plus(rule.expires())),
                    "pending",
                    f.emergency(),
                    RuleJson.write(rule),
                    base,
                    f.attachmentName(),
                    sha,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            dao.insert(row, f.attachment());
            LedgerEntry e =
                ledger.append(
                    h,
                    new Change(
                        f.emergency() ? "request-emergency" : "request-create",
                        "request:" + id,
                        null,
                        f.environment() + "=" + version,
                        f.reason(),
                        Evidence.of(
                            "POST /api/v1/requests",
                            0,
                            describe(row) + (sha == null ? "" : "\nattachment sha256 " + sha))),
                    who.user());
            outbox.publish(
                h,
                EventKind.REQUEST_CREATED,
                "request:" + id,
                who.user()
                    + " asks to set "
                    + f.environment()
                    + " to "
                    + version
                    + (f.emergency() ? " (EMERGENCY)" : "")
                    + ": "
                    + f.reason(),
                data(row, e.seq()));
            if (rule.quorum(f.emergency()) == 0) {
              Long seq = apply(h, dao, dao.find(id).orElseThrow(), rule, who.user());
              return new Outcome(view(h, id), seq == null ? "conflict" : "applied", seq);
            }
            return new Outcome(view(h, id), "pending", null);
          });
    } catch (GovernException e) {
      throw e;
    } catch (RuntimeException e) {
      if (uniqueViolation(e)) { // another request for this environment won the race
        String other =
            tx.withHandle(h -> new RequestDao(h).pendingFor(f.environment()))
                .map(RequestRow::id)
                .orElse("?");
        throw conflictPending(f.environment(), other);
      }
      throw e;
    }
  }

  /** Approves or rejects; approving an applied emergency change is its post-hoc review. */
  public Outcome vote(Principal who, String id, String verdict, String comment, String signature) {
    Outcome out =
        tx.inTransaction(
            h -> {
              RequestDao dao = new RequestDao(h);
              if (!dao.lock(id)) {
                throw GovernException.notFound(
                    "no change request " + id, "govern requests lists them");
              }
              RequestRow r = dao.find(id).orElseThrow();
              ApprovalRule rule = RuleJson.read(r.rule());
              if (r.state().equals("applied") && r.emergency() && verdict.equals("approve")) {
                return review(h, dao, r, who, comment, signature);
              }
              if (!r.state().equals("pending")) {
                throw new GovernException(
                    ErrorCode.CONFLICT,
                    "change request "
                        + id
                        + " is "
                        + r.state()
                        + ": it can no longer be "
                        + verdict
                        + "d",
                    r.state().equals("applied") ? null : "file a new request");
              }
              if (r.expiresAt().compareTo(now()) < 0) {
                expire(h, dao, r);
                return new Outcome(view(h, id), "expired", null);
              }
              if (who.user().equals(r.requester())) {
                throw new GovernException(
                    ErrorCode.FORBIDDEN,
                    who.user()
                        + " filed change request "
                        + id
                        + ": the requester never counts as an approver",
                    null);
              }
              if (!rule.admits(who.groups())) {
                throw new GovernException(
                    ErrorCode.FORBIDDEN,
                    "approvals."
                        + r.environment()
                        + " needs an approver in "
                        + String.join(" or ", rule.groups())
                        + "; "
                        + who.user()
                        + " is in "
                        + (who.groups().isEmpty() ? "no group" : String.join(", ", who.groups())),
                    "an admin adds groups with govern server token create --group");
              }
              checkSignature(r, who.user(), verdict, signature);
              if (dao.votes(id).stream().anyMatch(v -> v.voter().equals(who.user()))) {
                throw alreadyVoted(who.user(), id);
              }
              LedgerEntry e =
                  ledger.append(
                      h,
                      new Change(
                          "request-" + verdict,
                          "request:" + id,
                          null,
                          r.environment() + "=" + r.version(),
                          comment,
                          Evidence.of(
                              "POST /api/v1/requests/" + id + "/" + verdict,
                              0,
                              who.user()
                                  + " "
                                  + verdict
                                  + "s"
                                  + (signature == null ? " (unsigned)" : " signed " + signature))),
                      who.user());
              String at = now();
              if (!dao.addVote(
                  new VoteRow(id, who.user(), verdict, comment, at, signature, e.seq()))) {
                throw alreadyVoted(who.user(), id);
              }
              if (verdict.equals("reject")) {
                dao.transition(id, "pending", "rejected", at, null);
                outbox.publish(
                    h,
                    EventKind.REQUEST_REJECTED,
                    "request:" + id,
                    who.user()
                        + " rejected "
                        + r.environment()
                        + " → "
                        + r.version()
                        + ": "
                        + comment,
                    data(r, e.seq()));
                return new Outcome(view(h, id), "rejected", null);
              }
              outbox.publish(
                  h,
                  EventKind.REQUEST_APPROVED,
                  "request:" + id,
                  who.user() + " approved " + r.environment() + " → " + r.version(),
                  data(r, e.seq()));
              long approvals =
                  dao.votes(id).stream().filter(v -> v.verdict().equals("approve")).count();
              if (approvals >= rule.quorum(r.emergency())) {
                checkPolicy(
                    governance.current(), rule, r.environment(), GoVersion.parse(r.version()));
                Long seq = apply(h, dao, r, rule, who.user());
                return new Outcome(view(h, id), seq == null ? "conflict" : "applied", seq);
              }
              return new Outcome(view(h, id), "approved", null);
            });
    if (out.result().equals("expired")) {
      throw new GovernException(
          ErrorCode.CONFLICT,
          "change request " + id + " expired at " + out.view().request().expiresAt(),
          "file a new request");
    }
    if (out.result().equals("conflict")) {
      throw conflictChanged(out.view().request());
    }
    return out;
  }

  private Outcome review(
      Handle h, RequestDao dao, RequestRow r, Principal who, String comment, String signature) {
    if (who.user().equals(r.requester())) {
      throw new GovernException(
          ErrorCode.FORBIDDEN,
          who.user() + " made emergency change " + r.id() + ": someone else must review it",
          null);
    }
    if (r.reviewedAt() != null) {
      throw new GovernException(
          ErrorCode.CONFLICT,
          "emergency change " + r.id() + " was reviewed by " + r.reviewedBy() + " already",
          null);
    }
    if (comment == null || comment.isBlank()) {
      throw FieldException.bad("comment", "a post-hoc review must say what was checked");
    }
    checkSignature(r, who.user(), "review", signature);
    String at = now();
    LedgerEntry e =
        ledger.append(
            h,
            new Change(
                "request-review",
                "request:" + r.id(),
                null,
                r.environment() + "=" + r.version(),
                comment,
                Evidence.of(
                    "POST /api/v1/requests/" + r.id() + "/approve",
                    0,
                    "post-hoc review of emergency change by "
                        + who.user()
                        + (signature == null ? " (unsigned)" : " signed " + signature)
                        + (r.reviewDue() != null && r.reviewDue().compareTo(at) < 0
                            ? ", overdue since " + r.reviewDue()
                            : ""))),
            who.user());
    dao.review(r.id(), who.user(), at, comment);
    outbox.publish(
        h,
        EventKind.REQUEST_APPROVED,
        "request:" + r.id(),
        who.user() + " reviewed emergency change " + r.environment() + " → " + r.version(),
        data(r, e.seq()));
    return new Outcome(view(h, r.id()), "reviewed", null);
  }

  /**
   * Writes the environment row, its history and the {@code env-set} entry with the approval chain;
   * null (and the request marked {@code conflict}) when the environment changed since the request
   * was filed.
   */
  private Long apply(Handle h, RequestDao dao, RequestRow r, ApprovalRule rule, String who) {
    EnvironmentDao envs = new EnvironmentDao(h);
    EnvRow old = envs.find(r.environment()).orElse(null);
    String now = now();
    boolean changedSince = old == null ? r.baseRevision() != 0 : old.revision() != r.baseRevision();
    if (changedSince) {
      dao.transition(r.id(), "pending", "conflict", now, null);
      return null;
    }
    boolean versionChanged = old == null || !old.version().equals(r.version());
    EnvRow row =
        new EnvRow(
            r.environment(),
            r.version(),
            versionChanged ? now.substring(0, 10) : old.since(),
            r.envStatus(),
            old == null || versionChanged ? "request " + r.id() : old.note(),
            0,
            now,
            r.requester());
    boolean ok = old == null ? envs.create(row) : envs.update(row, old.revision());
    if (!ok) {
      dao.transition(r.id(), "pending", "conflict", now, null);
      return null;
    }
    EnvRow stored = envs.find(r.environment()).orElseThrow();
    List<VoteRow> votes = dao.votes(r.id());
    LedgerEntry e =
        ledger.append(
            h,
            new Change(
                "env-set",
                "env:" + r.environment(),
                old == null ? null : old.version(),
                stored.version(),
                (r.emergency() ? "EMERGENCY: " : "") + r.reason() + " (request " + r.id() + ")",
                Evidence.of("request " + r.id(), 0, chain(r, votes))),
            who);
    envs.addHistory(
        new EnvironmentDao.HistoryRow(
            stored.name(),
            stored.revision(),
            stored.version(),
            stored.since(),
            stored.status(),
            stored.note(),
            now,
            r.requester(),
            r.reason(),
            e.seq()));
    dao.transition(r.id(), "pending", "applied", now, e.seq());
    if (r.emergency()) {
      String due =
          Ledger.TIME.format(
              ledger.clock().instant().plus(rule.emergency().orElseThrow().reviewWithin()));
      dao.setReviewDue(r.id(), due);
      outbox.publish(
          h,
          EventKind.EMERGENCY_CHANGE,
          "request:" + r.id(),
          "EMERGENCY: "
              + r.environment()
              + " set to "
              + r.version()
              + " by "
              + r.requester()
              + "; review due "
              + due,
          data(r, e.seq()));
    }
    outbox.publish(
        h,
        EventKind.REQUEST_APPLIED,
        "request:" + r.id(),
        r.environment() + " is now " + r.version() + " (request " + r.id() + ")",
        data(r, e.seq()));
    return e.seq();
  }

  private void expire(Handle h, RequestDao dao, RequestRow r) {
    String now = now();
    if (!dao.transition(r.id(), "pending", "expired", now, null)) {
      return;
    }
    LedgerEntry e =
        ledger.append(
            h,
            new Change(
                "request-expire",
                "request:" + r.id(),
                null,
                r.environment() + "=" + r.version(),
                "expired at " + r.expiresAt(),
                null),
            "govern-server");
    outbox.publish(
        h,
        EventKind.REQUEST_EXPIRED,
        "request:" + r.id(),
        "request " + r.id() + " (" + r.environment() + " → " + r.version() + ") expired",
        data(r, e.seq()));
  }

  /** Expires open requests past their time and tells of overdue reviews; each once. */
  public int sweep() {
    String now = now();
    List<String> expired = tx.withHandle(h -> new RequestDao(h).expiredPending(now));
    int n = 0;
    for (String id : expired) {
      n +=
          tx.inTransaction(
              h -> {
                RequestDao dao = new RequestDao(h);
                dao.lock(id);
                RequestRow r = dao.find(id).orElseThrow();
                if (!r.state().equals("pending")) {
                  return 0;
                }
                expire(h, dao, r);
                return 1;
              });
    }
    List<String> overdue = tx.withHandle(h -> new RequestDao(h).overdueUnnotified(now));
    for (String id : overdue) {
      n +=
          tx.inTransaction(
              h -> {
                RequestDao dao = new RequestDao(h);
                if (!dao.markOverdueNotified(id)) {
                  return 0;
                }
                RequestRow r = dao.find(id).orElseThrow();
                outbox.publish(
                    h,
                    EventKind.REVIEW_OVERDUE,
                    "request:" + id,
                    "the review of emergency change "
                        + id
                        + " ("
                        + r.environment()
                        + " → "
                        + r.version()
                        + " by "
                        + r.requester()
                        + ") was due "
                        + r.reviewDue(),
                    data(r, r.ledgerSeq() == null ? 0 : r.ledgerSeq()));
                return 1;
              });
    }
    return n;
  }

  public View get(String id) {
    return tx.withHandle(
        h -> {
          if (new RequestDao(h).find(id).isEmpty()) {
            throw GovernException.notFound("no change request " + id, "govern requests lists them");
          }
          return view(h, id);
        });
  }

  public String attachment(String id) {
    return tx.withHandle(h -> new RequestDao(h).attachment(id).orElse(null));
  }

  public List<View> list(String state, String environment, int limit) {
    return tx.withHandle(
        h -> {
          List<View> out = new ArrayList<>();
          for (RequestRow r : new RequestDao(h).list(state, environment, limit)) {
            out.add(view(h, r));
          }
          return out;
        });
  }

  /** What an approver of {@code id} signs for {@code verdict}. */
  public static ApprovalStatement statement(RequestRow r, String approver, String verdict) {
    return new ApprovalStatement(
        r.id(),
        r.environment(),
        r.version(),
        r.envStatus(),
        r.reason(),
        r.requester(),
        r.createdAt(),
        r.attachmentSha256(),
        r.emergency(),
        approver,
        verdict);
  }

  private View view(Handle h, String id) {
    return view(h, new RequestDao(h).find(id).orElseThrow());
  }

  private View view(Handle h, RequestRow r) {
    ApprovalRule rule = RuleJson.read(r.rule());
    boolean overdue =
        r.reviewDue() != null && r.reviewedAt() == null && r.reviewDue().compareTo(now()) < 0;
    return new View(r, new RequestDao(h).votes(r.id()), rule, rule.quorum(r.emergency()), overdue);
  }

  private void checkSignature(RequestRow r, String approver, String verdict, String signature) {
    if (signature == null) {
      return;
    }
    TrustedKeys keys = new TrustedKeys(governance.current().keys());
    TrustedKeys.Status s = statement(r, approver, verdict).check(signature, keys);
    if (s != TrustedKeys.Status.VALID) {
      throw FieldException.bad(
          "signature",
          "the signature does not verify as "
              + approver
              + "'s over change request "
              + r.id()
              + " ("
              + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + ")");
    }
  }

  private static void checkPolicy(
      GovernanceFile g, ApprovalRule rule, String environment, GoVersion v) {
    if (!rule.policy()) {
      return;
    }
    EffectivePolicy p = PolicyReader.policy(g).forEnvironment(environment).effective();
    p.denial(v)
        .ifPresent(
            d -> {
              throw new GovernException(
                  ErrorCode.CHECK_FAILED,
                  v + " is denied by the policy for " + environment + ": " + d.reason(),
                  "ask for a version the policy permits");
            });
    if (!p.permits(v)) {
      throw new GovernException(
          ErrorCode.CHECK_FAILED,
          v
              + " is outside the policy's allowed versions for "
              + environment
              + " ("
              + p.allow().orElseThrow()
              + ")",
          "ask for a version the policy permits");
    }
  }

  /** The approval chain the {@code env-set} entry carries as evidence. */
  private static String chain(RequestRow r, List<VoteRow> votes) {
    StringBuilder sb = new StringBuilder();
    sb.append("request ")
        .append(r.id())
        .append(r.emergency() ? " (EMERGENCY)" : "")
        .append(": ")
        .append(r.environment())
        .append(" → ")
        .append(r.version())
        .append(" ")
        .append(r.envStatus())
        .append("\nrequested by ")
        .append(r.requester())
        .append(" at ")
        .append(r.createdAt())
        .append(": ")
        .append(r.reason());
    if (r.attachmentSha256() != null) {
      sb.append("\nevidence ")
          .append(r.attachmentName() == null ? "attachment" : r.attachmentName())
          .append(" sha256 ")
          .append(r.attachmentSha256());
    }
    for (VoteRow v : votes) {
      sb.append("\napproved by ")
          .append(v.voter())
          .append(" at ")
          .append(v.votedAt())
          .append(v.comment() == null ? "" : ": " + v.comment())
          .append(v.signature() == null ? " (unsigned)" : " sig " + v.signature());
    }
    return sb.toString();
  }

  private static String describe(RequestRow r) {
    return "request "
        + r.id()
        + (r.emergency() ? " (EMERGENCY)" : "")
        + ": "
        + r.environment()
        + " → "
        + r.version()
        + " "
        + r.envStatus()
        + " by "
        + r.requester()
        + ", expires "
        + r.expiresAt();
  }

  private static Map<String, Object> data(RequestRow r, long seq) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("request", r.id());
    m.put("environment", r.environment());
    m.put("version", r.version());
    m.put("requester", r.requester());
    m.put("reason", r.reason());
    m.put("emergency", r.emergency());
    m.put("ledgerSeq", seq);
    return m;
  }

  private static GovernException conflictPending(String env, String other) {
    return new GovernException(
        ErrorCode.CONFLICT,
        "environment " + env + " already has an open change request " + other,
        "approve or reject " + other + " first");
  }

  private static GovernException conflictChanged(RequestRow r) {
    return new GovernException(
        ErrorCode.CONFLICT,
        "environment "
            + r.environment()
            + " changed after change request "
            + r.id()
            + " was filed: the request was not applied (it is now 'conflict')",
        "read the environment again and file a new request");
  }

  private static GovernException alreadyVoted(String user, String id) {
    return new GovernException(
        ErrorCode.CONFLICT, user + " has already voted on change request " + id, null);
  }

  private static boolean uniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLException s
          && ("23505".equals(s.getSQLState())
              || String.valueOf(s.getMessage()).contains("UNIQUE constraint failed"))) {
        return true;
      }
    }
    return false;
  }

  static String newId() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
