package dev.govern.core.toolchain;

import dev.govern.core.config.GovernHome;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The installed toolchains: {@code $GOVERN_HOME/toolchains/go1.22.4/} is a complete GOROOT
 * (published by one atomic rename, so a directory with a canonical version name is complete). Temp
 * directories of installs in progress start with a dot and are never listed.
 */
public final class ToolchainStore {
  private final GovernHome home;

  public ToolchainStore(GovernHome home) {
    this.home = home;
  }

  public GovernHome home() {
    return home;
  }

  /** The GOROOT of {@code v} (whether or not it is installed). */
  public Path root(GoVersion v) {
    return home.toolchain(v.toString());
  }

  public boolean isInstalled(GoVersion v) {
    return Files.isDirectory(root(v));
  }

  /** Installed versions, oldest first. */
  public List<GoVersion> installed() {
    Path dir = home.toolchains();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<GoVersion> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.startsWith("go") && Files.isDirectory(p)) {
          try {
            GoVersion v = GoVersion.parse(name);
            if (v.toString().equals(name)) {
              out.add(v);
            }
          } catch (RuntimeException notAVersion) {
            // some other directory: not ours to list
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    Collections.sort(out);
    return out;
  }
}
