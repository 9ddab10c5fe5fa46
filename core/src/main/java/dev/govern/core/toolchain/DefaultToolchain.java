package dev.govern.core.toolchain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the global default toolchain from {@code $GOVERN_HOME/state.json} (field {@code "default"},
 * e.g. {@code "go1.22.4"}). Only that field is read; a missing file or field means no default. The
 * file is written by {@code govern use --default}.
 */
public final class DefaultToolchain {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DefaultToolchain() {}

  public static Optional<GoVersion> read(GovernHome home) {
    Path state = home.state();
    JsonNode doc;
    try {
      doc = JSON.readTree(Files.readAllBytes(state));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw GovernException.invalidInput("cannot read " + state + ": " + firstLine(e.getMessage()));
    }
    JsonNode d = doc == null ? null : doc.get("default");
    if (d == null || d.isNull() || !d.isTextual() || d.asText().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(GoVersion.parse(d.asText()));
    } catch (GovernException e) {
      throw GovernException.invalidInput(
          state + ": \"default\" is not a Go version: \"" + d.asText() + "\"");
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
