package dev.govern.core.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.core.GovernException;
import dev.govern.core.archive.ArchiveEntry;
import dev.govern.core.archive.ArchiveFormatException;
import dev.govern.core.archive.TarReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a database from local files: a directory in vuln.go.dev layout ({@code index/db.json} and
 * {@code ID/<id>.json} or {@code .json.gz}), a directory of plain OSV files, or a zip or gzipped
 * tar of either. Entries are parsed in parallel.
 */
public final class LocalVulnDbReader {
  /** The largest OSV entry a tarball may hold. */
  static final long MAX_ENTRY_BYTES = 8L << 20;

  /** The most a tarball may unpack to. */
  static final long MAX_TAR_BYTES = 1L << 30;

  private LocalVulnDbReader() {}

  /** Reads a directory of either layout. */
  public static VulnDatabase readDirectory(Path dir) {
    Optional<Instant> modified = Optional.empty();
    Path entriesDir = dir;
    Path db = firstExisting(dir.resolve("index/db.json"), dir.resolve("index/db.json.gz"));
    if (db != null) {
      modified = dbModified(readBytes(db), db.toString());
      entriesDir = dir.resolve("ID");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(entriesDir)) {
      files = s.filter(LocalVulnDbReader::isEntryFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + entriesDir, e);
    }
    files = preferPlain(files);
    if (files.isEmpty()) {
      throw GovernException.invalidInput(
          "no OSV entries (*.json) in " + entriesDir + "; is this a vulnerability database?");
    }
    List<OsvEntry> entries =
        files.parallelStream().map(f -> OsvParser.parse(readBytes(f), f.toString())).toList();
    return VulnDatabase.of(entries, modified);
  }

  /** Reads a zip of plain OSV files or of the vuln.go.dev layout. */
  public static VulnDatabase readZip(Path zip) {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      List<ZipEntry> entryFiles = new ArrayList<>();
      Optional<Instant> modified = Optional.empty();
      for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
        ZipEntry ze = en.nextElement();
        String name = ze.getName();
        if (ze.isDirectory()) {
          continue;
        }
        if (name.endsWith("index/db.json") || name.endsWith("index/db.json.gz")) {
          modified =
              dbModified(maybeGunzip(z.getInputStream(ze).readAllBytes(), name), zip + "!" + name);
        } else if (!name.contains("index/") && isEntryName(name)) {
          entryFiles.add(ze);
        }
      }
      if (entryFiles.isEmpty()) {
        throw GovernException.invalidInput("no OSV entries (*.json) in " + zip);
      }
      List<byte[]> raw = new ArrayList<>(entryFiles.size());
      for (ZipEntry ze : entryFiles) {
        try (InputStream in = z.getInputStream(ze)) {
          raw.add(maybeGunzip(in.readAllBytes(), ze.getName()));
        }
      }
      List<OsvEntry> entries = new ArrayList<>(raw.size());
      java.util.stream.IntStream.range(0, raw.size())
          .parallel()
          .mapToObj(i -> OsvParser.parse(raw.get(i), zip + "!" + entryFiles.get(i).getName()))
          .forEachOrdered(entries::add);
      return VulnDatabase.of(entries, modified);
    } catch (java.util.zip.ZipException e) {
      throw GovernException.invalidInput(zip + ": not a readable zip: " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + zip, e);
    }
  }

  /** A gzipped tar of OSV files (plain or in the vuln.go.dev layout), such as testdata's. */
  public static VulnDatabase readTarGz(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return readTarGz(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Reads a gzipped tar of OSV files from {@code in}; {@code name} names it in errors. Entries are
   * limited to {@value #MAX_ENTRY_BYTES} bytes and the whole to {@value #MAX_TAR_BYTES}.
   */
  public static VulnDatabase readTarGz(InputStream in, String name) {
    List<String> names = new ArrayList<>();
    List<byte[]> raw = new ArrayList<>();
    Optional<Instant> modified = Optional.empty();
    long total = 0;
    try (InputStream gz = new GZIPInputStream(in, 1 << 16)) {
      TarReader tar = new TarReader(gz);
      for (ArchiveEntry e = tar.next(); e != null; e = tar.next()) {
        String n = e.name();
        boolean db = n.endsWith("index/db.json") || n.endsWith("index/db.json.gz");
        if (e.type() != ArchiveEntry.Type.FILE
            || !(db || (!n.contains("index/") && isEntryName(n)))) {
          continue;
        }
        total += e.size();
        if (e.size() > MAX_ENTRY_BYTES || total > MAX_TAR_BYTES) {
          throw GovernException.invalidInput(
              name
                  + "!"
                  + n
                  + ": too large ("
                  + e.size()
                  + " bytes; limits are "
                  + MAX_ENTRY_BYTES
                  + " per entry, "
                  + MAX_TAR_BYTES
                  + " in all)");
        }
        byte[] data = maybeGunzip(tar.data().readAllBytes(), name + "!" + n);
        if (db) {
          modified = dbModified(data, name + "!" + n);
        } else {
          names.add(n);
          raw.add(data);
        }
      }
    } catch (ZipException | ArchiveFormatException | EOFException e) {
      throw GovernException.invalidInput(
          name + ": not a readable .tar.gz (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    if (raw.isEmpty()) {
      throw GovernException.invalidInput("no OSV entries (*.json) in " + name);
    }
    List<OsvEntry> entries = new ArrayList<>(raw.size());
    java.util.stream.IntStream.range(0, raw.size())
        .parallel()
        .mapToObj(i -> OsvParser.parse(raw.get(i), name + "!" + names.get(i)))
        .forEachOrdered(entries::add);
    return VulnDatabase.of(entries, modified);
  }

  /** The {@code modified} time of an {@code index/db.json} document. */
  static Optional<Instant> dbModified(byte[] json, String name) {
    try {
      JsonNode n = OsvParser.mapper().readTree(json);
      return OsvParser.time(n == null ? null : n.get("modified"), name);
    } catch (IOException e) {
      throw GovernException.invalidInput(name + ": not valid JSON: " + e.getMessage());
    }
  }

  static byte[] maybeGunzip(byte[] data, String name) {
    if (data.length < 2 || (data[0] & 0xff) != 0x1f || (data[1] & 0xff) != 0x8b) {
      return data;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw GovernException.invalidInput(name + ": damaged gzip data: " + e.getMessage());
    }
  }

  private static boolean isEntryFile(Path p) {
    return isEntryName(p.getFileName().toString()) && Files.isRegularFile(p);
  }

  private static boolean isEntryName(String name) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    return !base.startsWith(".") && (base.endsWith(".json") || base.endsWith(".json.gz"));
  }

  /** When both {@code X.json} and {@code X.json.gz} exist, keeps only {@code X.json}. */
  private static List<Path> preferPlain(List<Path> files) {
    java.util.Set<String> plain = new java.util.HashSet<>();
    for (Path f : files) {
      if (f.getFileName().toString().endsWith(".json")) {
        plain.add(f.getFileName().toString());
      }
    }
    return files.stream()
        .filter(
            f -> {
              String n = f.getFileName().toString();
              return !n.endsWith(".gz") || !plain.contains(n.substring(0, n.length() - 3));
            })
        .toList();
  }

  private static Path firstExisting(Path... candidates) {
    for (Path p : candidates) {
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }

  private static byte[] readBytes(Path p) {
    try {
      return maybeGunzip(Files.readAllBytes(p), p.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }
}
