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
 * @param gotoolchain the GOTOOLCHAIN value it runs with ({@code local} unless the user set one)
 * @param note how the go command's rules led here from the version selected, or null when they
 *     changed nothing
 * @param missing the message when it is not installed, or null for the usual one
 * @param wanted the toolchain the go command would run (and download) when govern runs another,
 *     newer one because that one is not installed; else null
 */
public record Resolution(
    String name,
    Source source,
    Path goroot,
    String gotoolchain,
    String note,
    String missing,
    String wanted) {

  /** A selection the go command's rules left as it is, run with GOTOOLCHAIN=local. */
  public Resolution(String name, Source source, Path goroot) {
    this(name, source, goroot, "local", null, null, null);
  }

  /** The name without {@code go}: what {@code govern install} takes. */
  public String bare() {
    return name.startsWith("go") ? name.substring(2) : name;
  }

  public boolean installed() {
    return Files.isDirectory(goroot);
  }

  /** The path of {@code tool} ({@code go}, {@code gofmt}) in this toolchain's {@code bin}. */
  public Path binary(String tool) {
    return goroot.resolve("bin").resolve(tool);
  }

  /** This resolution running with {@code gotoolchain}. */
  Resolution with(String gotoolchain) {
    return new Resolution(name, source, goroot, gotoolchain, note, missing, wanted);
  }

  /**
   * The message the shim prints when this toolchain is missing (same words, without the {@code
   * govern:} prefix).
   */
  public String notInstalledMessage() {
    if (missing != null) {
      return missing;
    }
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
