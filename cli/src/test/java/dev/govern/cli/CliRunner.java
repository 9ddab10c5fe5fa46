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
  private Path cwd;
  private dev.govern.core.ledger.ChangeRecorder recorder;

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

  /** Runs the commands as if started in {@code dir}. */
  public CliRunner cwd(Path dir) {
    this.cwd = dir;
    return this;
  }

  /** Records changes with {@code r} instead of the default recorder. */
  public CliRunner recorder(dev.govern.core.ledger.ChangeRecorder r) {
    this.recorder = r;
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliIo io = new CliIo(new PrintWriter(out, true), new PrintWriter(err, true), false, false);
    GovernCommand root = new GovernCommand(io, new Settings(env, userHome));
    if (cwd != null) {
      root.cwd(cwd);
    }
    if (recorder != null) {
      root.recorder(recorder);
    }
    int code = GovernCli.build(root, args).execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
