package dev.govern.server.api;

import dev.govern.server.auth.Permission;
import dev.govern.server.auth.Role;
import dev.govern.server.auth.Tokens;
import dev.govern.server.db.TokenDao;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Tokens for admins: make (the secret is in the answer, once), list, revoke. */
public final class TokenApi {
  /** The body of {@code POST /tokens}. */
  public record NewToken(String name, String role, String expires, List<String> groups) {}

  record Created(String token, TokenDao.TokenRow info) {}

  record TokenList(List<TokenDao.TokenRow> tokens) {}

  private final Tokens tokens;
  private final long maxBody;

  public TokenApi(Tokens tokens, long maxBody) {
    this.tokens = tokens;
    this.maxBody = maxBody;
  }

  public List<Route> routes() {
    return List.of(
        Route.post("/api/v1/tokens", Permission.ADMIN, this::create),
        Route.get("/api/v1/tokens", Permission.ADMIN, this::list),
        Route.delete("/api/v1/tokens/{id}", Permission.ADMIN, this::revoke));
  }

  void create(Context ctx) {
    NewToken n = Json.read(Bodies.read(ctx, maxBody), NewToken.class);
    Role role;
    try {
      role = Role.parse(ScanValidator.required("role", n.role()));
    } catch (dev.govern.core.GovernException e) {
      throw FieldException.bad("role", e.getMessage());
    }
    Instant expires = null;
    if (n.expires() != null) {
      try {
        expires = Instant.parse(n.expires());
      } catch (DateTimeParseException e) {
        throw FieldException.bad(
            "expires", "not an RFC 3339 UTC time: \"" + ScanValidator.clip(n.expires()) + "\"");
      }
    }
    Tokens.Created c;
    try {
      c =
          tokens.create(
              ScanValidator.required("name", n.name()),
              role,
              expires,
              n.groups() == null ? List.of() : n.groups(),
              Requests.principal(ctx).user());
    } catch (dev.govern.core.GovernException e) {
      if (e instanceof FieldException) {
        throw e;
      }
      throw new FieldException(dev.govern.core.ErrorCode.BAD_REQUEST, null, e.getMessage());
    }
    Requests.json(ctx, 201, new Created(c.secret(), c.row()));
  }

  void list(Context ctx) {
    Requests.json(ctx, 200, new TokenList(tokens.list()));
  }

  void revoke(Context ctx) {
    String id = ctx.pathParam("id");
    if (!id.matches("[0-9a-f]{12}")) {
      throw FieldException.bad("id", "not a token id: \"" + ScanValidator.clip(id) + "\"");
    }
    tokens.revoke(id, Requests.principal(ctx).user());
    ctx.status(204);
  }
}
