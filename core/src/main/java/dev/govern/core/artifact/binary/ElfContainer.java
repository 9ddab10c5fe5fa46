package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** ELF, 32 or 64 bit, either byte order. Reads the ELF header, program and section headers. */
final class ElfContainer extends Container {
  private static final int PT_LOAD = 1;
  private static final int PT_NOTE = 4;
  private static final int PF_X = 1;
  private static final int PF_W = 2;
  private static final int SHT_NOBITS = 8;
  private static final long SHF_WRITE = 1;
  private static final long SHF_EXECINSTR = 4;

  /** Section and program header tables larger than this are not plausible. */
  private static final int MAX_HEADERS = 65_536;

  private final boolean is64;
  private final ByteOrder order;
  private final int machine;
  private final List<Region> segments = new ArrayList<>();
  private final List<Region> notes = new ArrayList<>();
  private final List<Region> sections = new ArrayList<>();
  private final List<Long> noteAlign = new ArrayList<>();

  ElfContainer(ByteSource src) {
    super(src);
    ByteBuffer id = src.read(0, 16);
    int cls = id.get(4);
    int data = id.get(5);
    if ((cls != 1 && cls != 2) || (data != 1 && data != 2)) {
      throw src.unrecognized("ELF header with class " + cls + " and data encoding " + data);
    }
    is64 = cls == 2;
    order = data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
    ByteBuffer h = src.read(0, is64 ? 64 : 52).order(order);
    machine = Short.toUnsignedInt(h.getShort(18));
    long phoff = is64 ? h.getLong(32) : Integer.toUnsignedLong(h.getInt(28));
    long shoff = is64 ? h.getLong(40) : Integer.toUnsignedLong(h.getInt(32));
    int phentsize = Short.toUnsignedInt(h.getShort(is64 ? 54 : 42));
    int phnum = Short.toUnsignedInt(h.getShort(is64 ? 56 : 44));
    int shentsize = Short.toUnsignedInt(h.getShort(is64 ? 58 : 46));
    int shnum = Short.toUnsignedInt(h.getShort(is64 ? 60 : 48));
    int shstrndx = Short.toUnsignedInt(h.getShort(is64 ? 62 : 50));
    readProgramHeaders(phoff, phentsize, phnum);
    readSectionHeaders(shoff, shentsize, shnum, shstrndx);
  }

  private void readProgramHeaders(long phoff, int entsize, int num) {
    if (num == 0) {
      return;
    }
    int want = is64 ? 56 : 32;
    if (entsize < want) {
      throw source.corrupt("ELF program header size " + entsize);
    }
    ByteBuffer ph = source.readRange(phoff, (long) entsize * num).order(order);
    for (int i = 0; i < num; i++) {
      int b = i * entsize;
      int type = ph.getInt(b);
      long flags;
      long off;
      long vaddr;
      long filesz;
      long align;
      if (is64) {
        flags = Integer.toUnsignedLong(ph.getInt(b + 4));
        off = ph.getLong(b + 8);
        vaddr = ph.getLong(b + 16);
        filesz = ph.getLong(b + 32);
        align = ph.getLong(b + 48);
      } else {
        off = Integer.toUnsignedLong(ph.getInt(b + 4));
        vaddr = Integer.toUnsignedLong(ph.getInt(b + 8));
        filesz = Integer.toUnsignedLong(ph.getInt(b + 16));
        flags = Integer.toUnsignedLong(ph.getInt(b + 24));
        align = Integer.toUnsignedLong(ph.getInt(b + 28));
      }
      if (off < 0 || filesz < 0) {
        continue;
      }
      boolean w = (flags & PF_W) != 0;
      boolean x = (flags & PF_X) != 0;
      if (type == PT_LOAD) {
        segments.add(new Region("PT_LOAD", vaddr, off, filesz, w, x));
      } else if (type == PT_NOTE) {
        notes.add(new Region("PT_NOTE", vaddr, off, filesz, w, x));
        noteAlign.add(align);
      }
    }
  }

  private void readSectionHeaders(long shoff, int entsize, int num, int shstrndx) {
    if (shoff == 0) {
      return;
    }
    int want = is64 ? 64 : 40;
    if (entsize < want) {
      if (num == 0) {
        return;
      }
      throw source.corrupt("ELF section header size " + entsize);
    }
    if (num == 0) {
      // extended numbering: the real count is in section 0's size field
      ByteBuffer s0 = source.read(shoff, want).order(order);
      long n = is64 ? s0.getLong(32) : Integer.toUnsignedLong(s0.getInt(20));
      if (n <= 0 || n > MAX_HEADERS) {
        return;
      }
      num = (int) n;
    }
    ByteBuffer sh = source.readRange(shoff, (long) entsize * num).order(order);
    if (shstrndx >= num) {
      return; // no section names: the program headers still serve
    }
    long[] nameOff = new long[num];
    long[][] fields = new long[num][];
    for (int i = 0; i < num; i++) {
      int b = i * entsize;
      long name = Integer.toUnsignedLong(sh.getInt(b));
      long type = Integer.toUnsignedLong(sh.getInt(b + 4));
      long flags = is64 ? sh.getLong(b + 8) : Integer.toUnsignedLong(sh.getInt(b + 8));
      long addr = is64 ? sh.getLong(b + 16) : Integer.toUnsignedLong(sh.getInt(b + 12));
      long off = is64 ? sh.getLong(b + 24) : Integer.toUnsignedLong(sh.getInt(b + 16));
      long size = is64 ? sh.getLong(b + 32) : Integer.toUnsignedLong(sh.getInt(b + 20));
      nameOff[i] = name;
      fields[i] = new long[] {type, flags, addr, off, size};
    }
    long[] str = fields[shstrndx];
    long strOff = str[3];
    long strSize = str[4];
    if (strOff < 0 || strSize <= 0 || strSize > source.size()) {
      return;
    }
    ByteBuffer names = source.read(strOff, (int) Math.min(strSize, source.size() - strOff));
    for (int i = 0; i < num; i++) {
      long[] f = fields[i];
      String name = cstring(names, nameOff[i]);
      long fileSize = f[0] == SHT_NOBITS || f[3] < 0 || f[4] < 0 ? 0 : f[4];
      sections.add(
          new Region(
              name, f[2], f[3], fileSize, (f[1] & SHF_WRITE) != 0, (f[1] & SHF_EXECINSTR) != 0));
    }
  }

  private static String cstring(ByteBuffer b, long off) {
    if (off < 0 || off >= b.limit()) {
      return "";
    }
    int end = (int) off;
    while (end < b.limit() && b.get(end) != 0) {
      end++;
    }
    byte[] out = new byte[end - (int) off];
    b.get((int) off, out);
    return new String(out, StandardCharsets.UTF_8);
  }

  @Override
  public ExecutableFormat format() {
    return ExecutableFormat.ELF;
  }

  @Override
  public ByteOrder byteOrder() {
    return order;
  }

  @Override
  public int pointerSize() {
    return is64 ? 8 : 4;
  }

  @Override
  public String architecture() {
    boolean le = order == ByteOrder.LITTLE_ENDIAN;
    return switch (machine) {
      case 3 -> "386";
      case 62 -> "amd64";
      case 183 -> "arm64";
      case 40 -> "arm";
      case 21 -> le ? "ppc64le" : "ppc64";
      case 20 -> "ppc";
      case 22 -> "s390x";
      case 8 -> is64 ? (le ? "mips64le" : "mips64") : (le ? "mipsle" : "mips");
      case 243 -> "riscv64";
      case 258 -> "loong64";
      default -> "elf-machine-" + machine;
    };
  }

  List<Region> sections() {
    return sections;
  }

  @Override
  public List<Region> addressMap() {
    return segments.isEmpty() ? sections : segments;
  }

  @Override
  public Optional<Region> buildInfoWindow() {
    for (Region s : sections) {
      if (s.name().equals(".go.buildinfo")) {
        return Optional.of(s);
      }
    }
    for (Region p : segments) {
      if (p.writable() && !p.executable()) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  @Override
  public List<Region> writableRegions() {
    List<Region> out = new ArrayList<>();
    for (Region s : sections) {
      if (s.writable() && s.fileSize() > 0) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public Optional<Region> pclntabRegion() {
    for (Region s : sections) {
      if (s.name().endsWith(".gopclntab") && s.fileSize() > 0) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  @Override
  public List<Region> pclntabScanRegions() {
    List<Region> out = new ArrayList<>();
    for (Region p : segments) {
      if (!p.executable()) {
        out.add(p);
      }
    }
    return out.isEmpty() ? segments : out;
  }

  @Override
  public Optional<String> buildId() {
    Optional<String> note = BuildIdReader.fromElfNotes(source, notes, noteAlign, order);
    if (note.isPresent() || !notes.isEmpty()) {
      return note;
    }
    return BuildIdReader.fromTextMarker(source, Optional.empty());
  }
}
