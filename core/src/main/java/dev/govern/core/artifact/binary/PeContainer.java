package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** PE (PE32 and PE32+). Addresses are ImageBase + RVA. */
final class PeContainer extends Container {
  private static final long CNT_CODE = 0x20;
  private static final long CNT_INITIALIZED_DATA = 0x40;
  private static final long CNT_UNINITIALIZED_DATA = 0x80;
  private static final long MEM_EXECUTE = 0x20000000L;
  private static final long MEM_READ = 0x40000000L;
  private static final long MEM_WRITE = 0x80000000L;
  private static final int MAX_SYMBOLS = 1 << 22;

  private final int machine;
  private final boolean pe32plus;
  private final long imageBase;
  private final long symtabOffset;
  private final long numSymbols;
  private final List<Region> sections = new ArrayList<>();
  private final List<Long> characteristics = new ArrayList<>();

  PeContainer(ByteSource src) {
    super(src);
    ByteBuffer dos = src.read(0, 64).order(ByteOrder.LITTLE_ENDIAN);
    long peOff = Integer.toUnsignedLong(dos.getInt(0x3c));
    ByteBuffer coff = src.read(peOff, 24).order(ByteOrder.LITTLE_ENDIAN);
    if (coff.getInt(0) != 0x00004550) {
      throw src.unrecognized("MZ file without a PE signature");
    }
    machine = Short.toUnsignedInt(coff.getShort(4));
    int nsect = Short.toUnsignedInt(coff.getShort(6));
    symtabOffset = Integer.toUnsignedLong(coff.getInt(12));
    numSymbols = Integer.toUnsignedLong(coff.getInt(16));
    int optSize = Short.toUnsignedInt(coff.getShort(20));
    long optOff = peOff + 24;
    if (optSize >= 2) {
      ByteBuffer opt = src.read(optOff, Math.min(optSize, 32)).order(ByteOrder.LITTLE_ENDIAN);
      int magic = Short.toUnsignedInt(opt.getShort(0));
      pe32plus = magic == 0x20b;
      if (magic == 0x20b && opt.limit() >= 32) {
        imageBase = opt.getLong(24);
      } else if (magic == 0x10b && opt.limit() >= 32) {
        imageBase = Integer.toUnsignedLong(opt.getInt(28));
      } else {
        imageBase = 0;
      }
    } else {
      pe32plus = false;
      imageBase = 0;
    }
    ByteBuffer sh = src.readRange(optOff + optSize, 40L * nsect).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < nsect; i++) {
      int b = i * 40;
      byte[] nm = new byte[8];
      sh.get(b, nm);
      int len = 0;
      while (len < 8 && nm[len] != 0) {
        len++;
      }
      String name = new String(nm, 0, len, StandardCharsets.UTF_8);
      long va = Integer.toUnsignedLong(sh.getInt(b + 12));
      long rawSize = Integer.toUnsignedLong(sh.getInt(b + 16));
      long rawPtr = Integer.toUnsignedLong(sh.getInt(b + 20));
      long ch = Integer.toUnsignedLong(sh.getInt(b + 36));
      sections.add(
          new Region(
              name,
              imageBase + va,
              rawPtr,
              rawSize,
              (ch & MEM_WRITE) != 0,
              (ch & MEM_EXECUTE) != 0));
      characteristics.add(ch);
    }
  }

  @Override
  public ExecutableFormat format() {
    return ExecutableFormat.PE;
  }

  @Override
  public ByteOrder byteOrder() {
    return ByteOrder.LITTLE_ENDIAN;
  }

  @Override
  public int pointerSize() {
    return pe32plus ? 8 : 4;
  }

  @Override
  public String architecture() {
    return switch (machine) {
      case 0x14c -> "386";
      case 0x8664 -> "amd64";
      case 0xaa64 -> "arm64";
      case 0x1c0, 0x1c4 -> "arm";
      default -> String.format("pe-machine-0x%x", machine);
    };
  }

  @Override
  public List<Region> addressMap() {
    return sections;
  }

  @Override
  public Optional<Region> buildInfoWindow() {
    // INITIALIZED_DATA|READ|WRITE, not code, not bss, not executable; any alignment bits
    long want = CNT_INITIALIZED_DATA | MEM_READ | MEM_WRITE;
    long mask =
        MEM_EXECUTE
            | MEM_READ
            | MEM_WRITE
            | CNT_CODE
            | CNT_INITIALIZED_DATA
            | CNT_UNINITIALIZED_DATA;
    for (int i = 0; i < sections.size(); i++) {
      Region s = sections.get(i);
      if (s.address() != imageBase
          && s.fileSize() != 0
          && (characteristics.get(i) & mask) == want) {
        return Optional.of(s);
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
    if (symtabOffset == 0 || numSymbols == 0 || numSymbols > MAX_SYMBOLS) {
      return Optional.empty();
    }
    long symSize = 18L * numSymbols;
    if (symtabOffset > source.size() || symSize > source.size() - symtabOffset) {
      return Optional.empty();
    }
    ByteBuffer syms = source.readRange(symtabOffset, symSize).order(ByteOrder.LITTLE_ENDIAN);
    long strOff = symtabOffset + symSize;
    ByteBuffer strtab = ByteBuffer.allocate(0);
    if (strOff + 4 <= source.size()) {
      long strSize =
          Integer.toUnsignedLong(source.read(strOff, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(0));
      strtab = source.readUpTo(strOff, (int) Math.min(strSize, Integer.MAX_VALUE));
    }
    long start = -1;
    long end = -1;
    for (int i = 0; i < numSymbols; i++) {
      int b = i * 18;
      String name = symbolName(syms, b, strtab);
      if (!name.equals("runtime.pclntab")
          && !name.equals("pclntab")
          && !name.equals("runtime.epclntab")
          && !name.equals("epclntab")) {
        continue;
      }
      long value = Integer.toUnsignedLong(syms.getInt(b + 8));
      int sect = syms.getShort(b + 12);
      if (sect < 1 || sect > sections.size()) {
        continue;
      }
      long addr = sections.get(sect - 1).address() + value;
      if (name.endsWith("epclntab")) {
        end = addr;
      } else {
        start = addr;
      }
    }
    if (start < 0 || end <= start) {
      return Optional.empty();
    }
    for (Region s : sections) {
      if (s.contains(start)) {
        long rel = start - s.address();
        long len = Math.min(end - start, s.fileSize() - rel);
        return Optional.of(
            new Region("runtime.pclntab", start, s.offset() + rel, len, false, false));
      }
    }
    return Optional.empty();
  }

  private static String symbolName(ByteBuffer syms, int b, ByteBuffer strtab) {
    if (syms.getInt(b) == 0) {
      long off = Integer.toUnsignedLong(syms.getInt(b + 4));
      if (off >= strtab.limit()) {
        return "";
      }
      int end = (int) off;
      while (end < strtab.limit() && strtab.get(end) != 0) {
        end++;
      }
      byte[] out = new byte[end - (int) off];
      strtab.get((int) off, out);
      return new String(out, StandardCharsets.UTF_8);
    }
    byte[] nm = new byte[8];
    syms.get(b, nm);
    int len = 0;
    while (len < 8 && nm[len] != 0) {
      len++;
    }
    return new String(nm, 0, len, StandardCharsets.UTF_8);
  }

  @Override
  public List<Region> pclntabScanRegions() {
    List<Region> out = new ArrayList<>();
    for (Region s : sections) {
      if (s.name().equals(".rdata")) {
        out.add(0, s);
      } else if (!s.executable() && s.fileSize() > 0) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  protected Optional<Region> textRegion() {
    return sections.stream().filter(s -> s.name().equals(".text")).findFirst();
  }
}
