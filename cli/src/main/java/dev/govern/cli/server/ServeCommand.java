package dev.govern.cli.server;

import dev.govern.cli.support.BaseCommand;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code govern serve}: the team server. */
@Command(
    name = "serve",
    description =
        "Run the team server: scans, environments and the ledger over SQLite or PostgreSQL, with an HTTP API (docs/server.md).")
public final class ServeCommand extends BaseCommand {
  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description = "Where to listen (default: 127.0.0.1:8421, loopback only).")
  String listen;

  @Option(
      names = "--database",
      paramLabel = "URL",
      description =
          "postgresql://user:password@host:5432/db, a JDBC URL, or a SQLite file (default: $GOVERN_HOME/server/govern.db; GOVERN_DATABASE).")
  String database;

  @Option(
      names = "--tls-cert",
      paramLabel = "PEM",
      description = "Serve HTTPS with this certificate chain.")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "PEM",
      description = "The certificate's private key (PKCS#8).")
  Path tlsKey;

  @Option(
      names = "--max-body",
      paramLabel = "BYTES",
      description = "The largest request body accepted (default: 33554432, 32 MiB).")
  Long maxBody;

  @Option(
      names = "--governance",
      paramLabel = "FILE",
      description =
          "The governance file whose approvals, policy and keys judge change requests (default: GOVERN_GOVERNANCE; none: one approval, no trusted keys). Read again when it changes.")
  Path governance;

  @Option(
      names = "--notifications",
      paramLabel = "FILE",
      description =
          "The notification sinks (JSON: webhook, slack, jira; default: GOVERN_NOTIFICATIONS).")
  Path notifications;

  @Option(
      names = "--max-release-size",
      paramLabel = "BYTES",
      description = "The largest release binary accepted (default: 268435456, 256 MiB).")
  Long maxReleaseSize;

  @Override
  protected int run() throws InterruptedException {
    // the server's classes load here, never for other commands
    return ServerLauncher.serve(this, settings(), out(), err());
  }
}
