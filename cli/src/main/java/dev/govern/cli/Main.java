package dev.govern.cli;

import dev.govern.cli.support.CliIo;
import dev.govern.core.config.Settings;
import java.util.regex.Pattern;

/** The entry point. The only place in govern that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  /**
   * The first lambda of a process (here: inside the regular expressions picocli compiles for every
   * command) sets up the JVM's method-handle machinery, about 10 ms of class initialisation and
   * generated code. A second core does it while the main thread reads the command model. A class,
   * not a lambda: a lambda here would do that work on the main thread.
   */
  private static final class WarmUp implements Runnable {
    @Override
    public void run() {
      Pattern.compile("^--no-(\\w(-|\\w)*)$").matcher("--no-x").matches();
    }
  }

  public static void main(String[] args) {
    if (!GovernCli.isVersionProbe(args)) {
      Thread warmUp = new Thread(new WarmUp(), "govern-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
    int code = GovernCli.run(args, CliIo.system(), Settings.fromSystem());
    System.exit(code);
  }
}
