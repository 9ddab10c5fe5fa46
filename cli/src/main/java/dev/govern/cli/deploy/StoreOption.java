package dev.govern.cli.deploy;

import picocli.CommandLine.Option;

/** {@code --store DIR}: the release store. */
public final class StoreOption {
  @Option(
      names = "--store",
      paramLabel = "DIR",
      description =
          "The release store, e.g. a shared folder (default: GOVERN_RELEASE_STORE, else $GOVERN_HOME/releases).")
  public String dir;
}
