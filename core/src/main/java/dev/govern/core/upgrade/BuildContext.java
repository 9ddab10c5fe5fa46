package dev.govern.core.upgrade;

import java.util.Locale;
import java.util.Set;

/**
 * The platform and toolchain a Go file is built for, as far as build constraints ask: GOOS, GOARCH,
 * cgo and the release tags {@code go1.1} … {@code go1.N}.
 *
 * @param goos the target operating system ({@code linux})
 * @param goarch the target architecture ({@code amd64})
 * @param cgo whether cgo is enabled
 * @param goMinor N of the toolchain go1.N (release tags go1.1 … go1.N hold)
 */
public record BuildContext(String goos, String goarch, boolean cgo, int goMinor) {
  /** GOOS values Go knows (its internal/syslist), for file-name suffixes. */
  static final Set<String> KNOWN_OS =
      Set.of(
          "aix",
          "android",
          "darwin",
          "dragonfly",
          "freebsd",
          "hurd",
          "illumos",
          "ios",
          "js",
          "linux",
          "nacl",
          "netbsd",
          "openbsd",
          "plan9",
          "solaris",
          "wasip1",
          "windows",
          "zos");

  /** GOOS values the {@code unix} tag matches. */
  static final Set<String> UNIX_OS =
      Set.of(
          "aix",
          "android",
          "darwin",
          "dragonfly",
          "freebsd",
          "hurd",
          "illumos",
          "ios",
          "linux",
          "netbsd",
          "openbsd",
          "solaris");

  /** GOARCH values Go knows, for file-name suffixes. */
  static final Set<String> KNOWN_ARCH =
      Set.of(
          "386",
          "amd64",
          "amd64p32",
          "arm",
          "armbe",
          "arm64",
          "arm64be",
          "loong64",
          "mips",
          "mipsle",
          "mips64",
          "mips64le",
          "mips64p32",
          "mips64p32le",
          "ppc",
          "ppc64",
          "ppc64le",
          "riscv",
          "riscv64",
          "s390",
          "s390x",
          "sparc",
          "sparc64",
          "wasm");

  /**
   * This machine's platform (what {@code go list} assumes without GOOS/GOARCH), with cgo on as Go
   * has it by default on a native build.
   */
  public static BuildContext host(int goMinor) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String goos =
        os.contains("win")
            ? "windows"
            : os.contains("mac") || os.contains("darwin")
                ? "darwin"
                : os.contains("freebsd") ? "freebsd" : "linux";
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    String goarch =
        switch (arch) {
          case "amd64", "x86_64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          case "x86", "i386", "i686" -> "386";
          case "ppc64le" -> "ppc64le";
          case "s390x" -> "s390x";
          case "riscv64" -> "riscv64";
          default -> arch;
        };
    return new BuildContext(goos, goarch, true, goMinor);
  }

  /** This context with cgo on or off. */
  public BuildContext withCgo(boolean on) {
    return new BuildContext(goos, goarch, on, goMinor);
  }

  /** This context for another toolchain line. */
  public BuildContext withGoMinor(int minor) {
    return new BuildContext(goos, goarch, cgo, minor);
  }

  /** Go's matchTag: whether build tag {@code name} holds. */
  public boolean tag(String name) {
    if (name.equals("cgo")) {
      return cgo;
    }
    if (name.equals(goos) || name.equals(goarch) || name.equals("gc")) {
      return true;
    }
    if (goos.equals("android") && name.equals("linux")
        || goos.equals("illumos") && name.equals("solaris")
        || goos.equals("ios") && name.equals("darwin")) {
      return true;
    }
    if (name.equals("unix")) {
      return UNIX_OS.contains(goos);
    }
    if (name.startsWith("go1.")) {
      String n = name.substring(4);
      return n.matches("[1-9][0-9]{0,3}") && Integer.parseInt(n) <= goMinor;
    }
    return false;
  }

  /**
   * Go's goodOSArchFile: a name ending {@code _GOOS}, {@code _GOARCH} or {@code _GOOS_GOARCH}
   * (before {@code .go}, and before {@code _test}) is built only there.
   */
  public boolean fileNameMatches(String fileName) {
    String name = fileName;
    int dot = name.indexOf('.');
    if (dot >= 0) {
      name = name.substring(0, dot);
    }
    int i = name.indexOf('_');
    if (i < 0) {
      return true;
    }
    name = name.substring(i); // ignore everything before the first _
    String[] l = name.split("_", -1);
    int n = l.length;
    if (n >= 2 && l[n - 1].equals("test")) {
      n--;
    }
    if (n >= 2 && KNOWN_OS.contains(l[n - 2]) && KNOWN_ARCH.contains(l[n - 1])) {
      return osMatches(l[n - 2]) && l[n - 1].equals(goarch);
    }
    if (n >= 1 && KNOWN_OS.contains(l[n - 1])) {
      return osMatches(l[n - 1]);
    }
    if (n >= 1 && KNOWN_ARCH.contains(l[n - 1])) {
      return l[n - 1].equals(goarch);
    }
    return true;
  }

  private boolean osMatches(String os) {
    return os.equals(goos)
        || goos.equals("android") && os.equals("linux")
        || goos.equals("illumos") && os.equals("solaris")
        || goos.equals("ios") && os.equals("darwin");
  }
}
