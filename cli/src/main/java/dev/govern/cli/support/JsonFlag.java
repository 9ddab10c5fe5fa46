package dev.govern.cli.support;

import picocli.CommandLine.Option;

/** The {@code --json} option, mixed into every command that reports something. */
public final class JsonFlag {
  @Option(names = "--json", description = "Print one JSON document (with schemaVersion) on stdout.")
  public boolean json;
}
