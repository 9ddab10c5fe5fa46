package dev.govern.cli.approval;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code govern approve ID [--comment]}. */
@Command(
    name = "approve",
    description =
        "Approve a change request (or review an applied emergency change); the server applies it when the rule is met.")
public final class ApproveCommand extends VoteCommand {
  @Option(
      names = "--comment",
      paramLabel = "TEXT",
      description = "What you checked (required for a review).")
  String comment;

  @Override
  String verdict() {
    return "approve";
  }

  @Override
  String comment() {
    return comment;
  }
}
