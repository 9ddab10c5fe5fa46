package dev.govern.core.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** This machine's name for change subjects ({@code host:<name>}), without a DNS lookup. */
public final class HostName {
  private HostName() {}

  public static String of(Map<String, String> env) {
    String h = env.get("HOSTNAME");
    if (h != null && !h.isBlank()) {
      return h.strip();
    }
    try {
      String k = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      if (!k.isEmpty()) {
        return k;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** The ledger subject of this machine's default. */
  public static String subject(Map<String, String> env) {
    return "host:" + of(env);
  }
}
