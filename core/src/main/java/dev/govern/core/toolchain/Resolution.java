package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Go toolchain that applies in a directory, and why.
 *
 * @param name the toolchain name ({@code go1.22.4})
 * @param source what decided it
 * @param goroot where that toolchain is (or would be) installed
 */
public record Resolution(String name, Source source, Path goroot) {

  /** The name without {@code go}: what {@code govern install} takes. */
  public String bare() {
    return name.substring(2);
  }

  public boolean installed() {
    return Files.isDirectory(goroot);
  }

  /** The path of {@code tool} ({@code go}, {@code gofmt}) in this toolchain's {@code bin}. */
  public Path binary(String tool) {
    return goroot.resolve("bin").resolve(tool);
  }

  /**
   * The message the shim prints when this toolchain is missing (same words, without the {@code
   * govern:} prefix).
   */
  public String notInstalledMessage() {
    if (source.kind() == Source.Kind.DEFAULT) {
      return name + " is the default but not installed; run: govern install " + bare();
    }
    return name
        + " is pinned by "
        + source.where()
        + " but not installed; run: govern install "
        + bare();
  }

  /** The binary of {@code tool}, or a PRECONDITION error the way the shim reports it. */
  public Path requireBinary(String tool) {
    Path bin = binary(tool);
    if (Files.isExecutable(bin)) {
      return bin;
    }
    if (installed()) {
      throw GovernException.precondition(
          name + " in " + goroot + " is damaged: bin/" + tool + " is missing",
          "reinstall it: govern uninstall " + bare() + " && govern install " + bare());
    }
    throw GovernException.precondition(notInstalledMessage(), null);
  }
}
