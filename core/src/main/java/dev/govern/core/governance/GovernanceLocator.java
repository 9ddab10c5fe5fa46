package dev.govern.core.governance;

import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the governance file: {@code --governance FILE}, else {@code GOVERN_GOVERNANCE} (or {@code
 * governance=} in the user config), else the nearest {@code govern.yaml} walking up from the
 * working directory.
 */
public final class GovernanceLocator {
  /** The file name looked for walking up. */
  public static final String FILE_NAME = "govern.yaml";

  private GovernanceLocator() {}

  public static Optional<Path> locate(String flag, Settings settings, Path cwd) {
    String explicit = settings.resolve(flag, "governance", null);
    if (explicit != null && !explicit.isBlank()) {
      Path p = cwd.resolve(explicit).toAbsolutePath().normalize();
      if (!Files.isRegularFile(p)) {
        throw GovernException.notFound(
            "governance file not found: " + p,
            flag != null ? "check --governance" : "check GOVERN_GOVERNANCE");
      }
      return Optional.of(p);
    }
    for (Path d = cwd.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      Path p = d.resolve(FILE_NAME);
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Like {@link #locate} but a missing file is an error. */
  public static Path require(String flag, Settings settings, Path cwd) {
    return locate(flag, settings, cwd)
        .orElseThrow(
            () ->
                GovernException.notFound(
                    "no " + FILE_NAME + " here or in any parent folder of " + cwd.toAbsolutePath(),
                    "pass --governance FILE or set GOVERN_GOVERNANCE"));
  }
}
