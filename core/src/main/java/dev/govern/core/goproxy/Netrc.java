package dev.govern.core.goproxy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .netrc} file read as the go command reads it: {@code machine}/{@code login}/{@code
 * password} tokens, in any layout; an entry counts once all three are set; {@code macdef} bodies
 * are skipped; {@code default} ends the file.
 */
final class Netrc {
  /** One complete entry. */
  record Line(String machine, String login, String password) {}

  private Netrc() {}

  /** The file GOAUTH=netrc reads: {@code $NETRC}, else {@code ~/.netrc}. */
  static Path path(java.util.Map<String, String> env) {
    String n = env.getOrDefault("NETRC", "");
    if (!n.isEmpty()) {
      return Path.of(n);
    }
    return Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".netrc");
  }

  static List<Line> read(Path file) throws IOException {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  static List<Line> parse(String data) {
    List<Line> out = new ArrayList<>();
    String machine = "";
    String login = "";
    String password = "";
    boolean inMacro = false;
    for (String line : data.split("\n", -1)) {
      if (inMacro) {
        if (line.isEmpty()) {
          inMacro = false;
        }
        continue;
      }
      String[] f = line.strip().isEmpty() ? new String[0] : line.strip().split("\\s+");
      int i = 0;
      for (; i < f.length - 1; i += 2) {
        switch (f[i]) {
          case "machine" -> {
            machine = f[i + 1];
            login = "";
            password = "";
          }
          case "login" -> login = f[i + 1];
          case "password" -> password = f[i + 1];
          case "macdef" -> inMacro = true;
          default -> {
            // "default" and unknown tokens: skipped like the go command does
          }
        }
        if (!machine.isEmpty() && !login.isEmpty() && !password.isEmpty()) {
          out.add(new Line(machine, login, password));
          machine = "";
          login = "";
          password = "";
        }
      }
      if (i < f.length && f[i].equals("default")) {
        break;
      }
    }
    return out;
  }
}
