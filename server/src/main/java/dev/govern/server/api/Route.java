package dev.govern.server.api;

import dev.govern.server.auth.Permission;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One API operation: method, path (Javalin syntax, {@code {name}} for a parameter), what the
 * caller's role must allow, and the handler. The OpenAPI document lists exactly these ({@code
 * OpenApiSyncTest}).
 */
public record Route(HandlerType method, String path, Permission permission, Handler handler) {
  public static Route get(String path, Permission p, Handler h) {
    return new Route(HandlerType.GET, path, p, h);
  }

  public static Route put(String path, Permission p, Handler h) {
    return new Route(HandlerType.PUT, path, p, h);
  }

  public static Route post(String path, Permission p, Handler h) {
    return new Route(HandlerType.POST, path, p, h);
  }

  public static Route delete(String path, Permission p, Handler h) {
    return new Route(HandlerType.DELETE, path, p, h);
  }
}
