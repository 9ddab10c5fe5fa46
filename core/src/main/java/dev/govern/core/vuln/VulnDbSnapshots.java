package dev.govern.core.vuln;

import dev.govern.core.io.AtomicFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Parsed copies of local vulnerability databases, so that a fleet scan or a gate does not parse
 * thousands of JSON files on every run. A snapshot is keyed by what it was read from (path, number
 * of files, their total size and newest modification time; or a zip's size and time): any change
 * reads the source again. A damaged or foreign snapshot is ignored and rewritten.
 */
final class VulnDbSnapshots {
  private static final int MAGIC = 0x47564442; // "GVDB"
  private static final int FORMAT = 1;

  private final Path dir;

  VulnDbSnapshots(Path dir) {
    this.dir = dir;
  }

  /** A directory of OSV files or in the vuln.go.dev layout. */
  VulnDatabase directory(Path source) {
    return cached(directoryKey(source), () -> LocalVulnDbReader.readDirectory(source));
  }

  /** A zip of either. */
  VulnDatabase zip(Path source) {
    try {
      String key =
          "zip|"
              + source.toAbsolutePath()
              + "|"
              + Files.size(source)
              + "|"
              + Files.getLastModifiedTime(source).toMillis();
      return cached(key, () -> LocalVulnDbReader.readZip(source));
    } catch (IOException e) {
      return LocalVulnDbReader.readZip(source);
    }
  }

  /** A gzipped tar of either. */
  VulnDatabase tarball(Path source) {
    try {
      String key =
          "tar|"
              + source.toAbsolutePath()
              + "|"
              + Files.size(source)
              + "|"
              + Files.getLastModifiedTime(source).toMillis();
      return cached(key, () -> LocalVulnDbReader.readTarGz(source));
    } catch (IOException e) {
      return LocalVulnDbReader.readTarGz(source);
    }
  }

  /** The snapshot govern carries, parsed once per version of it. */
  VulnDatabase embedded(EmbeddedVulnDb e) {
    return cached("embedded|" + e.snapshot() + "|" + e.size() + "|" + e.source(), e::read);
  }

  private static String directoryKey(Path source) {
    long count = 0;
    long size = 0;
    long newest = 0;
    for (Path d : List.of(source, source.resolve("ID"), source.resolve("index"))) {
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> s = Files.list(d)) {
        for (Path p : (Iterable<Path>) s::iterator) {
          count++;
          size += Files.size(p);
          newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
        }
      } catch (IOException e) {
        return "uncacheable|" + System.nanoTime();
      }
    }
    return "dir|" + source.toAbsolutePath() + "|" + count + "|" + size + "|" + newest;
  }

  private VulnDatabase cached(String key, Supplier<VulnDatabase> read) {
    Path file = dir.resolve(hash(key) + ".gvdb");
    if (Files.isRegularFile(file)) {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
        Optional<VulnDatabase> db = decode(new DataInputStream(in), key);
        if (db.isPresent()) {
          return db.get();
        }
      } catch (IOException | RuntimeException damaged) {
        // a damaged snapshot: read the source and write it anew
      }
    }
    VulnDatabase db = read.get();
    try {
      AtomicFiles.write(file, encode(db, key));
    } catch (UncheckedIOException | IOException notWritable) {
      // a read-only home: the snapshot is an optimisation only
    }
    return db;
  }

  static byte[] encode(VulnDatabase db, String key) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    text(out, key);
    instant(out, db.modified());
    out.writeInt(db.entries().size());
    for (OsvEntry e : db.entries()) {
      text(out, e.id());
      texts(out, e.aliases());
      text(out, e.summary());
      instant(out, e.published());
      instant(out, e.modified());
      instant(out, e.withdrawn());
      text(out, e.url());
      out.writeInt(e.affected().size());
      for (AffectedModule m : e.affected()) {
        text(out, m.module());
        out.writeInt(m.ranges().size());
        for (OsvRange r : m.ranges()) {
          out.writeInt(r.events().size());
          for (OsvRange.Event ev : r.events()) {
            out.writeByte(ev.kind().ordinal());
            text(out, ev.version());
          }
        }
        texts(out, m.versions());
        out.writeInt(m.packages().size());
        for (AffectedPackage p : m.packages()) {
          text(out, p.path());
          texts(out, p.symbols());
          texts(out, p.goos());
          texts(out, p.goarch());
        }
      }
    }
    out.flush();
    return bytes.toByteArray();
  }

  static Optional<VulnDatabase> decode(DataInputStream in, String key) throws IOException {
    if (in.readInt() != MAGIC || in.readInt() != FORMAT || !text(in).equals(key)) {
      return Optional.empty();
    }
    Optional<Instant> modified = instant(in);
    int n = count(in);
    List<OsvEntry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = text(in);
      List<String> aliases = texts(in);
      String summary = text(in);
      Optional<Instant> published = instant(in);
      Optional<Instant> mod = instant(in);
      Optional<Instant> withdrawn = instant(in);
      String url = text(in);
      int am = count(in);
      List<AffectedModule> affected = new ArrayList<>(am);
      for (int j = 0; j < am; j++) {
        String module = text(in);
        int rn = count(in);
        List<OsvRange> ranges = new ArrayList<>(rn);
        for (int k = 0; k < rn; k++) {
          int en = count(in);
          List<OsvRange.Event> events = new ArrayList<>(en);
          for (int l = 0; l < en; l++) {
            OsvRange.Kind kind = OsvRange.Kind.values()[in.readByte()];
            String version = text(in);
            events.add(new OsvRange.Event(kind, version, OsvSemver.parse(version)));
          }
          ranges.add(new OsvRange(events));
        }
        List<String> versions = texts(in);
        int pn = count(in);
        List<AffectedPackage> packages = new ArrayList<>(pn);
        for (int k = 0; k < pn; k++) {
          packages.add(new AffectedPackage(text(in), texts(in), texts(in), texts(in)));
        }
        affected.add(new AffectedModule(module, ranges, versions, packages));
      }
      entries.add(new OsvEntry(id, aliases, summary, published, mod, withdrawn, affected, url));
    }
    return Optional.of(VulnDatabase.of(entries, modified));
  }

  private static int count(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 10_000_000) {
      throw new IOException("bad count " + n);
    }
    return n;
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String text(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n == -1) {
      return null;
    }
    if (n < 0 || n > 64 << 20) {
      throw new IOException("bad length " + n);
    }
    return new String(in.readNBytes(n), StandardCharsets.UTF_8);
  }

  private static void texts(DataOutputStream out, List<String> list) throws IOException {
    out.writeInt(list.size());
    for (String s : list) {
      text(out, s);
    }
  }

  private static List<String> texts(DataInputStream in) throws IOException {
    int n = count(in);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(text(in));
    }
    return out;
  }

  private static void instant(DataOutputStream out, Optional<Instant> t) throws IOException {
    out.writeBoolean(t.isPresent());
    if (t.isPresent()) {
      out.writeLong(t.get().getEpochSecond());
      out.writeInt(t.get().getNano());
    }
  }

  private static Optional<Instant> instant(DataInputStream in) throws IOException {
    return in.readBoolean()
        ? Optional.of(Instant.ofEpochSecond(in.readLong(), in.readInt()))
        : Optional.empty();
  }

  private static String hash(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
