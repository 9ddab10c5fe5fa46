package dev.govern.server.testing;

import dev.govern.server.GovernServer;
import dev.govern.server.ServerConfig;
import dev.govern.server.ServerLog;
import dev.govern.server.auth.Authenticator;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A real server for a test class: {@link GovernServer} in this JVM on a free loopback port, over a
 * SQLite file in a temp folder or a fresh database of the throw-away PostgreSQL, with an admin
 * token. Its log is kept in memory for assertions.
 */
public final class TestServer implements AutoCloseable {
  private final GovernServer server;
  private final String adminToken;
  private final ByteArrayOutputStream log;
  private final String databaseUrl;

  private TestServer(
      GovernServer server, String adminToken, ByteArrayOutputStream log, String url) {
    this.server = server;
    this.adminToken = adminToken;
    this.log = log;
    this.databaseUrl = url;
  }

  /** A database URL of this kind: a SQLite file under {@code dir}, or a new PostgreSQL database. */
  public static String database(DatabaseUrl.Kind kind, Path dir) {
    return kind == DatabaseUrl.Kind.SQLITE
        ? dir.resolve("govern.db").toString()
        : PostgresTestServer.get().newDatabase();
  }

  public static TestServer start(DatabaseUrl.Kind kind, Path dir) {
    return start(database(kind, dir), dir, new Authenticator.Limits(1000, 100_000));
  }

  public static TestServer start(String url, Path dir, Authenticator.Limits limits) {
    return start(url, dir, limits, cfg -> cfg);
  }

  /** A server judging requests by {@code workflow}'s governance file, notifying its sinks. */
  public static TestServer start(DatabaseUrl.Kind kind, Path dir, ServerConfig.Workflow workflow) {
    return start(kind, dir, cfg -> cfg.withWorkflow(workflow));
  }

  public static TestServer start(
      String url, Path dir, Authenticator.Limits limits, ServerConfig.Workflow workflow) {
    return start(url, dir, limits, cfg -> cfg.withWorkflow(workflow));
  }

  /** A server whose configuration {@code tweak} changes (a smaller limit, say). */
  public static TestServer start(
      DatabaseUrl.Kind kind, Path dir, java.util.function.UnaryOperator<ServerConfig> tweak) {
    return start(database(kind, dir), dir, new Authenticator.Limits(1000, 100_000), tweak);
  }

  private static TestServer start(
      String url,
      Path dir,
      Authenticator.Limits limits,
      java.util.function.UnaryOperator<ServerConfig> tweak) {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ServerConfig cfg =
        tweak.apply(
            ServerConfig.of("127.0.0.1:0", url, dir.resolve("server")).withAuthLimits(limits));
    GovernServer s =
        GovernServer.start(
            cfg,
            "test",
            new ServerLog(new PrintStream(log, true, StandardCharsets.UTF_8), Clock.systemUTC()));
    String admin =
        s.tokens().create("admin", Role.ADMIN, null, List.of("admins"), "bootstrap").secret();
    return new TestServer(s, admin, log, url);
  }

  public GovernServer server() {
    return server;
  }

  public String base() {
    return "http://127.0.0.1:" + server.port();
  }

  public String databaseUrl() {
    return databaseUrl;
  }

  public String adminToken() {
    return adminToken;
  }

  /** A token with {@code role} for user {@code name}. */
  public String token(String name, Role role) {
    return server.tokens().create(name, role, null, List.of(), "admin").secret();
  }

  /** A token with {@code role} for user {@code name} in {@code groups}. */
  public String token(String name, Role role, String... groups) {
    return server.tokens().create(name, role, null, List.of(groups), "admin").secret();
  }

  /** Runs one SQL update on the server's database with named parameters; the rows changed. */
  public int update(String sql, java.util.Map<String, Object> params) {
    return server
        .database()
        .jdbi()
        .withHandle(
            h -> {
              var u = h.createUpdate(sql);
              params.forEach(u::bind);
              return u.execute();
            });
  }

  public Http http(String token) {
    return new Http(Http.newClient(), base(), token);
  }

  public Http admin() {
    return http(adminToken);
  }

  public String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.close();
  }
}
