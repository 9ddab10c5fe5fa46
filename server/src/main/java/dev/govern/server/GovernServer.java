package dev.govern.server;

import dev.govern.core.ledger.SigningKey;
import dev.govern.server.api.Api;
import dev.govern.server.api.EnvironmentApi;
import dev.govern.server.api.HealthApi;
import dev.govern.server.api.LedgerApi;
import dev.govern.server.api.ReleaseApi;
import dev.govern.server.api.RequestApi;
import dev.govern.server.api.Route;
import dev.govern.server.api.ScanApi;
import dev.govern.server.api.TokenApi;
import dev.govern.server.api.WitnessApi;
import dev.govern.server.approval.ChangeRequests;
import dev.govern.server.approval.GovernanceSource;
import dev.govern.server.auth.Authenticator;
import dev.govern.server.auth.Tokens;
import dev.govern.server.db.Database;
import dev.govern.server.db.Transactions;
import dev.govern.server.ledger.ServerKey;
import dev.govern.server.ledger.ServerLedger;
import dev.govern.server.notify.Dispatcher;
import dev.govern.server.notify.Outbox;
import dev.govern.server.notify.Sinks;
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
  private final ChangeRequests requests;
  private final Dispatcher dispatcher;
  private final java.util.concurrent.ScheduledExecutorService sweeper;

  private GovernServer(
      Database db,
      Javalin app,
      ServerLedger ledger,
      Tokens tokens,
      List<Route> routes,
      String scheme,
      ChangeRequests requests,
      Dispatcher dispatcher,
      java.util.concurrent.ScheduledExecutorService sweeper) {
    this.requests = requests;
    this.dispatcher = dispatcher;
    this.sweeper = sweeper;
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
      ServerConfig.Workflow wf = cfg.workflow();
      GovernanceSource governance = new GovernanceSource(wf.governance());
      Outbox outbox = new Outbox(Sinks.load(wf.notifications()), clock);
      ChangeRequests requests = new ChangeRequests(tx, ledger, governance, outbox);
      Dispatcher dispatcher =
          new Dispatcher(
              tx, outbox.sinks(), wf.backoff(), clock, log, 8, java.time.Duration.ofMillis(500));
      outbox.onPublish(dispatcher::wake);
      List<Route> routes =
          Api.all(
              List.of(
                  new HealthApi(db, ledger, version).routes(),
                  new ScanApi(tx, ledger, max).notifying(outbox).routes(),
                  new EnvironmentApi(tx, ledger, 1 << 20).routes(),
                  new LedgerApi(tx, ledger).routes(),
                  new WitnessApi(tx, ledger, 1 << 20).routes(),
                  new TokenApi(tokens, 1 << 20).routes(),
                  new RequestApi(requests, 4 << 20).routes(),
                  new dev.govern.server.api.NotificationApi(tx).routes(),
                  new dev.govern.server.api.GateApi(tx, outbox, 4 << 20).routes(),
                  new ReleaseApi(tx, ledger, cfg.maxReleaseBytes()).routes()));
      Api api = new Api(routes, auth, log);
      dev.govern.server.web.Dashboard dashboard =
          new dev.govern.server.web.Dashboard(tx, ledger, requests, auth, clock, tls != null);
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
                dashboard.install(c);
              });
      app.start();
      dispatcher.start();
      java.util.concurrent.ScheduledExecutorService sweeper =
          java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "govern-sweep");
                t.setDaemon(true);
                return t;
              });
      long every = wf.sweepEvery().toMillis();
      sweeper.scheduleWithFixedDelay(
          () -> {
            try {
              requests.sweep();
            } catch (RuntimeException e) {
              log.line("sweep of requests failed: " + e.getMessage());
            }
          },
          every,
          every,
          java.util.concurrent.TimeUnit.MILLISECONDS);
      return new GovernServer(
          db,
          app,
          ledger,
          tokens,
          routes,
          cfg.tlsCert() == null ? "http" : "https",
          requests,
          dispatcher,
          sweeper);
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

  public ChangeRequests requests() {
    return requests;
  }

  public Dispatcher dispatcher() {
    return dispatcher;
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    dispatcher.close();
    app.stop();
    db.close();
  }
}
