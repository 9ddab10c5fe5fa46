package dev.govern.cli.support;

import picocli.CommandLine.Option;

/** {@code --governance FILE}: the team's governance file. */
public final class GovernanceOption {
  @Option(
      names = "--governance",
      paramLabel = "FILE",
      description =
          "The governance file (default: GOVERN_GOVERNANCE, else the nearest govern.yaml walking up).")
  public String file;
}
