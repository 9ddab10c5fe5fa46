package dev.govern.core.sumdb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code h1:} hash of a module zip (Go's {@code dirhash.Hash1}): SHA-256 over the lines {@code
 * <hex sha256 of the file> <file name>\n} of every file, sorted by name (byte order), in base64
 * after {@code h1:}. Names are the zip's own, prefix included. Add files in any order.
 */
public final class DirHash {
  private record Entry(byte[] name, byte[] sha256) {}

  private final List<Entry> entries = new ArrayList<>();

  /** Adds a file with the SHA-256 of its content. */
  public DirHash add(String name, byte[] sha256) {
    if (name.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a file name with a newline cannot be hashed: " + name);
    }
    entries.add(new Entry(name.getBytes(StandardCharsets.UTF_8), sha256.clone()));
    return this;
  }

  /** The {@code h1:} hash of the files added. */
  public String h1() {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort((a, b) -> Arrays.compareUnsigned(a.name, b.name));
    MessageDigest summary = Tlog.sha256();
    HexFormat hex = HexFormat.of();
    for (Entry e : sorted) {
      summary.update(hex.formatHex(e.sha256).getBytes(StandardCharsets.US_ASCII));
      summary.update("  ".getBytes(StandardCharsets.US_ASCII));
      summary.update(e.name);
      summary.update((byte) '\n');
    }
    return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
  }

  /** How many files were added. */
  public int size() {
    return entries.size();
  }
}
