package dev.govern.server.api;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.server.auth.Permission;
import dev.govern.server.db.AuthFailureDao;
import dev.govern.server.db.Database;
import dev.govern.server.db.LedgerDao;
import dev.govern.server.ledger.ServerLedger;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Health ({@code /healthz}: the process answers), readiness ({@code /readyz}: the database answers
 * and is migrated; 503 otherwise), the server's facts, and the OpenAPI document.
 */
public final class HealthApi {
  record Status(String status, String detail) {}

  record Info(
      String version,
      String database,
      String keyId,
      long ledgerSeq,
      String ledgerHead,
      long authFailures) {}

  private final Database db;
  private final ServerLedger ledger;
  private final String version;
  private final byte[] openapi;

  public HealthApi(Database db, ServerLedger ledger, String version) {
    this.db = db;
    this.ledger = ledger;
    this.version = version;
    this.openapi = openApiDocument();
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/healthz", Permission.PUBLIC, this::health),
        Route.get("/readyz", Permission.PUBLIC, this::ready),
        Route.get("/api/v1/openapi.json", Permission.PUBLIC, this::openapi),
        Route.get("/api/v1/server", Permission.READ, this::info));
  }

  void health(Context ctx) {
    Requests.json(ctx, 200, new Status("ok", null));
  }

  void ready(Context ctx) {
    Optional<String> why = db.notReady();
    if (why.isPresent()) {
      throw new GovernException(ErrorCode.UNAVAILABLE, "not ready: " + why.get());
    }
    Requests.json(ctx, 200, new Status("ready", null));
  }

  void openapi(Context ctx) {
    ctx.status(200).contentType("application/json").result(openapi);
  }

  void info(Context ctx) {
    Info i =
        db.jdbi()
            .withHandle(
                h -> {
                  LedgerDao.Head head = new LedgerDao(h).head();
                  return new Info(
                      version,
                      db.url().kind().name().toLowerCase(java.util.Locale.ROOT),
                      ledger.key().keyId(),
                      head.seq(),
                      head.hash(),
                      new AuthFailureDao(h).total());
                });
    Requests.json(ctx, 200, i);
  }

  /** The OpenAPI 3.1 document, a resource of the server module. */
  public static byte[] openApiDocument() {
    try (InputStream in = HealthApi.class.getResourceAsStream("/dev/govern/server/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the server's resources");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
