package dev.govern.core.artifact.binary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shared Go binary fixtures and their manifest (read-only, in ../shared/fixtures). */
final class Fixtures {
  private Fixtures() {}

  static Path dir() {
    return Path.of(System.getProperty("govern.shared", "../../shared")).resolve("fixtures");
  }

  static JsonNode manifest() {
    try {
      return new ObjectMapper().readTree(dir().resolve("manifest.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of every fixture binary in the manifest. */
  static List<String> names() {
    List<String> out = new ArrayList<>();
    for (JsonNode n : manifest()) {
      out.add(n.get("file").asText());
    }
    return out;
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(dir().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    try {
      return Files.readString(dir().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
