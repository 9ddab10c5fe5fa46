package dev.govern.server.api;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.deploy.Release;
import dev.govern.core.deploy.ReleaseStore;
import dev.govern.core.deploy.ServiceName;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.Evidence;
import dev.govern.core.ledger.Ledger;
import dev.govern.core.ledger.LedgerEntry;
import dev.govern.server.auth.Permission;
import dev.govern.server.db.ReleaseDao;
import dev.govern.server.db.Transactions;
import dev.govern.server.ledger.ServerLedger;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Service releases ({@code govern release record --server URL}): the binary goes up first, by its
 * SHA-256 ({@code PUT /blobs/{sha256}}: the server hashes what arrives and reads its build info
 * itself), then the release record ({@code PUT /releases/{service}/{id}}), which must say what the
 * binary says; one {@code release-record} ledger entry. Both are idempotent. Releases and binaries
 * are read back by anyone who may read.
 */
public final class ReleaseApi {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern ID = Pattern.compile("[0-9a-f]{" + Release.ID_LENGTH + "}");
  private static final int MAX_FILE_NAME = 255;

  /** A release record as a client sends it (core's {@link Release} JSON, read strictly). */
  record ReleaseBody(
      Integer schemaVersion,
      String id,
      String service,
      String sha256,
      Long size,
      String file,
      String goVersion,
      String module,
      String moduleVersion,
      String mainPackage,
      String revision,
      String revisionTime,
      Boolean modified,
      String buildId,
      String recordedAt,
      String recordedBy,
      String source) {}

  /** {@code PUT /releases/{service}/{id}}: the record, why, and what to accept. */
  record ReleasePush(
      ReleaseBody release, String reason, Boolean allowModified, Boolean allowNoBuildInfo) {}

  /** What a binary upload answers. */
  record BlobStored(String sha256, long size, boolean created, boolean goBinary) {}

  /** A stored release. */
  record ReleaseView(Release release, String pushedAt, String pushedBy, long ledgerSeq) {}

  /** What a release push answers. */
  record Pushed(boolean created, ReleaseView stored) {}

  /** One release and whether its stored binary still has its SHA-256. */
  record ReleaseShown(ReleaseView stored, boolean verified, String storedSha256) {}

  record ReleaseList(String service, List<ReleaseView> releases) {}

  record ReleasePage(List<ReleaseView> releases, String next) {}

  private final Transactions tx;
  private final ServerLedger ledger;
  private final long maxBinary;

  /**
   * @param maxBinary the largest binary accepted (413 above)
   */
  public ReleaseApi(Transactions tx, ServerLedger ledger, long maxBinary) {
    this.tx = tx;
    this.ledger = ledger;
    this.maxBinary = maxBinary;
  }

  public List<Route> routes() {
    return List.of(
        Route.put("/api/v1/blobs/{sha256}", Permission.PUSH_RELEASE, this::putBlob),
        Route.get("/api/v1/blobs/{sha256}", Permission.READ, this::getBlob),
        Route.get("/api/v1/releases", Permission.READ, this::all),
        Route.get("/api/v1/releases/{service}", Permission.READ, this::list),
        Route.put("/api/v1/releases/{service}/{id}", Permission.PUSH_RELEASE, this::push),
        Route.get("/api/v1/releases/{service}/{id}", Permission.READ, this::show));
  }

  void putBlob(Context ctx) throws IOException {
    String sha = sha256Param(ctx.pathParam("sha256"));
    Path tmp;
    try {
      tmp = Files.createTempFile("govern-release-", ".upload");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      BlobUpload.Received got = BlobUpload.toFile(ctx, tmp, maxBinary);
      if (!got.sha256().equals(sha)) {
        throw FieldException.bad(
            "sha256",
            "the body's SHA-256 is "
                + got.sha256()
                + ", not the "
                + sha
                + " the path names: nothing stored");
      }
      BinaryClaims claims = BinaryClaims.read(tmp, "binary sha256:" + sha);
      String who = Requests.principal(ctx).user();
      String now = Ledger.TIME.format(ledger.clock().instant());
      boolean created =
          tx.inTransaction(
              h -> {
                ReleaseDao dao = new ReleaseDao(h);
                if (dao.blob(sha).isPresent()) {
                  return false;
                }
                try (InputStream in = Files.newInputStream(tmp)) {
                  return dao.insertBlob(
                      new ReleaseDao.BlobRow(
                          sha,
                          got.size(),
                          new String(Json.write(claims), StandardCharsets.UTF_8),
                          now,
                          who),
                      in);
                }
              });
      ctx.header("Location", "/api/v1/blobs/" + sha);
      Requests.json(
          ctx, created ? 201 : 200, new BlobStored(sha, got.size(), created, claims.goBinary()));
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // a temp file left behind is harmless
      }
    }
  }

  void getBlob(Context ctx) {
    String sha = sha256Param(ctx.pathParam("sha256"));
    byte[] data =
        tx.withHandle(h -> new ReleaseDao(h).blobData(sha))
            .orElseThrow(() -> GovernException.notFound("no binary with SHA-256 " + sha, null));
    ctx.header("ETag", "\"" + sha + "\"");
    ctx.status(200).contentType("application/octet-stream").result(data);
  }

  void push(Context ctx) {
    ServiceName service = serviceParam(ctx.pathParam("service"));
    String id = idParam(ctx.pathParam("id"));
    ReleasePush p = Json.read(Bodies.read(ctx, 1 << 20), ReleasePush.class);
    Release r = validate(service, id, p);
    String reason = p.reason();
    ScanValidator.text("reason", reason);
    String who = Requests.principal(ctx).user();
    Pushed out =
        tx.inTransaction(
            h -> {
              ReleaseDao dao = new ReleaseDao(h);
              ReleaseDao.BlobRow blob =
                  dao.blob(r.sha256())
                      .orElseThrow(
                          () ->
                              new GovernException(
                                  ErrorCode.NOT_FOUND,
                                  "release.sha256: no binary with SHA-256 "
                                      + r.sha256()
                                      + " is stored: upload it first",
                                  "PUT the binary to /api/v1/blobs/" + r.sha256()));
              if (blob.size() != r.size()) {
                throw FieldException.bad(
                    "release.size",
                    "the binary has " + blob.size() + " bytes, the record says " + r.size());
              }
              BinaryClaims claims =
                  Json.read(blob.facts().getBytes(StandardCharsets.UTF_8), BinaryClaims.class);
              claims.check("release.", p.release());
              policy(claims, p);
              String now = Ledger.TIME.format(ledger.clock().instant());
              ReleaseDao.ReleaseRow row =
                  new ReleaseDao.ReleaseRow(
                      r.service(),
                      r.id(),
                      r.sha256(),
                      r.goVersion(),
                      r.revision(),
                      r.recordedAt(),
                      new String(r.toJson(), StandardCharsets.UTF_8),
                      now,
                      who,
                      0);
              if (!dao.insertRelease(row)) {
                ReleaseDao.ReleaseRow old = dao.release(r.service(), r.id()).orElseThrow();
                if (!old.sha256().equals(r.sha256())) {
                  throw new GovernException(
                      ErrorCode.CONFLICT,
                      "release "
                          + r.id()
                          + " of "
                          + r.service()
                          + " is stored for another binary (SHA-256 "
                          + old.sha256()
                          + ")",
                      "two binaries share the first 12 hex digits of their SHA-256; remove one");
                }
                return new Pushed(false, view(old));
              }
              LedgerEntry e =
                  ledger.append(
                      h,
                      new Change(
                          "release-record",
                          "service:" + r.service(),
                          null,
                          r.id(),
                          reason,
                          Evidence.of(
                              "PUT /api/v1/releases/" + r.service() + "/" + r.id(),
                              0,
                              ReleaseStore.describe(r))),
                      who);
              dao.setLedgerSeq(r.service(), r.id(), e.seq());
              return new Pushed(true, new ReleaseView(r, row.pushedAt(), row.pushedBy(), e.seq()));
            });
    ctx.header("Location", "/api/v1/releases/" + r.service() + "/" + r.id());
    Requests.json(ctx, out.created() ? 201 : 200, out);
  }

  void show(Context ctx) {
    ServiceName service = serviceParam(ctx.pathParam("service"));
    String id = idParam(ctx.pathParam("id"));
    record Read(ReleaseDao.ReleaseRow row, byte[] data) {}
    Read read =
        tx.withHandle(
            h -> {
              ReleaseDao dao = new ReleaseDao(h);
              ReleaseDao.ReleaseRow row =
                  dao.release(service.value(), id)
                      .orElseThrow(
                          () ->
                              GovernException.notFound(
                                  "no release " + id + " of " + service, null));
              return new Read(row, dao.blobData(row.sha256()).orElse(new byte[0]));
            });
    String actual = HexFormat.of().formatHex(BlobUpload.sha256().digest(read.data()));
    Requests.json(
        ctx, 200, new ReleaseShown(view(read.row()), actual.equals(read.row().sha256()), actual));
  }

  void list(Context ctx) {
    ServiceName service = serviceParam(ctx.pathParam("service"));
    List<ReleaseView> views =
        tx.withHandle(h -> new ReleaseDao(h).releases(service.value())).stream()
            .map(ReleaseApi::view)
            .toList();
    Requests.json(ctx, 200, new ReleaseList(service.value(), views));
  }

  void all(Context ctx) {
    String after = Requests.textParam(ctx, "after");
    int limit = Requests.intParam(ctx, "limit", 1000, 1, 5000);
    String s = "";
    String i = "";
    if (after != null) {
      int slash = after.indexOf('/');
      if (slash < 0) {
        throw FieldException.bad("after", "expected SERVICE/ID (the next of the previous page)");
      }
      s = after.substring(0, slash);
      i = after.substring(slash + 1);
    }
    String afterService = s;
    String afterId = i;
    List<ReleaseView> views =
        tx.withHandle(h -> new ReleaseDao(h).all(afterService, afterId, limit)).stream()
            .map(ReleaseApi::view)
            .toList();
    String next = null;
    if (views.size() == limit) {
      Release last = views.get(views.size() - 1).release();
      next = last.service() + "/" + last.id();
    }
    Requests.json(ctx, 200, new ReleasePage(views, next));
  }

  private static ReleaseView view(ReleaseDao.ReleaseRow row) {
    Release r =
        Release.parse(
            row.record().getBytes(StandardCharsets.UTF_8),
            "releases " + row.service() + "/" + row.id());
    return new ReleaseView(r, row.pushedAt(), row.pushedBy(), row.ledgerSeq());
  }

  /** The same rules as {@code govern release record}: no modified checkout, a VCS stamp. */
  private static void policy(BinaryClaims claims, ReleasePush p) {
    boolean noBuildInfo = Boolean.TRUE.equals(p.allowNoBuildInfo());
    if (!claims.goBinary() && !noBuildInfo) {
      throw new FieldException(
          ErrorCode.PRECONDITION,
          "release",
          "the binary has no Go build info ("
              + ScanValidator.clip(claims.unreadable())
              + "); allowNoBuildInfo records it by its SHA-256 alone");
    }
    if (claims.goBinary() && claims.revision().isEmpty() && !noBuildInfo) {
      throw new FieldException(
          ErrorCode.PRECONDITION,
          "release.revision",
          "release.revision: the binary's build info has no vcs.revision; allowNoBuildInfo accepts it");
    }
    if (Boolean.TRUE.equals(claims.modified()) && !Boolean.TRUE.equals(p.allowModified())) {
      throw new FieldException(
          ErrorCode.PRECONDITION,
          "release.modified",
          "release.modified: built from a checkout with uncommitted changes (vcs.modified=true);"
              + " allowModified accepts it");
    }
  }

  /** Field by field, naming the field at fault; the record as core reads it. */
  static Release validate(ServiceName service, String id, ReleasePush p) {
    ReleaseBody b = p.release();
    if (b == null) {
      throw FieldException.bad("release", "missing");
    }
    if (b.schemaVersion() == null || b.schemaVersion() != Release.SCHEMA_VERSION) {
      throw FieldException.bad(
          "release.schemaVersion",
          "expected " + Release.SCHEMA_VERSION + ", found " + b.schemaVersion());
    }
    if (!service.value().equals(b.service())) {
      throw FieldException.bad(
          "release.service",
          "\"" + ScanValidator.clip(b.service()) + "\" is not the path's service " + service);
    }
    if (!id.equals(b.id())) {
      throw FieldException.bad(
          "release.id", "\"" + ScanValidator.clip(b.id()) + "\" is not the path's id " + id);
    }
    if (b.sha256() == null || !SHA256.matcher(b.sha256()).matches()) {
      throw FieldException.bad(
          "release.sha256",
          "not 64 lower-case hex digits: \"" + ScanValidator.clip(b.sha256()) + "\"");
    }
    if (!b.sha256().startsWith(id)) {
      throw FieldException.bad("release.sha256", "does not start with the release id " + id);
    }
    if (b.size() == null || b.size() < 0) {
      throw FieldException.bad("release.size", b.size() == null ? "missing" : "negative");
    }
    String file = b.file() == null ? "" : b.file();
    if (file.length() > MAX_FILE_NAME || file.contains("/") || file.indexOf('\0') >= 0) {
      throw FieldException.bad(
          "release.file", "not a file name: \"" + ScanValidator.clip(file) + "\"");
    }
    ScanValidator.text("release.goVersion", b.goVersion());
    ScanValidator.text("release.module", b.module());
    ScanValidator.text("release.moduleVersion", b.moduleVersion());
    ScanValidator.text("release.mainPackage", b.mainPackage());
    ScanValidator.text("release.revision", b.revision());
    ScanValidator.text("release.revisionTime", b.revisionTime());
    ScanValidator.text("release.buildId", b.buildId());
    ScanValidator.text("release.recordedBy", b.recordedBy());
    ScanValidator.text("release.source", b.source());
    Release r =
        new Release(
            b.schemaVersion(),
            b.id(),
            b.service(),
            b.sha256(),
            b.size(),
            file,
            b.goVersion(),
            b.module(),
            b.moduleVersion(),
            b.mainPackage(),
            b.revision(),
            b.revisionTime(),
            b.modified(),
            b.buildId(),
            b.recordedAt(),
            b.recordedBy(),
            b.source());
    try {
      return Release.parse(r.toJson(), "release");
    } catch (GovernException e) {
      String m = e.getMessage();
      throw new FieldException(
          ErrorCode.BAD_REQUEST, m.contains("recordedAt") ? "release.recordedAt" : "release", m);
    }
  }

  static String sha256Param(String sha) {
    if (sha == null || !SHA256.matcher(sha).matches()) {
      throw FieldException.bad(
          "sha256",
          "not a SHA-256 (64 lower-case hex digits): \"" + ScanValidator.clip(sha) + "\"");
    }
    return sha;
  }

  static String idParam(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw FieldException.bad(
          "id",
          "not a release id (the first "
              + Release.ID_LENGTH
              + " hex digits of the binary's SHA-256): \""
              + ScanValidator.clip(id)
              + "\"");
    }
    return id;
  }

  static ServiceName serviceParam(String name) {
    try {
      return ServiceName.parse(name);
    } catch (GovernException e) {
      throw FieldException.bad("service", e.getMessage());
    }
  }
}
