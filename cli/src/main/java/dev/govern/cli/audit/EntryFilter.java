package dev.govern.cli.audit;

import dev.govern.core.GovernException;
import dev.govern.core.ledger.LedgerEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --since}, {@code --action}, {@code --operator} filters over ledger entries. */
final class EntryFilter {
  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description =
          "Only entries at or after this date (2024-06-01) or time (2024-06-01T10:00:00Z).")
  String since;

  @Option(names = "--action", paramLabel = "ACTION", description = "Only entries of this action.")
  String action;

  @Option(names = "--operator", paramLabel = "NAME", description = "Only entries by this operator.")
  String operator;

  List<LedgerEntry> apply(List<LedgerEntry> entries) {
    Instant from = since == null ? null : parseSince(since);
    return entries.stream()
        .filter(e -> action == null || action.equals(e.action()))
        .filter(e -> operator == null || operator.equals(e.operator()))
        .filter(e -> from == null || !timeOf(e).isBefore(from))
        .toList();
  }

  private static Instant timeOf(LedgerEntry e) {
    try {
      return Instant.parse(e.time());
    } catch (DateTimeParseException ex) {
      return Instant.EPOCH;
    }
  }

  static Instant parseSince(String s) {
    try {
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notADate) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        throw GovernException.usage(
            "--since: not a date or time: \""
                + s
                + "\" (expected 2024-06-01 or 2024-06-01T10:00:00Z)");
      }
    }
  }
}
