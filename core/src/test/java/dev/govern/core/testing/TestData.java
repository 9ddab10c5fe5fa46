package dev.govern.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.core.archive.ArchiveEntry;
import dev.govern.core.archive.TarReader;
import dev.govern.core.vuln.LocalVulnDbReader;
import dev.govern.core.vuln.VulnDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The test data kept in the repository ({@code testdata/}, see its NOTICE.md): every test that
 * reads data goes through here, so no test reads anything outside the repository.
 */
public final class TestData {
  private static Path root;
  private static Path osv;
  private static VulnDatabase vulnDb;
  private static JsonNode releases;

  private TestData() {}

  /** The repository's root: the nearest folder above the working directory with testdata/. */
  public static synchronized Path root() {
    if (root == null) {
      Path p = Path.of("").toAbsolutePath();
      while (p != null && !Files.isRegularFile(p.resolve("testdata/NOTICE.md"))) {
        p = p.getParent();
      }
      if (p == null) {
        throw new IllegalStateException(
            "no testdata/NOTICE.md above " + Path.of("").toAbsolutePath());
      }
      root = p;
    }
    return root;
  }

  /** {@code testdata/<relative>}. */
  public static Path file(String relative) {
    return root().resolve("testdata").resolve(relative);
  }

  /** The whole Go vulnerability database as one file: {@code testdata/vulndb/osv.tar.gz}. */
  public static Path osvTarGz() {
    return file("vulndb/osv.tar.gz");
  }

  /**
   * The OSV entries as a directory of {@code GO-*.json} files (the tarball unpacked once into this
   * module's {@code target/testdata/}, and reused while the tarball is unchanged).
   */
  public static synchronized Path osvDir() {
    if (osv == null) {
      osv = unpackOsv();
    }
    return osv;
  }

  /** The OSV database, parsed once per test JVM. */
  public static synchronized VulnDatabase vulnDb() {
    if (vulnDb == null) {
      vulnDb = LocalVulnDbReader.readDirectory(osvDir());
    }
    return vulnDb;
  }

  /** Every Go release with its facts ({@code testdata/releases/go-releases.json.gz}). */
  public static synchronized JsonNode releases() {
    if (releases == null) {
      releases = json("releases/go-releases.json.gz");
    }
    return releases;
  }

  /** A JSON file of {@code testdata/} (gunzipped when its name ends in {@code .gz}). */
  public static JsonNode json(String relative) {
    Path f = file(relative);
    try (InputStream raw = Files.newInputStream(f);
        InputStream in = relative.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }

  /** The go.mod and go.work samples ({@code testdata/gomod}). */
  public static Path goModSamples() {
    return file("gomod");
  }

  private static Path unpackOsv() {
    Path tar = osvTarGz();
    try {
      String key = Files.size(tar) + "-" + Files.getLastModifiedTime(tar).toMillis();
      Path target = Path.of("target", "testdata").toAbsolutePath();
      Path dir = target.resolve("osv-" + key);
      if (Files.isRegularFile(dir.resolve(".complete"))) {
        return dir.resolve("osv");
      }
      Files.createDirectories(target);
      Path tmp = Files.createTempDirectory(target, "osv-unpacking-");
      try (InputStream in = new GZIPInputStream(Files.newInputStream(tar), 1 << 16)) {
        TarReader r = new TarReader(in);
        for (ArchiveEntry e = r.next(); e != null; e = r.next()) {
          if (e.type() != ArchiveEntry.Type.FILE) {
            continue;
          }
          if (!e.name().matches("osv/GO-[0-9]{4}-[0-9]+\\.json")) {
            throw new IOException(tar + ": unexpected entry " + e.name());
          }
          Path out = tmp.resolve(e.name());
          Files.createDirectories(out.getParent());
          Files.copy(r.data(), out);
        }
      }
      Files.writeString(tmp.resolve(".complete"), key);
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        delete(tmp); // another test JVM unpacked it first
        if (!Files.isRegularFile(dir.resolve(".complete"))) {
          throw raced;
        }
      }
      return dir.resolve("osv");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack " + tar, e);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
