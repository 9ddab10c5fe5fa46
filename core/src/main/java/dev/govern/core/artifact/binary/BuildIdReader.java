package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Go build ID: the ELF note {@code "Go\0\0"} type 4 (a GNU build-id note as fallback, in
 * hex), or the text marker {@code \xff Go build ID: "<id>"\n \xff} in the first 32 KiB of the file
 * (or of the text section).
 */
final class BuildIdReader {
  private static final int GO_NOTE_TYPE = 4;
  private static final int GNU_NOTE_TYPE = 3;
  private static final int MARKER_WINDOW = 32 * 1024;
  private static final int MAX_NOTE_SEGMENT = 1 << 20;
  private static final byte[] MARKER =
      "\u00ff Go build ID: \"".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] MARKER_END = "\"\n \u00ff".getBytes(StandardCharsets.ISO_8859_1);

  private BuildIdReader() {}

  static Optional<String> fromElfNotes(
      ByteSource src, List<Region> notes, List<Long> aligns, ByteOrder order) {
    String gnu = null;
    for (int i = 0; i < notes.size(); i++) {
      Region p = notes.get(i);
      if (p.fileSize() < 16 || p.offset() >= src.size()) {
        continue;
      }
      int len = (int) Math.min(Math.min(p.fileSize(), MAX_NOTE_SEGMENT), src.size() - p.offset());
      ByteBuffer b = src.read(p.offset(), len).order(order);
      long align = Math.max(4, aligns.get(i));
      if (Long.bitCount(align) != 1 || align > 4096) {
        align = 4;
      }
      int pos = 0;
      while (len - pos >= 16) {
        long namesz = Integer.toUnsignedLong(b.getInt(pos));
        long descsz = Integer.toUnsignedLong(b.getInt(pos + 4));
        int type = b.getInt(pos + 8);
        long descEnd = 16 + descsz;
        if (namesz == 4 && descEnd <= len - pos) {
          byte[] name = new byte[4];
          b.get(pos + 12, name);
          if (type == GO_NOTE_TYPE && matches(name, "Go\0\0")) {
            byte[] id = new byte[(int) descsz];
            b.get(pos + 16, id);
            return Optional.of(new String(id, StandardCharsets.UTF_8));
          }
          if (type == GNU_NOTE_TYPE && matches(name, "GNU\0") && gnu == null) {
            byte[] id = new byte[(int) descsz];
            b.get(pos + 16, id);
            gnu = HexFormat.of().formatHex(id);
          }
        }
        long size = 12 + ((namesz + 3) & ~3L) + ((descsz + 3) & ~3L);
        long next = pos + size;
        next = (next + align - 1) & -align;
        if (next <= pos || next >= len) {
          break;
        }
        pos = (int) next;
      }
    }
    return Optional.ofNullable(gnu);
  }

  private static boolean matches(byte[] name, String want) {
    return new String(name, StandardCharsets.ISO_8859_1).equals(want);
  }

  static Optional<String> fromTextMarker(ByteSource src, Optional<Region> text) {
    Optional<String> id = scan(src.readUpTo(0, MARKER_WINDOW), src);
    if (id.isPresent() || text.isEmpty()) {
      return id;
    }
    Region t = text.get();
    if (t.fileSize() <= 0) {
      return Optional.empty();
    }
    return scan(src.readUpTo(t.offset(), (int) Math.min(MARKER_WINDOW, t.fileSize())), src);
  }

  private static Optional<String> scan(ByteBuffer b, ByteSource src) {
    int start = indexOf(b, MARKER, 0);
    if (start < 0) {
      return Optional.empty();
    }
    int quote = start + MARKER.length - 1;
    int end = indexOf(b, MARKER_END, quote + 1);
    if (end < 0) {
      return Optional.empty();
    }
    byte[] raw = new byte[end + 1 - quote];
    b.get(quote, raw);
    try {
      return Optional.of(GoQuote.unquote(new String(raw, StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      throw src.corrupt("build ID marker holds a badly quoted string");
    }
  }

  static int indexOf(ByteBuffer b, byte[] needle, int from) {
    int last = b.limit() - needle.length;
    outer:
    for (int i = Math.max(from, 0); i <= last; i++) {
      if (b.get(i) != needle[0]) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (b.get(i + j) != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
