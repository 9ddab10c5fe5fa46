package dev.govern.cli.support;

import picocli.CommandLine.Option;

/**
 * The knowledge options every command that consults release or vulnerability data shares. Each also
 * reads its {@code GOVERN_*} variable and user config key (see {@code Settings}).
 */
public final class KnowledgeOptions {
  @Option(
      names = "--mirror",
      paramLabel = "BASE",
      description =
          "Release mirror: index at BASE/index.json, archives at BASE/<file> (http, https, file). Env GOVERN_MIRROR.")
  public String mirror;

  @Option(
      names = "--vulndb",
      paramLabel = "SRC",
      description =
          "Vulnerability database: a URL in vuln.go.dev layout, a directory, a .zip or .tar.gz, or 'embedded' (the snapshot in govern). Env GOVERN_VULNDB.")
  public String vulndb;

  @Option(
      names = "--offline",
      description =
          "Never touch the network: cached data, else the snapshot embedded in govern. Env GOVERN_OFFLINE.")
  public boolean offline;
}
