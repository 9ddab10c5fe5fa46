package dev.govern.core.testing;

import dev.govern.core.testing.GoToolchain.Output;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A git repository made by a test, always with the same author, committer and dates (so the same
 * files give the same commit), and without the user's or the system's git configuration.
 */
public final class GitRepo {
  /** The commit time of every commit: 2024-01-02T03:04:05Z. */
  public static final String DATE = "2024-01-02T03:04:05+00:00";

  private GitRepo() {}

  /** {@code git init} (branch main), then one commit of every file in {@code dir}. */
  public static void commitAll(Path dir) {
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "commit", "-q", "-m", "fixture commit");
  }

  /** Runs git in {@code dir}; fails with its error output. */
  public static String git(Path dir, String... args) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.keySet().removeIf(k -> k.startsWith("GIT_"));
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_CONFIG_GLOBAL", "/dev/null");
    env.put("GIT_AUTHOR_NAME", "fixture");
    env.put("GIT_AUTHOR_EMAIL", "fixture@example.com");
    env.put("GIT_COMMITTER_NAME", "fixture");
    env.put("GIT_COMMITTER_EMAIL", "fixture@example.com");
    env.put("GIT_AUTHOR_DATE", DATE);
    env.put("GIT_COMMITTER_DATE", DATE);
    List<String> command = new java.util.ArrayList<>();
    command.add(RequiredPrograms.git().toString());
    command.addAll(List.of(args));
    Output o = GoToolchain.exec(command, dir, env);
    if (o.exitCode() != 0) {
      throw new AssertionError(
          "git " + String.join(" ", args) + " in " + dir + ": " + o.describe());
    }
    return o.out();
  }
}
