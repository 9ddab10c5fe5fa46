package dev.govern.cli.approval;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code govern reject ID --comment}. */
@Command(name = "reject", description = "Reject a change request; it can no longer be applied.")
public final class RejectCommand extends VoteCommand {
  @Option(names = "--comment", required = true, paramLabel = "TEXT", description = "Why.")
  String comment;

  @Override
  String verdict() {
    return "reject";
  }

  @Override
  String comment() {
    return comment;
  }
}
