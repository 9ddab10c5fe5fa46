package dev.govern.cli.server;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.cli.support.OperatorOption;
import dev.govern.core.GovernException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govern server token create}: prints the new token once. */
@Command(
    name = "create",
    description = "Make a token; it is printed once and only its hash is kept.")
final class TokenCreateCommand extends BaseCommand {
  @Option(
      names = "--name",
      required = true,
      paramLabel = "NAME",
      description = "Who holds it (a person or a CI job); the ledger's operator for its changes.")
  String name;

  @Option(
      names = "--role",
      required = true,
      paramLabel = "ROLE",
      description = "viewer, ci, approver or admin.")
  String role;

  @Option(
      names = "--expires",
      paramLabel = "WHEN",
      description =
          "A day (2025-01-31), a time (RFC 3339) or a duration (90d, 12h); default: never.")
  String expires;

  @Option(
      names = "--group",
      paramLabel = "GROUP",
      description = "A group of the user (repeatable); approval rules name groups.")
  List<String> groups = new ArrayList<>();

  @Mixin DatabaseOption database;
  @Mixin OperatorOption operator;
  @Mixin JsonFlag json;

  record Made(
      int schemaVersion, String token, String id, String name, String role, String expiresAt)
      implements JsonDocument {}

  @Override
  protected int run() {
    Instant until = expires == null ? null : when(expires);
    Made m = TokenAdmin.create(this, settings(), until);
    if (json.json) {
      JsonOutput.print(out(), m);
    } else {
      out().println(m.token());
      out().flush();
      err()
          .println(
              "token "
                  + m.id()
                  + " for "
                  + m.name()
                  + " ("
                  + m.role()
                  + (m.expiresAt() == null ? "" : ", expires " + m.expiresAt())
                  + "): it is shown only now; send it as GOVERN_TOKEN");
      err().flush();
    }
    return 0;
  }

  static Instant when(String s) {
    String v = s.strip();
    try {
      if (v.matches("\\d+[dh]")) {
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return Instant.now().plus(v.endsWith("d") ? Duration.ofDays(n) : Duration.ofHours(n));
      }
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(v);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw GovernException.usage(
          "--expires: not a day, time or duration: \""
              + s
              + "\" (2025-01-31, 2025-01-31T12:00:00Z, 90d)");
    }
  }
}
