package dev.govern.cli;

import dev.govern.cli.support.CliIo;
import dev.govern.core.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs govern in-process with captured streams and a given environment, the way tests drive the
 * command line. {@code GOVERN_HOME} defaults to a folder the test owns.
 */
public final class CliRunner {
  private final Map<String, String> env = new HashMap<>();
  private final Path userHome;

  /** The outcome of one run. */
  public record Result(int exitCode, String out, String err) {}

  public CliRunner(Path home) {
    this.userHome = home;
    env.put("GOVERN_HOME", home.resolve(".govern").toString());
  }

  public CliRunner env(String key, String value) {
    env.put(key, value);
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliIo io = new CliIo(new PrintWriter(out, true), new PrintWriter(err, true), false, false);
    int code = GovernCli.run(args, io, new Settings(env, userHome));
    return new Result(code, out.toString(), err.toString());
  }
}
