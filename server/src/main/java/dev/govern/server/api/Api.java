package dev.govern.server.api;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.server.ServerLog;
import dev.govern.server.auth.Authenticator;
import dev.govern.server.auth.Principal;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts the routes into Javalin: each behind the authenticator for its permission, every error as an
 * RFC 9457 problem document.
 */
public final class Api {
  private final List<Route> routes;
  private final Authenticator auth;
  private final ServerLog log;

  public Api(List<Route> routes, Authenticator auth, ServerLog log) {
    this.routes = List.copyOf(routes);
    this.auth = auth;
    this.log = log;
  }

  public List<Route> routes() {
    return routes;
  }

  public void install(JavalinConfig config) {
    for (Route r : routes) {
      config.routes.addHttpHandler(
          r.method(),
          r.path(),
          ctx -> {
            Principal p = auth.require(ctx.header("Authorization"), ctx.ip(), r.permission());
            ctx.attribute(Requests.PRINCIPAL, p);
            r.handler().handle(ctx);
          });
    }
    config.routes.exception(
        GovernException.class, (e, ctx) -> problem(ctx, Problem.of(e, ctx.path())));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            problem(
                ctx, Problem.of(codeFor(e.getStatus()), e.getMessage(), ctx.path(), null, null)));
    config.routes.exception(
        Exception.class,
        (e, ctx) -> {
          log.line("internal error on " + ctx.method() + " " + ctx.path() + ": " + e);
          problem(
              ctx,
              Problem.of(
                  ErrorCode.INTERNAL,
                  "the server failed to answer this request (" + e.getClass().getSimpleName() + ")",
                  ctx.path(),
                  null,
                  "the server log has the details"));
        });
    config.routes.error(
        404,
        ctx -> {
          if (!isProblem(ctx)) {
            problem(
                ctx,
                Problem.of(
                    ErrorCode.NOT_FOUND,
                    "no such resource: " + ctx.method() + " " + ctx.path(),
                    ctx.path(),
                    null,
                    null));
          }
        });
    config.routes.error(
        405,
        ctx -> {
          if (!isProblem(ctx)) {
            problem(
                ctx,
                new Problem(
                    "urn:govern:error:method-not-allowed",
                    "Method not allowed",
                    405,
                    ctx.method() + " is not allowed on " + ctx.path(),
                    ctx.path(),
                    "method-not-allowed",
                    null,
                    null));
          }
        });
  }

  private static boolean isProblem(Context ctx) {
    String ct = ctx.res().getContentType();
    return ct != null && ct.startsWith(Problem.MEDIA_TYPE);
  }

  static void problem(Context ctx, Problem p) {
    if (p.status() == 401) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"govern\"");
    }
    if (p.status() == 429) {
      ctx.header("Retry-After", "60");
    }
    ctx.status(p.status()).contentType(Problem.MEDIA_TYPE).result(Json.write(p));
  }

  static ErrorCode codeFor(int status) {
    for (ErrorCode c : ErrorCode.values()) {
      if (c.httpStatus() == status && c != ErrorCode.USAGE && c != ErrorCode.CHECK_FAILED) {
        return c;
      }
    }
    return status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
  }

  /** Every route of the server, as the OpenAPI document must list them. */
  public static List<Route> all(List<List<Route>> groups) {
    List<Route> out = new ArrayList<>();
    groups.forEach(out::addAll);
    return out;
  }
}
