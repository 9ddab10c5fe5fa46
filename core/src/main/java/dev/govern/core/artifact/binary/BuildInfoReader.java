package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the {@code \xff Go buildinf:} blob in its window and decodes the two strings it carries:
 * the Go version and the framed module info, inline (Go 1.18+) or through pointers (Go 1.13–1.17).
 */
final class BuildInfoReader {
  static final byte[] MAGIC = "\u00ff Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
  private static final int HEADER = 32;
  private static final int ALIGN = 16;

  /** Windows are searched in chunks of this size (a blob never spans more than it needs). */
  private static final int CHUNK = 1 << 20;

  /** A pointer-format string longer than this is treated as unreadable. */
  private static final long MAX_POINTED_STRING = 16 << 20;

  private BuildInfoReader() {}

  /** The raw strings: version and module info with its sentinels removed (or empty). */
  record Raw(String version, String modinfo, long blobAddress, long blobOffset, int flags) {}

  static Raw read(Container c) {
    ByteSource src = c.source();
    Optional<Region> window = c.buildInfoWindow();
    Raw raw = window.map(w -> search(c, w)).orElse(null);
    if (raw == null) {
      List<Region> more = new ArrayList<>(c.writableRegions());
      window.ifPresent(more::remove);
      for (Region r : more) {
        raw = search(c, r);
        if (raw != null) {
          break;
        }
      }
    }
    if (raw == null) {
      throw src.notGo(
          c.format().label()
              + " file has no Go build-info blob"
              + window.map(w -> " in " + w.name()).orElse(""));
    }
    return raw;
  }

  /** Searches one region for the aligned magic; decodes the blob it finds, or returns null. */
  private static Raw search(Container c, Region w) {
    ByteSource src = c.source();
    long size = Math.min(w.fileSize(), Math.max(0, src.size() - w.offset()));
    if (w.offset() < 0 || size < HEADER) {
      if (w.fileSize() >= HEADER && w.offset() >= src.size()) {
        throw src.truncated(w.name() + " starts at " + w.offset() + ", past the end of the file");
      }
      return null;
    }
    // the blob is almost always at the very start: try a small read first
    ByteBuffer first = src.read(w.offset(), (int) Math.min(size, 4096));
    Raw raw = scanChunk(c, w, first, 0, size);
    if (raw != null || first.limit() == size) {
      return raw;
    }
    for (long base = first.limit() - HEADER; base < size; base += CHUNK - HEADER) {
      long aligned = base - Math.floorMod(w.address() + base, ALIGN);
      ByteBuffer chunk = src.read(w.offset() + aligned, (int) Math.min(CHUNK, size - aligned));
      raw = scanChunk(c, w, chunk, aligned, size);
      if (raw != null || aligned + chunk.limit() >= size) {
        return raw;
      }
    }
    return null;
  }

  private static Raw scanChunk(Container c, Region w, ByteBuffer b, long chunkStart, long size) {
    int from = 0;
    while (true) {
      int i = BuildIdReader.indexOf(b, MAGIC, from);
      if (i < 0 || b.limit() - i < HEADER) {
        return null;
      }
      long rel = chunkStart + i;
      if (Math.floorMod(w.address() + rel, ALIGN) == 0) {
        return decode(c, w, rel, size, b, i);
      }
      from = i + 1;
    }
  }

  private static Raw decode(Container c, Region w, long rel, long size, ByteBuffer chunk, int at) {
    ByteSource src = c.source();
    // reads of the blob are served from the chunk already in memory when they fall inside it
    ByteSource blob = new ChunkSource(src, w.offset() + rel - at, chunk);
    ByteBuffer h = blob.read(w.offset() + rel, HEADER);
    int ptrSize = h.get(14) & 0xff;
    int flags = h.get(15) & 0xff;
    byte[] version;
    byte[] mod;
    if ((flags & 2) != 0) {
      long pos = w.offset() + rel + HEADER;
      long end = w.offset() + size;
      long[] cursor = {pos};
      version = inlineString(blob, cursor, end);
      mod = inlineString(blob, cursor, end);
    } else {
      if (ptrSize != 4 && ptrSize != 8) {
        throw src.notGo("build-info blob with pointer size " + ptrSize);
      }
      ByteOrder order = (flags & 1) != 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      h.order(order);
      long versPtr = ptrSize == 4 ? Integer.toUnsignedLong(h.getInt(16)) : h.getLong(16);
      long modPtr = ptrSize == 4 ? Integer.toUnsignedLong(h.getInt(20)) : h.getLong(24);
      version = pointedString(c, order, ptrSize, versPtr);
      mod = pointedString(c, order, ptrSize, modPtr);
    }
    if (version.length == 0) {
      throw src.notGo("build-info blob holds an empty Go version");
    }
    return new Raw(
        new String(version, StandardCharsets.UTF_8),
        unframe(mod),
        w.address() + rel,
        w.offset() + rel,
        flags);
  }

  /** Serves reads inside an already-read chunk from it; others from the file. */
  private static final class ChunkSource implements ByteSource {
    private final ByteSource file;
    private final long start;
    private final ByteBuffer chunk;

    ChunkSource(ByteSource file, long start, ByteBuffer chunk) {
      this.file = file;
      this.start = start;
      this.chunk = chunk;
    }

    @Override
    public String name() {
      return file.name();
    }

    @Override
    public long size() {
      return file.size();
    }

    @Override
    public ByteBuffer read(long offset, int length) {
      if (offset >= start && offset - start + length <= chunk.limit()) {
        int from = (int) (offset - start);
        return chunk.duplicate().position(from).limit(from + length).slice();
      }
      return file.read(offset, length);
    }
  }

  private static NotAGoBinaryException badInfo(ByteSource src, String detail) {
    return new NotAGoBinaryException(
        src.name(), NotAGoBinaryException.Problem.CORRUPT_BUILD_INFO, detail);
  }

  /** Reads a uvarint-prefixed string; fails (corrupt) when it runs past {@code end}. */
  private static byte[] inlineString(ByteSource src, long[] cursor, long end) {
    long pos = cursor[0];
    ByteBuffer v = src.readUpTo(pos, (int) Math.min(10, Math.max(0, end - pos)));
    long len = 0;
    int shift = 0;
    int n = 0;
    while (true) {
      if (n >= v.limit()) {
        throw badInfo(src, "build-info string length runs past the end of its section");
      }
      int b = v.get(n++) & 0xff;
      if (shift == 63 && b > 1) {
        throw badInfo(src, "build-info string length overflows");
      }
      len |= (long) (b & 0x7f) << shift;
      if (b < 0x80) {
        break;
      }
      shift += 7;
    }
    long start = pos + n;
    if (len < 0 || len > end - start) {
      throw badInfo(
          src,
          "build-info string of "
              + Long.toUnsignedString(len)
              + " bytes runs past the end of its section");
    }
    cursor[0] = start + len;
    return bytes(src.read(start, (int) len));
  }

  /** Follows a pointer to a Go string header {data, len}; unreadable gives "" (as Go does). */
  private static byte[] pointedString(Container c, ByteOrder order, int ptrSize, long addr) {
    Optional<ByteBuffer> hdr = c.readAddress(addr, 2 * ptrSize);
    if (hdr.isEmpty() || hdr.get().limit() < 2 * ptrSize) {
      return new byte[0];
    }
    ByteBuffer h = hdr.get().order(order);
    long data = ptrSize == 4 ? Integer.toUnsignedLong(h.getInt(0)) : h.getLong(0);
    long len = ptrSize == 4 ? Integer.toUnsignedLong(h.getInt(4)) : h.getLong(8);
    if (len < 0 || len > MAX_POINTED_STRING) {
      return new byte[0];
    }
    if (len == 0) {
      return new byte[0];
    }
    Optional<ByteBuffer> bytes = c.readAddress(data, (int) len);
    if (bytes.isEmpty() || bytes.get().limit() < len) {
      return new byte[0];
    }
    return bytes(bytes.get());
  }

  static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  /** Strips the 16-byte sentinels when the text is framed ({@code len >= 33}, newline at -17). */
  static String unframe(byte[] b) {
    if (b.length >= 33 && b[b.length - 17] == '\n') {
      return new String(b, 16, b.length - 32, StandardCharsets.UTF_8);
    }
    return "";
  }
}
