package dev.govern.core.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A streaming reader of tar archives: POSIX ustar (with its name prefix), PAX extended headers
 * ({@code path}, {@code linkpath}, {@code size}, {@code mtime}) and GNU long names. Header
 * checksums are verified; a damaged header is an error, not the end of the archive.
 */
public final class TarReader implements EntrySource {
  private static final int BLOCK = 512;
  private static final int MAX_META = 1 << 20;

  private final InputStream in;
  private final byte[] header = new byte[BLOCK];
  private long remaining;
  private long padding;
  private long offset;
  private EntryStream current;

  public TarReader(InputStream in) {
    this.in = in;
  }

  @Override
  public ArchiveEntry next() throws IOException {
    skipRest();
    String longName = null;
    String longLink = null;
    Long paxSize = null;
    Long paxMtime = null;
    while (true) {
      long at = offset;
      if (!readBlock(header, true)) {
        return null; // a clean end without the two zero blocks: accept, tar does too
      }
      if (isZero(header)) {
        return null;
      }
      verifyChecksum(at);
      char type = (char) (header[156] & 0xff);
      long size = number(header, 124, 12, at);
      if (size < 0) {
        throw damaged(at, "negative size");
      }
      if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
        if (size > MAX_META) {
          throw damaged(at, "extended header of " + size + " bytes");
        }
        byte[] data = readData(size);
        if (type == 'L') {
          longName = cString(data, 0, data.length);
        } else if (type == 'K') {
          longLink = cString(data, 0, data.length);
        } else if (type == 'x') {
          Pax pax = Pax.parse(data, at);
          longName = pax.path != null ? pax.path : longName;
          longLink = pax.linkpath != null ? pax.linkpath : longLink;
          paxSize = pax.size != null ? pax.size : paxSize;
          paxMtime = pax.mtime != null ? pax.mtime : paxMtime;
        }
        continue; // 'g' global headers carry nothing govern uses
      }
      String name = longName != null ? longName : headerName();
      String link = longLink != null ? longLink : cString(header, 157, 100);
      if (paxSize != null) {
        size = paxSize;
      }
      int mode = (int) (number(header, 100, 8, at) & 07777);
      long mtime = paxMtime != null ? paxMtime : number(header, 136, 12, at);
      ArchiveEntry.Type t =
          switch (type) {
            case '0', '\0', '7' -> ArchiveEntry.Type.FILE;
            case '5' -> ArchiveEntry.Type.DIRECTORY;
            case '2' -> ArchiveEntry.Type.SYMLINK;
            case '1' -> ArchiveEntry.Type.HARDLINK;
            case '3', '4', '6' -> ArchiveEntry.Type.SPECIAL;
            default -> ArchiveEntry.Type.UNKNOWN;
          };
      if (t == ArchiveEntry.Type.FILE && name.endsWith("/") && type == '\0') {
        t = ArchiveEntry.Type.DIRECTORY; // old tar: a directory is a file named with a slash
      }
      remaining = size; // skipped for entries other than files
      padding = (BLOCK - size % BLOCK) % BLOCK;
      current = new EntryStream();
      return new ArchiveEntry(name, t, t == ArchiveEntry.Type.FILE ? size : 0, mode, mtime, link);
    }
  }

  @Override
  public InputStream data() {
    if (current == null) {
      throw new IllegalStateException("no current entry");
    }
    return current;
  }

  /** Reads the rest of the stream (so a checksum over all of it can be completed). */
  public void drain() throws IOException {
    in.transferTo(java.io.OutputStream.nullOutputStream());
  }

  private String headerName() {
    String name = cString(header, 0, 100);
    boolean ustar =
        header[257] == 'u'
            && header[258] == 's'
            && header[259] == 't'
            && header[260] == 'a'
            && header[261] == 'r'
            && header[262] == 0;
    if (ustar) {
      String prefix = cString(header, 345, 155);
      if (!prefix.isEmpty()) {
        return prefix + "/" + name;
      }
    }
    return name;
  }

  private void skipRest() throws IOException {
    if (remaining > 0 || padding > 0) {
      skipFully(remaining + padding);
      remaining = 0;
      padding = 0;
    }
    current = null;
  }

  private byte[] readData(long size) throws IOException {
    byte[] data = new byte[(int) size];
    readFully(data, 0, data.length);
    skipFully((BLOCK - size % BLOCK) % BLOCK);
    return data;
  }

  private boolean readBlock(byte[] b, boolean endAllowed) throws IOException {
    int n = 0;
    while (n < BLOCK) {
      int r = in.read(b, n, BLOCK - n);
      if (r < 0) {
        if (n == 0 && endAllowed) {
          return false;
        }
        throw new EOFException("tar archive is truncated at byte " + (offset + n));
      }
      n += r;
    }
    offset += BLOCK;
    return true;
  }

  private void readFully(byte[] b, int off, int len) throws IOException {
    int n = in.readNBytes(b, off, len);
    offset += n;
    if (n < len) {
      throw new EOFException("tar archive is truncated at byte " + offset);
    }
  }

  private void skipFully(long n) throws IOException {
    try {
      in.skipNBytes(n);
    } catch (EOFException e) {
      throw new EOFException("tar archive is truncated at byte " + offset);
    }
    offset += n;
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  private void verifyChecksum(long at) throws IOException {
    long stored = number(header, 148, 8, at);
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      byte b = (i >= 148 && i < 156) ? (byte) ' ' : header[i];
      unsigned += b & 0xff;
      signed += b;
    }
    if (stored != unsigned && stored != signed) {
      throw damaged(at, "header checksum mismatch");
    }
  }

  /** An octal field, or GNU base-256 when the first byte has its high bit set. */
  private static long number(byte[] b, int off, int len, long at) throws IOException {
    if ((b[off] & 0x80) != 0) {
      long v = b[off] & 0x3f;
      if ((b[off] & 0x40) != 0) {
        throw damaged(at, "negative number in header");
      }
      for (int i = 1; i < len; i++) {
        if (v > (Long.MAX_VALUE >> 8)) {
          throw damaged(at, "number too large in header");
        }
        v = (v << 8) | (b[off + i] & 0xff);
      }
      return v;
    }
    long v = 0;
    int i = off;
    int end = off + len;
    while (i < end && (b[i] == ' ' || b[i] == 0)) {
      i++;
    }
    for (; i < end && b[i] != 0 && b[i] != ' '; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 7) {
        throw damaged(at, "bad octal number in header");
      }
      v = (v << 3) | d;
    }
    return v;
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) {
      end++;
    }
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }

  private static IOException damaged(long at, String why) {
    return new ArchiveFormatException(
        "damaged tar archive: " + why + " in the header at byte " + at);
  }

  /** The data of the current entry, bounded by its size. */
  private final class EntryStream extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (current != this || remaining <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n < 0) {
        throw new EOFException("tar archive is truncated at byte " + offset);
      }
      remaining -= n;
      offset += n;
      return n;
    }
  }

  /** The keys of a PAX extended header that matter here. */
  private static final class Pax {
    String path;
    String linkpath;
    Long size;
    Long mtime;

    static Pax parse(byte[] data, long at) throws IOException {
      Pax p = new Pax();
      int i = 0;
      while (i < data.length) {
        int sp = i;
        while (sp < data.length && data[sp] != ' ') {
          sp++;
        }
        int len;
        try {
          len = Integer.parseInt(new String(data, i, sp - i, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
          throw damaged(at, "bad PAX record length");
        }
        if (len <= sp - i + 1 || i + len > data.length || data[i + len - 1] != '\n') {
          throw damaged(at, "bad PAX record");
        }
        String rec = new String(data, sp + 1, i + len - sp - 2, StandardCharsets.UTF_8);
        int eq = rec.indexOf('=');
        if (eq < 0) {
          throw damaged(at, "bad PAX record");
        }
        String key = rec.substring(0, eq);
        String value = rec.substring(eq + 1);
        try {
          switch (key) {
            case "path" -> p.path = value;
            case "linkpath" -> p.linkpath = value;
            case "size" -> p.size = Long.parseLong(value);
            case "mtime" -> p.mtime = (long) Double.parseDouble(value);
            default -> {
              // other keys (uid, uname, atime, xattrs) are not used
            }
          }
        } catch (NumberFormatException e) {
          throw damaged(at, "bad PAX " + key + " value");
        }
        i += len;
      }
      return p;
    }
  }
}
