package dev.govern.core.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Go binary the tests build: a program of {@code testdata/go}, a toolchain, a platform and a
 * build mode.
 *
 * @param program {@code timeonly}, {@code nethttp}, {@code moddep} or {@code vcsdemo}
 * @param toolchain the real Go that builds it (and gives the reference answers)
 * @param goos GOOS
 * @param goarch GOARCH
 * @param mode how it is built
 */
public record GoBuild(
    String program, GoToolchain toolchain, String goos, String goarch, Mode mode) {

  /** Build modes: each adds flags or settings to a plain {@code go build}. */
  public enum Mode {
    DEFAULT(""),
    PIE("pie"),
    TRIMPATH("trimpath"),
    STRIPPED("stripped"),
    /** {@code -ldflags=-linkmode=external} with cgo and the system's gcc. */
    EXTLINK("extlink"),
    /** GOPATH mode ({@code GO111MODULE=off}): no module information. */
    GOPATH("gopath"),
    /** In a clean git checkout: vcs.* settings. */
    VCS("vcs"),
    /** In a checkout with an uncommitted change: vcs.modified=true. */
    VCS_DIRTY("vcs-dirty"),
    /** In a git checkout with {@code -buildvcs=false}. */
    VCS_OFF("buildvcs-false");

    private final String suffix;

    Mode(String suffix) {
      this.suffix = suffix;
    }

    /** The part of the file name that names the mode ({@code ""} for the default). */
    public String suffix() {
      return suffix;
    }
  }

  /** {@code timeonly-linux-amd64-pie}, with {@code .exe} for Windows. */
  public String name() {
    return program
        + "-"
        + goos
        + "-"
        + goarch
        + (mode.suffix().isEmpty() ? "" : "-" + mode.suffix())
        + (goos.equals("windows") ? ".exe" : "");
  }

  /** {@code linux/amd64}. */
  public String platform() {
    return goos + "/" + goarch;
  }

  /** The flags after {@code go build -o FILE}. */
  List<String> flags() {
    List<String> f = new ArrayList<>();
    switch (mode) {
      case PIE -> f.add("-buildmode=pie");
      case TRIMPATH -> f.add("-trimpath");
      case STRIPPED -> f.add("-ldflags=-s -w");
      case EXTLINK -> f.add("-ldflags=-linkmode=external");
      case VCS_OFF -> f.add("-buildvcs=false");
      default -> {}
    }
    if (mode != Mode.VCS && mode != Mode.VCS_DIRTY && mode != Mode.VCS_OFF) {
      // the build folder is inside this repository's own git checkout, which must not be stamped
      f.add("-buildvcs=false");
    }
    switch (program) {
      case "moddep" -> {
        f.add("-ldflags=-X main.unused=1 -w");
        f.add("-tags=fixture,demo");
      }
      case "nethttp" -> f.add("-ldflags=-w");
      default -> {}
    }
    return f;
  }

  /** The settings this build adds to the environment. */
  Map<String, String> env() {
    Map<String, String> e = new LinkedHashMap<>();
    e.put("GOOS", goos);
    e.put("GOARCH", goarch);
    if (mode == Mode.EXTLINK) {
      e.put("CGO_ENABLED", "1");
      e.put("CC", RequiredPrograms.gcc().toString());
    } else if (!program.equals("timeonly")) {
      e.put("CGO_ENABLED", "0");
    }
    e.put("GO111MODULE", mode == Mode.GOPATH ? "off" : "on");
    return e;
  }

  @Override
  public String toString() {
    return toolchain.version() + " " + name();
  }
}
