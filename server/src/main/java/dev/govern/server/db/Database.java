package dev.govern.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.govern.core.GovernException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The server's database: a HikariCP pool over SQLite (WAL, busy timeout, transactions that take the
 * write lock when they begin) or PostgreSQL, migrated by Flyway from {@code db/migration}, used
 * through JDBI.
 */
public final class Database implements AutoCloseable {
  /** How long a SQLite writer waits for another's write lock before failing. */
  static final int SQLITE_BUSY_TIMEOUT_MS = 30_000;

  private final DatabaseUrl url;
  private final HikariDataSource pool;
  private final Jdbi jdbi;
  private final Flyway flyway;
  private volatile String newestMigration;

  private Database(DatabaseUrl url, HikariDataSource pool) {
    this.url = url;
    this.pool = pool;
    this.jdbi = Jdbi.create(pool);
    this.flyway =
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(pool)
            .locations("classpath:db/migration")
            .load();
  }

  /** Opens the pool (nothing is migrated yet: call {@link #migrate()}). */
  public static Database open(DatabaseUrl url) {
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("govern");
    hc.setInitializationFailTimeout(-1); // start even when the database is down: /readyz says so
    hc.setConnectionTimeout(30_000);
    if (url.kind() == DatabaseUrl.Kind.SQLITE) {
      Path file = Path.of(url.jdbcUrl().substring("jdbc:sqlite:".length()));
      try {
        Files.createDirectories(file.getParent());
      } catch (java.io.IOException e) {
        throw GovernException.runtime(
            "cannot create " + file.getParent() + ": " + e.getMessage(), e);
      }
      SQLiteConfig c = new SQLiteConfig();
      c.setJournalMode(SQLiteConfig.JournalMode.WAL);
      c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
      c.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
      c.enforceForeignKeys(true);
      c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
      SQLiteDataSource ds = new SQLiteDataSource(c);
      ds.setUrl(url.jdbcUrl());
      hc.setDataSource(ds);
      hc.setMaximumPoolSize(4);
    } else {
      hc.setJdbcUrl(url.jdbcUrl());
      if (url.user() != null) {
        hc.setUsername(url.user());
      }
      if (url.password() != null) {
        hc.setPassword(url.password());
      }
      hc.addDataSourceProperty("reWriteBatchedInserts", "true");
      hc.setMaximumPoolSize(10);
    }
    return new Database(url, new HikariDataSource(hc));
  }

  public DatabaseUrl url() {
    return url;
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  /** Brings the schema to the newest migration; several processes may call it at once. */
  public void migrate() {
    try {
      flyway.migrate();
      MigrationInfo[] all = flyway.info().all();
      newestMigration = all[all.length - 1].getVersion().getVersion();
    } catch (RuntimeException e) {
      throw GovernException.runtime(
          "cannot migrate the database " + url.display() + ": " + oneLine(e), e);
    }
  }

  /** Empty when the database answers and has every migration applied; else what is wrong. */
  public Optional<String> notReady() {
    try (var c = pool.getConnection()) {
      if (!c.isValid(2)) {
        return Optional.of("the database does not answer");
      }
    } catch (SQLException e) {
      return Optional.of("the database is unreachable: " + oneLine(e));
    }
    if (newestMigration == null) {
      return Optional.of("the schema is not migrated yet");
    }
    try {
      String applied =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          """
                          SELECT version FROM flyway_schema_history
                          WHERE success AND version IS NOT NULL
                          ORDER BY installed_rank DESC
                          """)
                      .setMaxRows(1)
                      .mapTo(String.class)
                      .findOne()
                      .orElse(null));
      if (!newestMigration.equals(applied)) {
        return Optional.of(
            "the schema is at version " + applied + ", this server needs " + newestMigration);
      }
    } catch (RuntimeException e) {
      return Optional.of("cannot read the migration state: " + oneLine(e));
    }
    return Optional.empty();
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  @Override
  public void close() {
    pool.close();
  }
}
