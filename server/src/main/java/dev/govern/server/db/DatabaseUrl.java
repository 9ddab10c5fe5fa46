package dev.govern.server.db;

import dev.govern.core.GovernException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Where the server's database is: a SQLite file or a PostgreSQL server.
 *
 * @param kind which database
 * @param jdbcUrl the JDBC URL (credentials left out)
 * @param user the PostgreSQL user, or null
 * @param password the PostgreSQL password, or null
 * @param display the URL as shown in logs (no password)
 */
public record DatabaseUrl(Kind kind, String jdbcUrl, String user, String password, String display) {
  /** The databases the server runs on. */
  public enum Kind {
    SQLITE,
    POSTGRESQL
  }

  /**
   * Reads {@code --database}: empty for the default SQLite file, a file path or {@code
   * jdbc:sqlite:FILE}, {@code postgresql://user:password@host:port/db} (or {@code postgres://}), or
   * {@code jdbc:postgresql://…}.
   */
  public static DatabaseUrl parse(String value, Path defaultSqlite) {
    if (value == null || value.isBlank()) {
      return sqlite(defaultSqlite);
    }
    String v = value.strip();
    if (v.startsWith("jdbc:sqlite:")) {
      return sqlite(Path.of(v.substring("jdbc:sqlite:".length())));
    }
    if (v.startsWith("sqlite:")) {
      return sqlite(Path.of(v.substring("sqlite:".length())));
    }
    if (v.startsWith("jdbc:postgresql:")) {
      return new DatabaseUrl(
          Kind.POSTGRESQL, v, null, null, v.replaceAll("password=[^&]*", "password=***"));
    }
    if (v.startsWith("postgresql://") || v.startsWith("postgres://")) {
      return postgres(v);
    }
    if (v.contains("://")) {
      throw GovernException.usage(
          "--database: not a SQLite file or PostgreSQL URL: \""
              + v.replaceAll("//[^@/]*@", "//***@")
              + "\" (expected postgresql://user:password@host:port/db or a file)");
    }
    return sqlite(Path.of(v));
  }

  private static DatabaseUrl sqlite(Path file) {
    Path f = file.toAbsolutePath().normalize();
    return new DatabaseUrl(Kind.SQLITE, "jdbc:sqlite:" + f, null, null, "sqlite " + f);
  }

  private static DatabaseUrl postgres(String v) {
    URI u;
    try {
      u = new URI(v);
    } catch (URISyntaxException e) {
      throw GovernException.usage("--database: not a URL: " + e.getMessage());
    }
    if (u.getHost() == null || u.getPath() == null || u.getPath().length() < 2) {
      throw GovernException.usage(
          "--database: a PostgreSQL URL needs a host and a database name: postgresql://host:5432/govern");
    }
    String user = null;
    String password = null;
    if (u.getRawUserInfo() != null) {
      String[] up = u.getRawUserInfo().split(":", 2);
      user = decode(up[0]);
      password = up.length > 1 ? decode(up[1]) : null;
    }
    int port = u.getPort() < 0 ? 5432 : u.getPort();
    String jdbc =
        "jdbc:postgresql://"
            + u.getHost()
            + ":"
            + port
            + u.getRawPath()
            + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    String shown =
        "postgresql://"
            + (user == null ? "" : user + "@")
            + u.getHost()
            + ":"
            + port
            + u.getRawPath();
    return new DatabaseUrl(Kind.POSTGRESQL, jdbc, user, password, shown);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
