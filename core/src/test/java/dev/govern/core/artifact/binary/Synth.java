package dev.govern.core.artifact.binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds small executables byte by byte for layouts the Go 1.19 fixtures cannot show: pre-1.18
 * pointer build info, pclntab 1.2/1.16/1.20, 32-bit Mach-O, big-endian tables.
 */
final class Synth {
  private Synth() {}

  static final byte[] INFO_START = hex("3077af0c9274080241e1c107e6d618e6");
  static final byte[] INFO_END = hex("f932433186182072008242104116d8f2");

  static byte[] hex(String h) {
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  /** A growable little/big-endian byte writer. */
  static final class Out {
    final ByteArrayOutputStream b = new ByteArrayOutputStream();
    final ByteOrder order;

    Out(ByteOrder order) {
      this.order = order;
    }

    int pos() {
      return b.size();
    }

    Out u8(int v) {
      b.write(v);
      return this;
    }

    Out u16(int v) {
      return bytes(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
    }

    Out u32(long v) {
      return bytes(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
    }

    Out u64(long v) {
      return bytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
    }

    Out word(int ptr, long v) {
      return ptr == 4 ? u32(v) : u64(v);
    }

    Out bytes(byte[] v) {
      b.write(v, 0, v.length);
      return this;
    }

    Out str(String s) {
      return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    Out pad(int align) {
      while (b.size() % align != 0) {
        b.write(0);
      }
      return this;
    }

    Out zeros(int n) {
      for (int i = 0; i < n; i++) {
        b.write(0);
      }
      return this;
    }

    byte[] toArray() {
      return b.toByteArray();
    }
  }

  /** Framed module info: sentinels around the text. */
  static byte[] framed(String text) {
    Out o = new Out(ByteOrder.LITTLE_ENDIAN);
    return o.bytes(INFO_START).str(text).bytes(INFO_END).toArray();
  }

  static void uvarint(Out o, long v) {
    while (v >= 0x80) {
      o.u8((int) (v & 0x7f) | 0x80);
      v >>>= 7;
    }
    o.u8((int) v);
  }

  /** A 1.18+ inline build-info blob. */
  static byte[] inlineBlob(int ptr, String version, String modText) {
    Out o = new Out(ByteOrder.LITTLE_ENDIAN);
    o.str("\u00ff Go buildinf:".replace('\u00ff', 'X'));
    byte[] a = o.toArray();
    a[0] = (byte) 0xff;
    Out h = new Out(ByteOrder.LITTLE_ENDIAN).bytes(a).u8(ptr).u8(2).zeros(16);
    byte[] v = version.getBytes(StandardCharsets.UTF_8);
    uvarint(h, v.length);
    h.bytes(v);
    byte[] m = modText.isEmpty() ? new byte[0] : framed(modText);
    uvarint(h, m.length);
    h.bytes(m);
    return h.pad(16).toArray();
  }

  static byte[] magic() {
    byte[] m = "X Go buildinf:".getBytes(StandardCharsets.ISO_8859_1);
    m[0] = (byte) 0xff;
    return m;
  }

  /** A function of a synthetic pclntab. */
  record Func(String name, long entry) {}

  /**
   * A pclntab in the given layout. {@code inlined} are extra names only in the name table (1.16+).
   */
  static byte[] pclntab(
      PclnTable.Layout layout, ByteOrder order, int ptr, List<Func> funcs, List<String> inlined) {
    int n = funcs.size();
    Out o = new Out(order);
    int magic = layout.magic();
    o.u32(magic).u8(0).u8(0).u8(1).u8(ptr);
    if (layout == PclnTable.Layout.GO12) {
      o.word(ptr, n);
      int functab = o.pos();
      int funcsAt = functab + (2 * n + 1) * ptr + 4;
      funcsAt = (funcsAt + ptr - 1) / ptr * ptr;
      int recSize = (ptr + 4 + ptr - 1) / ptr * ptr;
      int namesAt = funcsAt + n * recSize;
      int[] nameOff = new int[n];
      int off = namesAt;
      for (int i = 0; i < n; i++) {
        nameOff[i] = off;
        off += funcs.get(i).name().getBytes(StandardCharsets.UTF_8).length + 1;
      }
      for (int i = 0; i < n; i++) {
        o.word(ptr, funcs.get(i).entry()).word(ptr, funcsAt + (long) i * recSize);
      }
      o.word(ptr, funcs.get(n - 1).entry() + 16).u32(0).pad(ptr);
      for (int i = 0; i < n; i++) {
        o.word(ptr, funcs.get(i).entry()).u32(nameOff[i]).pad(ptr);
      }
      for (Func f : funcs) {
        o.str(f.name()).u8(0);
      }
      return o.toArray();
    }
    // name table: function names then inlined names
    Map<String, Integer> names = new LinkedHashMap<>();
    Out nt = new Out(order);
    for (Func f : funcs) {
      names.computeIfAbsent(f.name(), k -> put(nt, k));
    }
    for (String s : inlined) {
      names.computeIfAbsent(s, k -> put(nt, k));
    }
    byte[] nameTab = nt.pad(8).toArray();
    boolean go118 = layout != PclnTable.Layout.GO116;
    int words = go118 ? 8 : 7;
    int hdr = 8 + words * ptr;
    hdr = (hdr + 7) / 8 * 8;
    int funcname = hdr;
    int cu = funcname + nameTab.length;
    int filetab = cu + 8;
    int pctab = filetab + 8;
    int pcln = pctab + 8;
    long text = 0x401000;
    o.word(ptr, n).word(ptr, 1);
    if (go118) {
      o.word(ptr, text);
    }
    o.word(ptr, funcname).word(ptr, cu).word(ptr, filetab).word(ptr, pctab).word(ptr, pcln);
    o.pad(8);
    o.bytes(nameTab).zeros(24);
    List<Integer> recs = new ArrayList<>();
    int entrySize = go118 ? 8 : 2 * ptr;
    int recStart = (n * entrySize + (go118 ? 4 : ptr) + 7) / 8 * 8;
    int recSize = go118 ? 48 : (ptr + 40 + 7) / 8 * 8;
    for (int i = 0; i < n; i++) {
      recs.add(recStart + i * recSize);
    }
    for (int i = 0; i < n; i++) {
      long e = funcs.get(i).entry();
      if (go118) {
        o.u32(e - text).u32(recs.get(i));
      } else {
        o.word(ptr, e).word(ptr, recs.get(i));
      }
    }
    long end = funcs.get(n - 1).entry() + 16;
    if (go118) {
      o.u32(end - text);
    } else {
      o.word(ptr, end);
    }
    o.pad(8);
    for (int i = 0; i < n; i++) {
      Func f = funcs.get(i);
      int start = o.pos();
      if (go118) {
        o.u32(f.entry() - text).u32(names.get(f.name()));
      } else {
        o.word(ptr, f.entry()).u32(names.get(f.name()));
      }
      o.zeros(recSize - (o.pos() - start));
    }
    return o.toArray();
  }

  private static int put(Out nt, String s) {
    int at = nt.pos();
    nt.str(s).u8(0);
    return at;
  }

  /** A section of a synthetic file: its name, bytes, and whether it is writable / executable. */
  record Section(String name, byte[] data, boolean write, boolean exec) {}

  /**
   * An ELF file with one PT_LOAD per section (address = 0x10000 + file offset), an optional Go
   * build-ID note in a PT_NOTE, and section headers (unless {@code withSections} is false).
   */
  static byte[] elf(
      boolean is64,
      ByteOrder order,
      int machine,
      List<Section> sections,
      String buildId,
      boolean withSections) {
    int ptr = is64 ? 8 : 4;
    int ehsize = is64 ? 64 : 52;
    int phent = is64 ? 56 : 32;
    int shent = is64 ? 64 : 40;
    int nph = sections.size() + (buildId == null ? 0 : 1);
    // layout: header, phdrs, note, sections (16-aligned), shstrtab, shdrs
    int pos = ehsize + nph * phent;
    byte[] note = null;
    int noteOff = 0;
    if (buildId != null) {
      Out n = new Out(order);
      byte[] id = buildId.getBytes(StandardCharsets.UTF_8);
      n.u32(4).u32(id.length).u32(4).str("Go\0\0").bytes(id).pad(4);
      note = n.toArray();
      noteOff = pos;
      pos += note.length;
    }
    int[] offs = new int[sections.size()];
    for (int i = 0; i < sections.size(); i++) {
      pos = (pos + 15) / 16 * 16;
      offs[i] = pos;
      pos += sections.get(i).data().length;
    }
    Out names = new Out(order).u8(0);
    int[] nameOff = new int[sections.size() + 1];
    for (int i = 0; i < sections.size(); i++) {
      nameOff[i] = names.pos();
      names.str(sections.get(i).name()).u8(0);
    }
    nameOff[sections.size()] = names.pos();
    names.str(".shstrtab").u8(0);
    byte[] shstr = names.toArray();
    int shstrOff = pos;
    pos += shstr.length;
    pos = (pos + 7) / 8 * 8;
    int shoff = pos;
    int nsh = sections.size() + 2;

    Out o = new Out(order);
    o.u8(0x7f).str("ELF").u8(is64 ? 2 : 1).u8(order == ByteOrder.LITTLE_ENDIAN ? 1 : 2).u8(1);
    o.zeros(9);
    o.u16(2).u16(machine).u32(1);
    o.word(ptr, 0x10000).word(ptr, ehsize).word(ptr, withSections ? shoff : 0);
    o.u32(0).u16(ehsize).u16(phent).u16(nph).u16(shent).u16(withSections ? nsh : 0);
    o.u16(withSections ? nsh - 1 : 0);
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      int flags = 4 | (s.write() ? 2 : 0) | (s.exec() ? 1 : 0);
      phdr(o, is64, 1, flags, offs[i], 0x10000L + offs[i], s.data().length, 16);
    }
    if (note != null) {
      phdr(o, is64, 4, 4, noteOff, 0x10000L + noteOff, note.length, 4);
      o.bytes(note);
    }
    for (int i = 0; i < sections.size(); i++) {
      o.zeros(offs[i] - o.pos());
      o.bytes(sections.get(i).data());
    }
    o.bytes(shstr);
    o.zeros(shoff - o.pos());
    if (withSections) {
      shdr(o, is64, 0, 0, 0, 0, 0, 0);
      for (int i = 0; i < sections.size(); i++) {
        Section s = sections.get(i);
        long flags = 2 | (s.write() ? 1 : 0) | (s.exec() ? 4 : 0);
        shdr(o, is64, nameOff[i], 1, flags, 0x10000L + offs[i], offs[i], s.data().length);
      }
      shdr(o, is64, nameOff[sections.size()], 3, 0, 0, shstrOff, shstr.length);
    }
    return o.toArray();
  }

  private static void phdr(
      Out o, boolean is64, int type, int flags, long off, long addr, long size, long align) {
    if (is64) {
      o.u32(type).u32(flags).u64(off).u64(addr).u64(addr).u64(size).u64(size).u64(align);
    } else {
      o.u32(type).u32(off).u32(addr).u32(addr).u32(size).u32(size).u32(flags).u32(align);
    }
  }

  private static void shdr(
      Out o, boolean is64, int name, int type, long flags, long addr, long off, long size) {
    int ptr = is64 ? 8 : 4;
    o.u32(name).u32(type).word(ptr, flags).word(ptr, addr).word(ptr, off).word(ptr, size);
    o.u32(0).u32(0).word(ptr, 1).word(ptr, 0);
  }

  /**
   * A 32-bit little-endian Mach-O (i386) with one segment per section (address = 0x1000 + file
   * offset); section names are {@code __text}, {@code __go_buildinfo}, {@code __gopclntab} etc.
   */
  static byte[] macho32(List<Section> sections) {
    ByteOrder le = ByteOrder.LITTLE_ENDIAN;
    int n = sections.size();
    int cmdSize = 56 + 68;
    int hdr = 28 + n * cmdSize;
    int pos = hdr;
    int[] offs = new int[n];
    for (int i = 0; i < n; i++) {
      pos = (pos + 15) / 16 * 16;
      offs[i] = pos;
      pos += sections.get(i).data().length;
    }
    Out o = new Out(le);
    o.u32(0xfeedface).u32(7).u32(3).u32(2).u32(n).u32(n * cmdSize).u32(0);
    for (int i = 0; i < n; i++) {
      Section s = sections.get(i);
      int prot = 1 | (s.write() ? 2 : 0) | (s.exec() ? 4 : 0);
      String seg = s.exec() ? "__TEXT" : s.write() ? "__DATA" : "__DATA_CONST";
      long addr = 0x1000L + offs[i];
      int len = s.data().length;
      o.u32(1).u32(cmdSize).bytes(name16(seg + i)).u32(addr).u32(len).u32(offs[i]).u32(len);
      o.u32(prot).u32(prot).u32(1).u32(0);
      o.bytes(name16(s.name())).bytes(name16(seg + i)).u32(addr).u32(len).u32(offs[i]);
      o.u32(4).u32(0).u32(0).u32(s.exec() ? 0x80000400 : 0).u32(0).u32(0);
    }
    for (int i = 0; i < n; i++) {
      o.zeros(offs[i] - o.pos());
      o.bytes(sections.get(i).data());
    }
    return o.toArray();
  }

  private static byte[] name16(String s) {
    byte[] out = new byte[16];
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(b, 0, out, 0, Math.min(16, b.length));
    return out;
  }

  /** The text marker the Go linker writes for the build ID outside ELF. */
  static byte[] textMarker(String id) {
    Out o = new Out(ByteOrder.LITTLE_ENDIAN);
    o.u8(0xff).str(" Go build ID: ").str(GoQuote.quote(id)).str("\n ").u8(0xff);
    return o.pad(16).zeros(64).toArray();
  }
}
