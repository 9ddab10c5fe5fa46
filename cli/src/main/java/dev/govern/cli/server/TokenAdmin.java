package dev.govern.cli.server;

import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import dev.govern.core.ledger.Operators;
import dev.govern.server.auth.Role;
import dev.govern.server.auth.Tokens;
import dev.govern.server.db.Database;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.ledger.ServerKey;
import dev.govern.server.ledger.ServerLedger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The token commands' work on the server's database (migrated first, as {@code govern serve} does),
 * recorded in the server's ledger under the operator who ran them.
 */
final class TokenAdmin {
  private TokenAdmin() {}

  static TokenCreateCommand.Made create(TokenCreateCommand c, Settings settings, Instant expires) {
    Role role = Role.parse(c.role);
    return withTokens(
        settings,
        c.database.url,
        t -> {
          Tokens.Created made =
              t.create(
                  c.name,
                  role,
                  expires,
                  List.copyOf(c.groups),
                  Operators.resolve(c.operator.operator, settings));
          return new TokenCreateCommand.Made(
              1,
              made.secret(),
              made.row().id(),
              made.row().user(),
              made.row().role(),
              made.row().expiresAt());
        });
  }

  static List<TokenListCommand.Row> list(TokenListCommand c, Settings settings) {
    return withTokens(
        settings,
        c.database.url,
        t ->
            t.list().stream()
                .map(
                    r ->
                        new TokenListCommand.Row(
                            r.id(),
                            r.user(),
                            r.role(),
                            r.createdAt(),
                            r.expiresAt(),
                            r.revokedAt()))
                .toList());
  }

  static void revoke(TokenRevokeCommand c, Settings settings) {
    if (!c.id.matches("[0-9a-f]{12}")) {
      throw GovernException.usage(
          "not a token id: \"" + c.id + "\" (12 hex digits, see 'govern server token list')");
    }
    withTokens(
        settings,
        c.database.url,
        t -> {
          t.revoke(c.id, Operators.resolve(c.operator.operator, settings));
          return null;
        });
  }

  private static <T> T withTokens(
      Settings settings, String databaseFlag, Function<Tokens, T> work) {
    Path home = settings.home().root().resolve("server");
    DatabaseUrl url =
        DatabaseUrl.parse(
            settings.resolve(databaseFlag, "database", null), home.resolve("govern.db"));
    try (Database db = Database.open(url)) {
      db.migrate();
      ServerLedger ledger =
          new ServerLedger(
              db.jdbi(), ServerKey.loadOrCreate(home.resolve("keys")), Clock.systemUTC());
      ledger.registerKey();
      return work.apply(new Tokens(db.jdbi(), ledger));
    }
  }
}
