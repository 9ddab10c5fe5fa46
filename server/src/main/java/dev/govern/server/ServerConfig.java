package dev.govern.server;

import dev.govern.core.GovernException;
import dev.govern.server.auth.Authenticator;
import dev.govern.server.db.DatabaseUrl;
import java.nio.file.Path;

/**
 * How {@code govern serve} runs.
 *
 * @param host the address to bind (default loopback)
 * @param port the port (0: any free one)
 * @param database where the data is
 * @param home the server's folder ({@code $GOVERN_HOME/server}): default SQLite file, its key
 * @param tlsCert a PEM certificate chain for HTTPS, or null for HTTP
 * @param tlsKey the PEM (PKCS#8) private key of {@code tlsCert}
 * @param maxBodyBytes the largest request body accepted (413 above)
 * @param authLimits when failed authentications are slowed down and locked out
 * @param workflow the governance file, the notification sinks and their timing (issue 16)
 * @param maxReleaseBytes the largest release binary accepted (413 above)
 */
public record ServerConfig(
    String host,
    int port,
    DatabaseUrl database,
    Path home,
    Path tlsCert,
    Path tlsKey,
    long maxBodyBytes,
    Authenticator.Limits authLimits,
    Workflow workflow,
    long maxReleaseBytes) {
  /**
   * What the approval workflow and the notifications run on.
   *
   * @param governance the governance file whose {@code approvals:}, {@code policy:} and {@code
   *     keys:} judge change requests (null: defaults, no trusted keys)
   * @param notifications the sinks file (null: no sinks; events are still kept)
   * @param sweepEvery how often expired requests and overdue reviews are looked for
   * @param backoff how failed deliveries are retried
   */
  public record Workflow(
      Path governance,
      Path notifications,
      java.time.Duration sweepEvery,
      dev.govern.server.notify.Backoff backoff) {
    public static final Workflow DEFAULT =
        new Workflow(
            null, null, java.time.Duration.ofSeconds(30), dev.govern.server.notify.Backoff.DEFAULT);
  }

  /** The default {@code --listen}. */
  public static final String DEFAULT_LISTEN = "127.0.0.1:8421";

  /** The default largest request body: 32 MiB (a scan of 20,000 services fits). */
  public static final long DEFAULT_MAX_BODY = 32L << 20;

  /** The default largest release binary: 256 MiB. */
  public static final long DEFAULT_MAX_RELEASE = 256L << 20;

  public ServerConfig {
    if ((tlsCert == null) != (tlsKey == null)) {
      throw GovernException.usage("--tls-cert and --tls-key go together: give both or neither");
    }
  }

  /** A configuration for {@code listen} ({@code host:port}) and {@code database} (may be null). */
  public static ServerConfig of(String listen, String database, Path home) {
    String[] hp = listen(listen);
    return new ServerConfig(
        hp[0],
        Integer.parseInt(hp[1]),
        DatabaseUrl.parse(database, home.resolve("govern.db")),
        home,
        null,
        null,
        DEFAULT_MAX_BODY,
        Authenticator.Limits.DEFAULT,
        Workflow.DEFAULT,
        DEFAULT_MAX_RELEASE);
  }

  public ServerConfig withTls(Path cert, Path key) {
    return new ServerConfig(
        host, port, database, home, cert, key, maxBodyBytes, authLimits, workflow, maxReleaseBytes);
  }

  public ServerConfig withMaxBody(long bytes) {
    return new ServerConfig(
        host, port, database, home, tlsCert, tlsKey, bytes, authLimits, workflow, maxReleaseBytes);
  }

  public ServerConfig withAuthLimits(Authenticator.Limits limits) {
    return new ServerConfig(
        host,
        port,
        database,
        home,
        tlsCert,
        tlsKey,
        maxBodyBytes,
        limits,
        workflow,
        maxReleaseBytes);
  }

  public ServerConfig withWorkflow(Workflow w) {
    return new ServerConfig(
        host, port, database, home, tlsCert, tlsKey, maxBodyBytes, authLimits, w, maxReleaseBytes);
  }

  public ServerConfig withMaxReleaseBytes(long bytes) {
    return new ServerConfig(
        host, port, database, home, tlsCert, tlsKey, maxBodyBytes, authLimits, workflow, bytes);
  }

  /** Splits {@code host:port} ({@code [::1]:8421} for IPv6); a usage error naming the value. */
  static String[] listen(String value) {
    String v = value == null ? DEFAULT_LISTEN : value.strip();
    int colon = v.lastIndexOf(':');
    if (colon <= 0 || colon == v.length() - 1) {
      throw GovernException.usage(
          "--listen: expected HOST:PORT (127.0.0.1:8421), found \"" + v + "\"");
    }
    String host = v.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    String port = v.substring(colon + 1);
    try {
      int p = Integer.parseInt(port);
      if (p < 0 || p > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw GovernException.usage("--listen: not a port: \"" + port + "\" (0 to 65535)");
    }
    return new String[] {host, port};
  }
}
