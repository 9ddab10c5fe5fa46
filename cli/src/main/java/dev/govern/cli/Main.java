package dev.govern.cli;

import dev.govern.cli.support.CliIo;
import dev.govern.core.config.Settings;

/** The entry point. The only place in govern that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = GovernCli.run(args, CliIo.system(), Settings.fromSystem());
    System.exit(code);
  }
}
