package dev.govern.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tar archives entry by entry, including entries no well-behaved tool would write (the
 * hostile archives of the safety tests). Names longer than 100 bytes get a PAX header.
 */
public final class TarBuilder {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** A go.dev-like toolchain: go/VERSION, an executable go/bin/go script, a library file. */
  public static TarBuilder toolchain(String version) {
    return new TarBuilder()
        .dir("go/")
        .file("go/VERSION", version + "\ntime 2024-06-04T00:00:00Z\n", 0644)
        .dir("go/bin/")
        .file("go/bin/go", "#!/bin/sh\necho go version " + version + " test/arch\n", 0755)
        .dir("go/src/")
        .file("go/src/fmt.go", "package fmt\n", 0644);
  }

  public TarBuilder file(String name, String content, int mode) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), mode);
  }

  public TarBuilder file(String name, byte[] content, int mode) {
    header(name, '0', content.length, mode, "");
    out.writeBytes(content);
    pad(content.length);
    return this;
  }

  public TarBuilder dir(String name) {
    header(name, '5', 0, 0755, "");
    return this;
  }

  public TarBuilder symlink(String name, String target) {
    header(name, '2', 0, 0777, target);
    return this;
  }

  public TarBuilder hardlink(String name, String target) {
    header(name, '1', 0, 0644, target);
    return this;
  }

  /** An entry of any type flag ('3' character device, '4' block device, '6' FIFO …). */
  public TarBuilder special(String name, char type) {
    header(name, type, 0, 0644, "");
    return this;
  }

  /** A file whose header declares {@code size} bytes of zeros (streamed, for bombs). */
  public TarBuilder zeros(String name, int size) {
    header(name, '0', size, 0644, "");
    out.writeBytes(new byte[size]);
    pad(size);
    return this;
  }

  /** The tar bytes with the two closing zero blocks. */
  public byte[] tar() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(out.toByteArray());
    copy.writeBytes(new byte[1024]);
    return copy.toByteArray();
  }

  /** The gzip-compressed tar. */
  public byte[] tarGz() {
    try {
      ByteArrayOutputStream gz = new ByteArrayOutputStream();
      try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
        z.write(tar());
      }
      return gz.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void header(String name, char type, long size, int mode, String link) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    if (n.length > 100 || link.length() > 100) {
      StringBuilder pax = new StringBuilder();
      if (n.length > 100) {
        pax.append(record("path", name));
      }
      if (link.length() > 100) {
        pax.append(record("linkpath", link));
      }
      byte[] data = pax.toString().getBytes(StandardCharsets.UTF_8);
      rawHeader("PaxHeaders/x", 'x', data.length, 0644, "");
      out.writeBytes(data);
      pad(data.length);
      name = name.substring(0, Math.min(name.length(), 99));
      link = link.substring(0, Math.min(link.length(), 99));
    }
    rawHeader(name, type, size, mode, link);
  }

  private static String record(String key, String value) {
    String body = " " + key + "=" + value + "\n";
    int len = body.getBytes(StandardCharsets.UTF_8).length;
    int total = len + Integer.toString(len).length();
    if (Integer.toString(total).length() != Integer.toString(len).length()) {
      total++;
    }
    return total + body;
  }

  private void rawHeader(String name, char type, long size, int mode, String link) {
    byte[] h = new byte[512];
    put(h, 0, 100, name);
    octal(h, 100, 8, mode);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, 1_700_000_000L);
    h[156] = (byte) type;
    put(h, 157, 100, link);
    put(h, 257, 6, "ustar");
    put(h, 263, 2, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    out.writeBytes(h);
  }

  private void pad(long size) {
    int p = (int) ((512 - size % 512) % 512);
    out.writeBytes(new byte[p]);
  }

  private static void put(byte[] h, int off, int len, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, h, off, Math.min(len, b.length));
  }

  private static void octal(byte[] h, int off, int len, long v) {
    String s = Long.toOctalString(v);
    String padded = "0".repeat(Math.max(0, len - 1 - s.length())) + s;
    put(h, off, len - 1, padded);
  }
}
