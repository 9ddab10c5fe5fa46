package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A Go executable opened for reading: its container, build info, build ID and function table. Only
 * the headers are read on opening; everything else is read when asked for.
 *
 * <p>Every failure is a {@link NotAGoBinaryException} naming the file (or an I/O failure of the
 * file itself).
 */
public final class GoBinary implements AutoCloseable {
  /**
   * How many plausible headers a scan checks in one region before giving up: real binaries have
   * one; the bound keeps a crafted file from making the scan quadratic.
   */
  private static final int SCAN_CANDIDATES = 64;

  private final ByteSource file;
  private final Container container;
  private final List<String> universalArchitectures;
  private BuildInfo buildInfo;
  private Optional<PclnTable> table;
  private Set<String> functionSet;
  private Set<String> nameSet;

  private GoBinary(ByteSource file, Container container, List<String> universal) {
    this.file = file;
    this.container = container;
    this.universalArchitectures = universal;
  }

  /** Opens {@code path}; {@code name} is how messages and output refer to it. */
  public static GoBinary open(Path path, String name) {
    FileByteSource src = FileByteSource.open(path, name);
    try {
      return of(src);
    } catch (RuntimeException e) {
      src.close();
      throw e;
    }
  }

  /** Reads the container headers of {@code src}. */
  public static GoBinary of(ByteSource src) {
    if (src.size() < 16) {
      throw src.unrecognized("only " + src.size() + " bytes");
    }
    ByteBuffer id = src.read(0, 16);
    int be = id.getInt(0);
    int b0 = id.get(0) & 0xff;
    int b1 = id.get(1) & 0xff;
    if (be == 0x7F454C46) {
      return new GoBinary(src, new ElfContainer(src), List.of());
    }
    if (b0 == 'M' && b1 == 'Z') {
      return new GoBinary(src, new PeContainer(src), List.of());
    }
    int le = id.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    if (be == 0xfeedface || be == 0xfeedfacf || le == 0xfeedface || le == 0xfeedfacf) {
      return new GoBinary(src, new MachOContainer(src), List.of());
    }
    if (be == 0xcafebabe || be == 0xcafebabf) {
      return universal(src, be == 0xcafebabf);
    }
    if (b0 == 0x01 && (b1 == 0xDF || b1 == 0xF7)) {
      return new GoBinary(src, new XcoffContainer(src), List.of());
    }
    if (Plan9Container.sniff(be)) {
      return new GoBinary(src, new Plan9Container(src), List.of());
    }
    if (be == 0x0061736d) {
      throw src.unrecognized("a WebAssembly module; Go does not record build info in wasm files");
    }
    throw src.unrecognized("");
  }

  /** A universal (fat) Mach-O file: the first slice is read, as Go's reader does. */
  private static GoBinary universal(ByteSource src, boolean wide) {
    long n = Integer.toUnsignedLong(src.read(4, 4).getInt(0));
    if (n == 0 || n > 32) {
      // 0xcafebabe is also a Java class file; those have n = major version (45..70)
      throw src.unrecognized(
          n > 32
              ? "0xcafebabe file that is not a Mach-O universal binary"
              : "universal binary with no slices");
    }
    int entry = wide ? 32 : 20;
    ByteBuffer arches = src.readRange(8, n * entry);
    List<String> names = new ArrayList<>();
    ByteSource first = null;
    for (int i = 0; i < n; i++) {
      int b = i * entry;
      long off = wide ? arches.getLong(b + 8) : Integer.toUnsignedLong(arches.getInt(b + 8));
      long size = wide ? arches.getLong(b + 16) : Integer.toUnsignedLong(arches.getInt(b + 12));
      ByteSource slice = src.slice(off, size);
      if (first == null) {
        first = slice;
      }
      names.add(MachOContainer.cpuName(arches.getInt(b)));
    }
    if (first.size() < 16) {
      throw src.corrupt("the first slice of the universal binary is " + first.size() + " bytes");
    }
    ByteBuffer m = first.read(0, 4);
    int mbe = m.getInt(0);
    int mle = m.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    if (mbe != 0xfeedface && mbe != 0xfeedfacf && mle != 0xfeedface && mle != 0xfeedfacf) {
      throw src.corrupt("the first slice of the universal binary is not Mach-O");
    }
    return new GoBinary(src, new MachOContainer(first), List.copyOf(names));
  }

  public String name() {
    return file.name();
  }

  public Container container() {
    return container;
  }

  /** The slice architectures of a universal Mach-O file (empty for a plain file). */
  public List<String> universalArchitectures() {
    return universalArchitectures;
  }

  /** The build info; fails when the file carries none or it cannot be parsed. */
  public synchronized BuildInfo buildInfo() {
    if (buildInfo == null) {
      BuildInfoReader.Raw raw = BuildInfoReader.read(container);
      try {
        buildInfo = BuildInfoText.parse(raw.version(), raw.modinfo());
      } catch (BuildInfoText.ParseException e) {
        throw new NotAGoBinaryException(
            file.name(), NotAGoBinaryException.Problem.CORRUPT_BUILD_INFO, e.getMessage());
      }
    }
    return buildInfo;
  }

  /** Where the build-info blob was found (virtual address and file offset, for reports). */
  long[] buildInfoLocation() {
    BuildInfoReader.Raw raw = BuildInfoReader.read(container);
    return new long[] {raw.blobAddress(), raw.blobOffset()};
  }

  /** The Go build ID, when the binary has one. */
  public Optional<String> buildId() {
    return container.buildId();
  }

  /**
   * The function table: from its section or symbols, else found by scanning the loaded regions for
   * a valid header. Empty when there is none (then linkage questions are "unknown").
   */
  public synchronized Optional<PclnTable> functionTable() {
    if (table == null) {
      table = Optional.ofNullable(locateTable());
    }
    return table;
  }

  private PclnTable locateTable() {
    ByteSource src = container.source();
    Optional<Region> named = container.pclntabRegion();
    if (named.isPresent()) {
      Region r = named.get();
      if (r.offset() < src.size()) {
        long len = Math.min(r.fileSize(), src.size() - r.offset());
        try {
          return PclnTable.parse(src.view(r.offset(), len));
        } catch (PclnTable.InvalidTableException e) {
          // fall through to the scan
        }
      }
    }
    for (Region r : container.pclntabScanRegions()) {
      PclnTable t = scan(r);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  private PclnTable scan(Region r) {
    ByteSource src = container.source();
    if (r.offset() < 0 || r.offset() >= src.size() || r.fileSize() < 16) {
      return null;
    }
    long len = Math.min(r.fileSize(), src.size() - r.offset());
    ByteBuffer b = src.view(r.offset(), len);
    int start = (int) Math.floorMod(-r.address(), 4L);
    int budget = SCAN_CANDIDATES;
    for (int i = start; i + 16 <= b.limit() && budget > 0; i += 4) {
      if (b.get(i + 4) != 0
          || b.get(i + 5) != 0
          || b.get(i + 1) != (byte) 0xff
          || b.get(i + 2) != (byte) 0xff) {
        continue;
      }
      try {
        PclnTable t = PclnTable.parse(b.duplicate().position(i).slice());
        budget--;
        if (!t.entriesAscending()) {
          continue;
        }
        List<String> names = t.functionNames();
        if (!names.isEmpty() && printable(names.get(0))) {
          return t;
        }
      } catch (PclnTable.InvalidTableException e) {
        // not a table here; keep scanning
      }
    }
    return null;
  }

  private static boolean printable(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\ufffd') {
        return false;
      }
    }
    return true;
  }

  /** The function names in table order; empty when there is no function table. */
  public List<String> functionNames() {
    Optional<PclnTable> t = functionTable();
    if (t.isEmpty()) {
      return List.of();
    }
    try {
      return t.get().functionNames();
    } catch (PclnTable.InvalidTableException e) {
      throw file.corrupt("function table: " + e.getMessage());
    }
  }

  /** Every name of the function-name table, inlined callees included. */
  public List<String> nameTable() {
    Optional<PclnTable> t = functionTable();
    if (t.isEmpty()) {
      return List.of();
    }
    try {
      return t.get().nameTable();
    } catch (PclnTable.InvalidTableException e) {
      throw file.corrupt("function name table: " + e.getMessage());
    }
  }

  /**
   * Is {@code function} (e.g. {@code net/http.(*Client).Do}) linked into this binary, as a function
   * or inlined? Names match as stored or with {@code %xx} escapes decoded.
   */
  public synchronized FunctionLinkage linkage(String function) {
    if (functionTable().isEmpty()) {
      return FunctionLinkage.UNKNOWN;
    }
    if (functionSet == null) {
      functionSet = nameSet(functionNames());
      nameSet = nameSet(nameTable());
    }
    if (functionSet.contains(function)) {
      return FunctionLinkage.FUNCTION;
    }
    return nameSet.contains(function) ? FunctionLinkage.INLINED : FunctionLinkage.ABSENT;
  }

  private static Set<String> nameSet(List<String> names) {
    Set<String> out = new HashSet<>(names.size() * 2);
    for (String n : names) {
      out.add(n);
      if (n.indexOf('%') >= 0) {
        out.add(SymbolNames.unescape(n));
      }
    }
    return out;
  }

  @Override
  public void close() {
    file.close();
  }
}
