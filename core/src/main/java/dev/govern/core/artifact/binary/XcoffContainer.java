package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** XCOFF (AIX), 32 ({@code 01 DF}) or 64 bit ({@code 01 F7}); always big-endian. */
final class XcoffContainer extends Container {
  private static final int STYP_TEXT = 0x20;
  private static final int STYP_DATA = 0x40;

  private final boolean is64;
  private final List<Region> sections = new ArrayList<>();
  private final List<Integer> types = new ArrayList<>();

  XcoffContainer(ByteSource src) {
    super(src);
    ByteBuffer m = src.read(0, 2);
    is64 = Short.toUnsignedInt(m.getShort(0)) == 0x01F7;
    int hdr = is64 ? 24 : 20;
    ByteBuffer h = src.read(0, hdr);
    int nscns = Short.toUnsignedInt(h.getShort(2));
    int opthdr = Short.toUnsignedInt(h.getShort(is64 ? 16 : 16));
    int entsize = is64 ? 72 : 40;
    ByteBuffer sh = src.readRange(hdr + opthdr, (long) entsize * nscns);
    for (int i = 0; i < nscns; i++) {
      int b = i * entsize;
      byte[] nm = new byte[8];
      sh.get(b, nm);
      int n = 0;
      while (n < 8 && nm[n] != 0) {
        n++;
      }
      String name = new String(nm, 0, n, StandardCharsets.UTF_8);
      long vaddr;
      long size;
      long scnptr;
      int flags;
      if (is64) {
        vaddr = sh.getLong(b + 16);
        size = sh.getLong(b + 24);
        scnptr = sh.getLong(b + 32);
        flags = sh.getInt(b + 64);
      } else {
        vaddr = Integer.toUnsignedLong(sh.getInt(b + 12));
        size = Integer.toUnsignedLong(sh.getInt(b + 16));
        scnptr = Integer.toUnsignedLong(sh.getInt(b + 20));
        flags = sh.getInt(b + 36);
      }
      int type = flags & 0xffff;
      boolean bss = (type & 0x80) != 0;
      sections.add(
          new Region(
              name,
              vaddr,
              scnptr,
              bss || size < 0 || scnptr < 0 ? 0 : size,
              type == STYP_DATA,
              type == STYP_TEXT));
      types.add(type);
    }
  }

  @Override
  public ExecutableFormat format() {
    return ExecutableFormat.XCOFF;
  }

  @Override
  public ByteOrder byteOrder() {
    return ByteOrder.BIG_ENDIAN;
  }

  @Override
  public int pointerSize() {
    return is64 ? 8 : 4;
  }

  @Override
  public String architecture() {
    return is64 ? "ppc64" : "ppc";
  }

  @Override
  public List<Region> addressMap() {
    return sections;
  }

  @Override
  public Optional<Region> buildInfoWindow() {
    for (int i = 0; i < sections.size(); i++) {
      if ((types.get(i) & STYP_DATA) != 0) {
        return Optional.of(sections.get(i));
      }
    }
    return Optional.empty();
  }

  @Override
  public List<Region> writableRegions() {
    return sections.stream().filter(s -> s.writable() && s.fileSize() > 0).toList();
  }

  @Override
  public Optional<Region> pclntabRegion() {
    return Optional.empty();
  }

  @Override
  public List<Region> pclntabScanRegions() {
    return sections.stream().filter(s -> s.fileSize() > 0).toList();
  }

  @Override
  protected Optional<Region> textRegion() {
    for (int i = 0; i < sections.size(); i++) {
      if ((types.get(i) & STYP_TEXT) != 0) {
        return Optional.of(sections.get(i));
      }
    }
    return Optional.empty();
  }
}
