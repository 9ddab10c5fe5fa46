package dev.govern.server;

import dev.govern.core.ledger.SigningKey;
import dev.govern.server.api.Api;
import dev.govern.server.api.EnvironmentApi;
import dev.govern.server.api.HealthApi;
import dev.govern.server.api.LedgerApi;
import dev.govern.server.api.ReleaseApi;
import dev.govern.server.api.Route;
import dev.govern.server.api.ScanApi;
import dev.govern.server.api.TokenApi;
import dev.govern.server.api.WitnessApi;
import dev.govern.server.auth.Authenticator;
import dev.govern.server.auth.Tokens;
import dev.govern.server.db.Database;
import dev.govern.server.db.Transactions;
import dev.govern.server.ledger.ServerKey;
import dev.govern.server.ledger.ServerLedger;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The team server, wired by hand: database (migrated at start), the server's ledger and key, the
 * authenticator, the API routes, Javalin on Jetty. Stateless apart from the database, so several
 * processes can serve one PostgreSQL.
 */
public final class GovernServer implements AutoCloseable {
  private final Database db;
  private final Javalin app;
  private final ServerLedger ledger;
  private final Tokens tokens;
  private final List<Route> routes;
  private final String scheme;

  private GovernServer(
      Database db,
      Javalin app,
      ServerLedger ledger,
      Tokens tokens,
      List<Route> routes,
      String scheme) {
    this.db = db;
    this.app = app;
    this.ledger = ledger;
    this.tokens = tokens;
    this.routes = routes;
    this.scheme = scheme;
  }

  /** Opens and migrates the database, then starts listening. */
  public static GovernServer start(ServerConfig cfg, String version, ServerLog log) {
    Clock clock = Clock.systemUTC();
    // a bad certificate or key fails before anything else starts
    java.security.KeyStore tls =
        cfg.tlsCert() == null ? null : PemKeyStore.load(cfg.tlsCert(), cfg.tlsKey());
    Database db = Database.open(cfg.database());
    try {
      db.migrate();
      SigningKey key = ServerKey.loadOrCreate(cfg.home().resolve("keys"));
      ServerLedger ledger = new ServerLedger(db.jdbi(), key, clock);
      ledger.registerKey();
      Transactions tx =
          new Transactions(
              db.jdbi(), db.url().kind() == dev.govern.server.db.DatabaseUrl.Kind.SQLITE);
      Tokens tokens = new Tokens(db.jdbi(), ledger);
      Authenticator auth = new Authenticator(tokens, db.jdbi(), clock, cfg.authLimits(), log);
      long max = cfg.maxBodyBytes();
      List<Route> routes =
          Api.all(
              List.of(
                  new HealthApi(db, ledger, version).routes(),
                  new ScanApi(tx, ledger, max).routes(),
                  new EnvironmentApi(tx, ledger, 1 << 20).routes(),
                  new LedgerApi(tx, ledger).routes(),
                  new WitnessApi(tx, ledger, 1 << 20).routes(),
                  new TokenApi(tokens, 1 << 20).routes(),
                  new ReleaseApi(tx, ledger, cfg.maxReleaseBytes()).routes()));
      Api api = new Api(routes, auth, log);
      Javalin app =
          Javalin.create(
              c -> {
                c.startup.showJavalinBanner = false;
                c.startup.showOldJavalinVersionWarning = false;
                c.http.maxRequestSize = max;
                c.jetty.host = cfg.host();
                c.jetty.port = cfg.port();
                if (tls != null) {
                  c.jetty.addConnector(
                      (server, http) -> {
                        SslContextFactory.Server ssl = new SslContextFactory.Server();
                        ssl.setKeyStore(tls);
                        ssl.setKeyStorePassword(new String(PemKeyStore.PASSWORD));
                        HttpConfiguration https = new HttpConfiguration(http);
                        SecureRequestCustomizer src = new SecureRequestCustomizer();
                        src.setSniHostCheck(false);
                        https.addCustomizer(src);
                        ServerConnector sc =
                            new ServerConnector(
                                server,
                                new SslConnectionFactory(ssl, "http/1.1"),
                                new HttpConnectionFactory(https));
                        sc.setHost(cfg.host());
                        sc.setPort(cfg.port());
                        return sc;
                      });
                }
                api.install(c);
              });
      app.start();
      return new GovernServer(
          db, app, ledger, tokens, routes, cfg.tlsCert() == null ? "http" : "https");
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /** The port it listens on (the one chosen when 0 was asked). */
  public int port() {
    return app.port();
  }

  public String scheme() {
    return scheme;
  }

  public Database database() {
    return db;
  }

  public ServerLedger ledger() {
    return ledger;
  }

  public Tokens tokens() {
    return tokens;
  }

  /** Every API route (the OpenAPI document lists the same). */
  public List<Route> routes() {
    return routes;
  }

  @Override
  public void close() {
    app.stop();
    db.close();
  }
}
