package dev.govern.server.api;

import dev.govern.server.auth.Principal;
import io.javalin.http.Context;

/** Small helpers for handlers: the caller, query parameters with limits, JSON answers. */
public final class Requests {
  static final String PRINCIPAL = "govern.principal";

  private Requests() {}

  public static Principal principal(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  public static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }

  /** An integer query parameter in {@code [min, max]}, else {@code dflt} when absent. */
  public static int intParam(Context ctx, String name, int dflt, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw FieldException.bad(name, "must be between " + min + " and " + max + ", found " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw FieldException.bad(name, "not an integer: \"" + ScanValidator.clip(v) + "\"");
    }
  }

  public static long longParam(Context ctx, String name, long dflt) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v);
      if (n < 0) {
        throw FieldException.bad(name, "must not be negative");
      }
      return n;
    } catch (NumberFormatException e) {
      throw FieldException.bad(name, "not an integer: \"" + ScanValidator.clip(v) + "\"");
    }
  }

  /** A text query parameter, at most 300 characters, or null. */
  public static String textParam(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v != null) {
      ScanValidator.text(name, v);
      if (v.length() > 300) {
        throw FieldException.bad(name, "longer than 300 characters");
      }
    }
    return v;
  }
}
