package dev.govern.cli.support;

import picocli.CommandLine.Option;

/** {@code --operator NAME}: who acts, for commands that write to the audit ledger. */
public final class OperatorOption {
  @Option(
      names = "--operator",
      paramLabel = "NAME",
      description =
          "Who acts, as recorded in the audit ledger (default: GOVERN_OPERATOR, else user@host).")
  public String operator;
}
