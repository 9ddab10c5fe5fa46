package dev.govern.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The entries of a zip file, with the Unix modes (and so symbolic links and executable bits) that
 * Unix zip tools keep in the central directory's external attributes.
 */
public final class ZipEntries implements EntrySource, AutoCloseable {
  private static final int S_IFMT = 0170000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFREG = 0100000;
  private static final long MAX_LINK = 4096;

  private final ZipFile zip;
  private final Enumeration<? extends ZipEntry> entries;
  private final Map<String, Integer> modes;
  private ZipEntry current;

  private ZipEntries(ZipFile zip, Map<String, Integer> modes) {
    this.zip = zip;
    this.entries = zip.entries();
    this.modes = modes;
  }

  public static ZipEntries open(Path file) throws IOException {
    Map<String, Integer> modes = unixModes(file);
    try {
      return new ZipEntries(new ZipFile(file.toFile()), modes);
    } catch (ZipException e) {
      throw new ArchiveFormatException("damaged zip archive " + file + ": " + e.getMessage());
    }
  }

  @Override
  public ArchiveEntry next() throws IOException {
    if (!entries.hasMoreElements()) {
      current = null;
      return null;
    }
    current = entries.nextElement();
    String name = current.getName();
    int raw = modes.getOrDefault(name, 0);
    int type = raw & S_IFMT;
    long mtime = current.getTime() <= 0 ? -1 : current.getTime() / 1000;
    if (type == S_IFLNK) {
      byte[] target;
      try (InputStream in = zip.getInputStream(current)) {
        target = in.readNBytes((int) MAX_LINK + 1);
      }
      if (target.length > MAX_LINK) {
        throw new ArchiveFormatException("zip symbolic link " + name + " has an overlong target");
      }
      return new ArchiveEntry(
          name,
          ArchiveEntry.Type.SYMLINK,
          0,
          raw & 07777,
          mtime,
          new String(target, StandardCharsets.UTF_8));
    }
    if (current.isDirectory() || type == S_IFDIR) {
      return new ArchiveEntry(name, ArchiveEntry.Type.DIRECTORY, 0, raw & 07777, mtime, "");
    }
    if (type != 0 && type != S_IFREG) {
      return new ArchiveEntry(name, ArchiveEntry.Type.SPECIAL, 0, raw & 07777, mtime, "");
    }
    return new ArchiveEntry(
        name, ArchiveEntry.Type.FILE, Math.max(0, current.getSize()), raw & 07777, mtime, "");
  }

  @Override
  public InputStream data() throws IOException {
    if (current == null) {
      throw new IllegalStateException("no current entry");
    }
    return zip.getInputStream(current);
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }

  /**
   * Reads the central directory for entries made on Unix (host 3) and returns their modes. Zip64
   * archives and damaged directories give no modes (java.util.zip still reads their data).
   */
  static Map<String, Integer> unixModes(Path file) throws IOException {
    Map<String, Integer> out = new HashMap<>();
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      int tailLen = (int) Math.min(size, 22 + 65535);
      ByteBuffer tail = ByteBuffer.allocate(tailLen).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(tail, size - tailLen);
      int eocd = -1;
      for (int i = tailLen - 22; i >= 0; i--) {
        if (tail.getInt(i) == 0x06054b50) {
          eocd = i;
          break;
        }
      }
      if (eocd < 0) {
        return out;
      }
      long count = tail.getShort(eocd + 10) & 0xffff;
      long cdSize = tail.getInt(eocd + 12) & 0xffffffffL;
      long cdOffset = tail.getInt(eocd + 16) & 0xffffffffL;
      if (cdOffset == 0xffffffffL || cdSize > size || cdOffset + cdSize > size) {
        return out;
      }
      ByteBuffer cd = ByteBuffer.allocate((int) cdSize).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(cd, cdOffset);
      int p = 0;
      for (long n = 0; n < count && p + 46 <= cdSize; n++) {
        if (cd.getInt(p) != 0x02014b50) {
          break;
        }
        int host = (cd.getShort(p + 4) >> 8) & 0xff;
        int nameLen = cd.getShort(p + 28) & 0xffff;
        int extraLen = cd.getShort(p + 30) & 0xffff;
        int commentLen = cd.getShort(p + 32) & 0xffff;
        int external = cd.getInt(p + 38);
        if (p + 46 + nameLen > cdSize) {
          break;
        }
        byte[] name = new byte[nameLen];
        cd.get(p + 46, name);
        if (host == 3) {
          out.put(new String(name, StandardCharsets.UTF_8), (external >>> 16) & 0xffff);
        }
        p += 46 + nameLen + extraLen + commentLen;
      }
    }
    return out;
  }
}
