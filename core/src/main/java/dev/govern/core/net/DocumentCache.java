package dev.govern.core.net;

import dev.govern.core.GovernException;
import dev.govern.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * A cache of fetched documents under {@code $GOVERN_HOME/cache}: each entry is the file {@code
 * <name>} and {@code <name>.meta} (source URL, fetch time, and an optional "modified" time the
 * source itself declared). Written atomically, so a reader never sees half a document.
 */
public final class DocumentCache {
  private final Path dir;

  public DocumentCache(Path dir) {
    this.dir = dir;
  }

  /** What the cache knows about one entry. */
  public record Entry(Path file, String source, Instant fetched, Optional<Instant> modified) {
    public Duration age(Instant now) {
      return Duration.between(fetched, now);
    }
  }

  public Path dir() {
    return dir;
  }

  /** Stores {@code data} under {@code name}, stamped with {@code fetched}. */
  public Entry put(String name, String source, byte[] data, Instant fetched, Instant modified) {
    Path file = dir.resolve(name);
    AtomicFiles.write(file, data);
    Properties p = new Properties();
    p.setProperty("source", source);
    p.setProperty("fetched", fetched.toString());
    if (modified != null) {
      p.setProperty("modified", modified.toString());
    }
    StringBuilder b = new StringBuilder();
    p.stringPropertyNames().stream()
        .sorted()
        .forEach(k -> b.append(k).append('=').append(escape(p.getProperty(k))).append('\n'));
    AtomicFiles.writeString(meta(name), b.toString());
    return new Entry(file, source, fetched, Optional.ofNullable(modified));
  }

  /** The cached entry, if both its data and its metadata are present and readable. */
  public Optional<Entry> get(String name) {
    Path file = dir.resolve(name);
    Path meta = meta(name);
    if (!Files.isRegularFile(file) || !Files.isRegularFile(meta)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (var r = Files.newBufferedReader(meta, StandardCharsets.UTF_8)) {
      p.load(r);
      Instant fetched = Instant.parse(p.getProperty("fetched"));
      Optional<Instant> modified =
          Optional.ofNullable(p.getProperty("modified")).map(Instant::parse);
      return Optional.of(new Entry(file, p.getProperty("source", ""), fetched, modified));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cache metadata " + meta, e);
    } catch (RuntimeException e) {
      throw GovernException.invalidInput(
          "damaged cache metadata " + meta + "; delete it and retry");
    }
  }

  private Path meta(String name) {
    return dir.resolve(name + ".meta");
  }

  private static String escape(String v) {
    return v.replace("\\", "\\\\").replace("\n", "\\n").replace(":", "\\:").replace("=", "\\=");
  }
}
