package dev.govern.cli.server;

import picocli.CommandLine.Option;

/** {@code --database URL}: the server's database (as {@code govern serve} takes it). */
public final class DatabaseOption {
  @Option(
      names = "--database",
      paramLabel = "URL",
      description =
          "The server's database: postgresql://user:password@host/db or a SQLite file (default: $GOVERN_HOME/server/govern.db; GOVERN_DATABASE).")
  String url;
}
