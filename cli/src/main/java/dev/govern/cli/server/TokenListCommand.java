package dev.govern.cli.server;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code govern server token list}. */
@Command(name = "list", description = "List the tokens (never their secrets).")
final class TokenListCommand extends BaseCommand {
  @Mixin DatabaseOption database;
  @Mixin JsonFlag json;

  record Row(
      String id, String name, String role, String createdAt, String expiresAt, String revokedAt) {}

  record Listing(int schemaVersion, List<Row> tokens) implements JsonDocument {}

  @Override
  protected int run() {
    List<Row> rows = TokenAdmin.list(this, settings());
    if (json.json) {
      JsonOutput.print(out(), new Listing(1, rows));
      return 0;
    }
    out().printf("%-12s  %-20s  %-8s  %-24s  %s%n", "ID", "NAME", "ROLE", "CREATED", "STATE");
    for (Row r : rows) {
      String state =
          r.revokedAt() != null
              ? "revoked " + r.revokedAt()
              : r.expiresAt() != null ? "expires " + r.expiresAt() : "live";
      out()
          .printf(
              "%-12s  %-20s  %-8s  %-24s  %s%n", r.id(), r.name(), r.role(), r.createdAt(), state);
    }
    out().flush();
    return 0;
  }
}
