package dev.govern.core.release;

import dev.govern.core.GovernException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A GOOS/GOARCH pair as the go.dev index names them ({@code linux/amd64}, {@code darwin/arm64},
 * {@code linux/armv6l}).
 */
public record Platform(String os, String arch) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+");

  public Platform {
    if (os == null || !NAME.matcher(os).matches()) {
      throw GovernException.usage("not an operating system name: \"" + os + "\" (e.g. linux)");
    }
    if (arch == null || !NAME.matcher(arch).matches()) {
      throw GovernException.usage("not an architecture name: \"" + arch + "\" (e.g. amd64)");
    }
  }

  /** The platform this JVM runs on, with {@code os}/{@code arch} overriding when not null. */
  public static Platform current(String os, String arch) {
    return new Platform(
        os != null ? os : goos(System.getProperty("os.name")),
        arch != null ? arch : goarch(System.getProperty("os.arch")));
  }

  /** Go's name for a JVM {@code os.name}. */
  static String goos(String osName) {
    String n = osName.toLowerCase(Locale.ROOT);
    if (n.startsWith("linux")) {
      return "linux";
    }
    if (n.startsWith("mac") || n.startsWith("darwin")) {
      return "darwin";
    }
    if (n.startsWith("windows")) {
      return "windows";
    }
    if (n.startsWith("freebsd")) {
      return "freebsd";
    }
    if (n.startsWith("openbsd")) {
      return "openbsd";
    }
    if (n.startsWith("netbsd")) {
      return "netbsd";
    }
    if (n.startsWith("sunos") || n.startsWith("solaris")) {
      return "solaris";
    }
    if (n.startsWith("aix")) {
      return "aix";
    }
    return n.replaceAll("[^a-z0-9]", "");
  }

  /** Go's (download index) name for a JVM {@code os.arch}. */
  static String goarch(String osArch) {
    String a = osArch.toLowerCase(Locale.ROOT);
    return switch (a) {
      case "amd64", "x86_64", "x64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "x86", "i386", "i486", "i586", "i686" -> "386";
      case "arm", "armv7l", "armv6l", "armhf", "aarch32" -> "armv6l";
      case "ppc64le" -> "ppc64le";
      case "ppc64" -> "ppc64";
      case "s390x" -> "s390x";
      case "riscv64" -> "riscv64";
      case "loongarch64" -> "loong64";
      case "mips64el" -> "mips64le";
      default -> a.replaceAll("[^a-z0-9]", "");
    };
  }

  @Override
  public String toString() {
    return os + "/" + arch;
  }
}
