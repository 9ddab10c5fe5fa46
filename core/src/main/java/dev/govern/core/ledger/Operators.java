package dev.govern.core.ledger;

import dev.govern.core.config.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who is acting: {@code --operator}, else {@code GOVERN_OPERATOR}, else {@code user@host}. */
public final class Operators {
  private Operators() {}

  public static String resolve(String flag, Settings settings) {
    String op = settings.resolve(flag, "operator", null);
    if (op != null && !op.isBlank()) {
      return op.strip();
    }
    return userAtHost(settings);
  }

  static String userAtHost(Settings settings) {
    String user = settings.env().getOrDefault("USER", System.getProperty("user.name", "unknown"));
    return user + "@" + hostName(settings);
  }

  private static String hostName(Settings settings) {
    String h = settings.env().get("HOSTNAME");
    if (h != null && !h.isBlank()) {
      return h.strip();
    }
    try {
      String f = Files.readString(Path.of("/etc/hostname")).strip();
      if (!f.isEmpty()) {
        return f;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: ask the resolver
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
