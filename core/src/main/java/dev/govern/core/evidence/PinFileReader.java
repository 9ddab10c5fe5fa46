package dev.govern.core.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code .go-version} and {@code .tool-versions} ({@code golang}/{@code go} lines). */
public final class PinFileReader {
  private PinFileReader() {}

  /** The pin in {@code file}, named {@code .go-version} or {@code .tool-versions}, if any. */
  public static Optional<VersionEvidence> read(Path file) {
    String name = file.getFileName().toString();
    List<String> lines = lines(file);
    for (int i = 0; i < lines.size(); i++) {
      String l = stripComment(lines.get(i)).strip();
      if (l.isEmpty()) {
        continue;
      }
      String word = null;
      if (name.equals(".go-version")) {
        word = l.split("\\s+")[0];
      } else {
        String[] f = l.split("\\s+");
        if ((f[0].equals("golang") || f[0].equals("go")) && f.length > 1) {
          word = f[1];
        }
      }
      if (word != null) {
        LooseVersion.Reading r = LooseVersion.read(word);
        return Optional.of(
            new VersionEvidence(
                EvidenceKind.PIN, file, i + 1, word, r.version(), r.floating(), false));
      }
      if (name.equals(".go-version")) {
        break;
      }
    }
    return Optional.empty();
  }

  private static String stripComment(String line) {
    int hash = line.indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }

  static List<String> lines(Path file) {
    try {
      byte[] data = Files.readAllBytes(file);
      return new ArrayList<>(new String(data, StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
