package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Mach-O, 32 or 64 bit, either byte order (one slice of a universal file is read as one). */
final class MachOContainer extends Container {
  private static final int LC_SEGMENT = 0x1;
  private static final int LC_SEGMENT_64 = 0x19;
  private static final int MAX_COMMANDS = 1 << 16;
  private static final int VM_PROT_RW = 3;

  private final boolean is64;
  private final ByteOrder order;
  private final int cpu;
  private final List<Region> segments = new ArrayList<>();
  private final List<int[]> segmentProt = new ArrayList<>();
  private final List<Region> sections = new ArrayList<>();

  MachOContainer(ByteSource src) {
    super(src);
    ByteBuffer m = src.read(0, 4);
    int be = m.order(ByteOrder.BIG_ENDIAN).getInt(0);
    if (be == 0xfeedface || be == 0xfeedfacf) {
      order = ByteOrder.BIG_ENDIAN;
    } else {
      order = ByteOrder.LITTLE_ENDIAN;
    }
    int magic = m.order(order).getInt(0);
    if (magic != 0xfeedface && magic != 0xfeedfacf) {
      throw src.unrecognized("Mach-O magic " + Integer.toHexString(magic));
    }
    is64 = magic == 0xfeedfacf;
    int hdrSize = is64 ? 32 : 28;
    ByteBuffer h = src.read(0, hdrSize).order(order);
    cpu = h.getInt(4);
    long ncmds = Integer.toUnsignedLong(h.getInt(16));
    long sizeofcmds = Integer.toUnsignedLong(h.getInt(20));
    if (ncmds > MAX_COMMANDS) {
      throw src.corrupt("Mach-O header claims " + ncmds + " load commands");
    }
    ByteBuffer cmds = src.readRange(hdrSize, sizeofcmds).order(order);
    int pos = 0;
    for (long i = 0; i < ncmds; i++) {
      if (cmds.limit() - pos < 8) {
        throw src.corrupt("Mach-O load command " + i + " runs past the command area");
      }
      int cmd = cmds.getInt(pos);
      long size = Integer.toUnsignedLong(cmds.getInt(pos + 4));
      if (size < 8 || size > cmds.limit() - pos) {
        throw src.corrupt("Mach-O load command " + i + " has size " + size);
      }
      if (cmd == LC_SEGMENT_64 && size >= 72) {
        segment(cmds, pos, (int) size, true);
      } else if (cmd == LC_SEGMENT && size >= 56) {
        segment(cmds, pos, (int) size, false);
      }
      pos += (int) size;
    }
  }

  private void segment(ByteBuffer c, int p, int size, boolean wide) {
    String segname = name(c, p + 8);
    long vmaddr;
    long fileoff;
    long filesize;
    int maxprot;
    int initprot;
    long nsects;
    int sectStart;
    if (wide) {
      vmaddr = c.getLong(p + 24);
      fileoff = c.getLong(p + 40);
      filesize = c.getLong(p + 48);
      maxprot = c.getInt(p + 56);
      initprot = c.getInt(p + 60);
      nsects = Integer.toUnsignedLong(c.getInt(p + 64));
      sectStart = p + 72;
    } else {
      vmaddr = Integer.toUnsignedLong(c.getInt(p + 24));
      fileoff = Integer.toUnsignedLong(c.getInt(p + 32));
      filesize = Integer.toUnsignedLong(c.getInt(p + 36));
      maxprot = c.getInt(p + 40);
      initprot = c.getInt(p + 44);
      nsects = Integer.toUnsignedLong(c.getInt(p + 48));
      sectStart = p + 56;
    }
    if (fileoff >= 0 && filesize >= 0) {
      segments.add(
          new Region(segname, vmaddr, fileoff, filesize, (initprot & 2) != 0, (initprot & 4) != 0));
      segmentProt.add(new int[] {initprot, maxprot});
    }
    int sectSize = wide ? 80 : 68;
    for (long k = 0; k < nsects; k++) {
      int s = sectStart + (int) (k * sectSize);
      if ((long) sectStart + (k + 1) * sectSize > p + size) {
        throw source.corrupt("Mach-O segment " + segname + " has more sections than fit");
      }
      String sectname = name(c, s);
      long addr = wide ? c.getLong(s + 32) : Integer.toUnsignedLong(c.getInt(s + 32));
      long sz = wide ? c.getLong(s + 40) : Integer.toUnsignedLong(c.getInt(s + 36));
      long off = Integer.toUnsignedLong(c.getInt(s + (wide ? 48 : 40)));
      int flags = c.getInt(s + (wide ? 64 : 56));
      int type = flags & 0xff;
      boolean zerofill = type == 0x1 || type == 0xc || type == 0x12;
      sections.add(
          new Region(
              sectname,
              addr,
              off,
              zerofill || sz < 0 ? 0 : sz,
              (initprot & 2) != 0,
              (flags & 0x80000400) != 0));
    }
  }

  private static String name(ByteBuffer c, int at) {
    byte[] b = new byte[16];
    c.get(at, b);
    int n = 0;
    while (n < 16 && b[n] != 0) {
      n++;
    }
    return new String(b, 0, n, StandardCharsets.UTF_8);
  }

  @Override
  public ExecutableFormat format() {
    return ExecutableFormat.MACHO;
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
    return cpuName(cpu);
  }

  /** The GOARCH name of a Mach-O CPU type. */
  static String cpuName(int cpu) {
    return switch (cpu) {
      case 7 -> "386";
      case 0x01000007 -> "amd64";
      case 12 -> "arm";
      case 0x0100000c -> "arm64";
      case 18 -> "ppc";
      case 0x01000012 -> "ppc64";
      default -> String.format("macho-cpu-0x%x", cpu);
    };
  }

  @Override
  public List<Region> addressMap() {
    return segments.stream().filter(s -> !s.name().equals("__PAGEZERO")).toList();
  }

  @Override
  public Optional<Region> buildInfoWindow() {
    for (Region s : sections) {
      if (s.name().equals("__go_buildinfo")) {
        return Optional.of(s);
      }
    }
    for (int i = 0; i < segments.size(); i++) {
      Region s = segments.get(i);
      int[] prot = segmentProt.get(i);
      if (s.address() != 0 && s.fileSize() != 0 && prot[0] == VM_PROT_RW && prot[1] == VM_PROT_RW) {
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
    return sections.stream()
        .filter(s -> s.name().equals("__gopclntab") && s.fileSize() > 0)
        .findFirst();
  }

  @Override
  public List<Region> pclntabScanRegions() {
    return addressMap();
  }

  @Override
  protected Optional<Region> textRegion() {
    return sections.stream().filter(s -> s.name().equals("__text")).findFirst();
  }
}
