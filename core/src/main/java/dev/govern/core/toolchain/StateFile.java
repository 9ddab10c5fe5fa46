package dev.govern.core.toolchain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and atomically writes {@code $GOVERN_HOME/state.json}. */
public final class StateFile {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final Path path;

  public StateFile(GovernHome home) {
    this.path = home.state();
  }

  public Path path() {
    return path;
  }

  /** The state, or {@link GovernState#empty()} when the file does not exist yet. */
  public GovernState read() {
    byte[] bytes = readBytes();
    if (bytes == null) {
      return GovernState.empty();
    }
    try {
      return MAPPER.readValue(bytes, GovernState.class);
    } catch (IOException e) {
      throw GovernException.invalidInput(
          "cannot read " + path + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** The raw file content, or null when absent (to restore it byte for byte). */
  public byte[] readBytes() {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  public void write(GovernState state) {
    try {
      AtomicFiles.write(
          path,
          (MAPPER.writeValueAsString(state) + "\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot render " + path, e);
    }
  }

  /** Puts back exactly {@code bytes} (null: removes the file). */
  public void restore(byte[] bytes) {
    if (bytes == null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + path, e);
      }
    } else {
      AtomicFiles.write(path, bytes);
    }
  }
}
