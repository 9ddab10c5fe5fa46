package dev.govern.core.gate;

import dev.govern.core.GovernException;
import dev.govern.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Writes the git pre-commit hook that runs {@code govern gate} before every commit. */
public final class PreCommitHook {
  /** The marker line that says a hook is ours (and may be replaced). */
  public static final String MARKER = "# installed by: govern hook install";

  private PreCommitHook() {}

  /** The hooks folder of the repository containing {@code dir} (worktrees included). */
  public static Path hooksDir(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      Path git = d.resolve(".git");
      if (Files.isDirectory(git)) {
        return git.resolve("hooks");
      }
      if (Files.isRegularFile(git)) {
        try {
          String line = Files.readString(git, StandardCharsets.UTF_8).strip();
          if (line.startsWith("gitdir:")) {
            Path gitDir = d.resolve(line.substring(7).strip()).normalize();
            Path common = gitDir.resolve("commondir");
            if (Files.isRegularFile(common)) {
              gitDir = gitDir.resolve(Files.readString(common).strip()).normalize();
            }
            return gitDir.resolve("hooks");
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + git, e);
        }
      }
    }
    throw GovernException.precondition(
        dir.toAbsolutePath() + " is not inside a git repository",
        "run it in a repository, or git init first");
  }

  /**
   * Installs the hook; refuses to replace a hook govern did not write unless {@code force}.
   *
   * @param command the gate command line the hook runs (already shell-quoted words)
   * @return the hook file
   */
  public static Path install(Path dir, List<String> command, boolean force) {
    Path hook = hooksDir(dir).resolve("pre-commit");
    try {
      if (Files.exists(hook)
          && !force
          && !Files.readString(hook, StandardCharsets.UTF_8).contains(MARKER)) {
        throw GovernException.precondition(
            hook + " exists and was not written by govern", "rerun with --force to replace it");
      }
      String script =
          "#!/bin/sh\n"
              + MARKER
              + "\n# Runs the Go version gate before each commit; skip once with: git commit --no-verify\n"
              + "cd \"$(git rev-parse --show-toplevel)\" || exit 1\n"
              + "exec "
              + String.join(" ", command)
              + "\n";
      AtomicFiles.writeString(hook, script);
      Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
      return hook;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + hook + ": " + e.getMessage(), e);
    }
  }

  /** Single-quotes a word for sh. */
  public static String shellQuote(String word) {
    if (word.matches("[A-Za-z0-9_./:=@%+-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
