package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The Go function table (pclntab) in its four layouts: 1.2 ({@code 0xFFFFFFFB}), 1.16 ({@code
 * 0xFFFFFFFA}), 1.18 ({@code 0xFFFFFFF0}) and 1.20 ({@code 0xFFFFFFF1}). Gives the function names
 * in table order and, from 1.16 on, every name in the function-name table, which also holds the
 * names of inlined callees.
 */
public final class PclnTable {
  /** The table layouts and the Go releases that write them. */
  public enum Layout {
    GO12("go1.2", 0xFFFFFFFB),
    GO116("go1.16", 0xFFFFFFFA),
    GO118("go1.18", 0xFFFFFFF0),
    GO120("go1.20", 0xFFFFFFF1);

    private final String label;
    private final int magic;

    Layout(String label, int magic) {
      this.label = label;
      this.magic = magic;
    }

    public String label() {
      return label;
    }

    public int magic() {
      return magic;
    }

    static Layout ofMagic(int m) {
      for (Layout l : values()) {
        if (l.magic == m) {
          return l;
        }
      }
      return null;
    }
  }

  private final ByteBuffer data;
  private final Layout layout;
  private final ByteOrder order;
  private final int quantum;
  private final int ptrSize;
  private final int nfunc;
  private final long textStart;
  private final long funcnameOffset;
  private final long cuOffset;
  private final long pclnOffset;
  private List<String> functions;
  private List<String> nameTable;

  private PclnTable(
      ByteBuffer data,
      Layout layout,
      ByteOrder order,
      int quantum,
      int ptrSize,
      int nfunc,
      long textStart,
      long funcnameOffset,
      long cuOffset,
      long pclnOffset) {
    this.data = data;
    this.layout = layout;
    this.order = order;
    this.quantum = quantum;
    this.ptrSize = ptrSize;
    this.nfunc = nfunc;
    this.textStart = textStart;
    this.funcnameOffset = funcnameOffset;
    this.cuOffset = cuOffset;
    this.pclnOffset = pclnOffset;
  }

  /** Thrown by {@link #parse} for bytes that are not a valid table header. */
  public static final class InvalidTableException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidTableException(String message) {
      super(message);
    }
  }

  /**
   * Parses the table starting at {@code data}'s position 0 (its limit bounds every offset).
   *
   * @throws InvalidTableException when the header is not a plausible pclntab header
   */
  public static PclnTable parse(ByteBuffer data) throws InvalidTableException {
    ByteBuffer d = data.duplicate();
    if (d.limit() < 16) {
      throw new InvalidTableException("too short for a header");
    }
    int q = d.get(6) & 0xff;
    int ps = d.get(7) & 0xff;
    if (d.get(4) != 0 || d.get(5) != 0 || (q != 1 && q != 2 && q != 4) || (ps != 4 && ps != 8)) {
      throw new InvalidTableException("bad header bytes");
    }
    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    Layout layout = Layout.ofMagic(d.order(order).getInt(0));
    if (layout == null) {
      order = ByteOrder.BIG_ENDIAN;
      layout = Layout.ofMagic(d.order(order).getInt(0));
    }
    if (layout == null) {
      throw new InvalidTableException("bad magic");
    }
    d.order(order);
    long size = d.limit();
    int headerWords =
        switch (layout) {
          case GO12 -> 1;
          case GO116 -> 7;
          case GO118, GO120 -> 8;
        };
    if (8 + (long) headerWords * ps > size) {
      throw new InvalidTableException("header runs past the table");
    }
    long n = word(d, ps, 0);
    if (n <= 0 || n > size) {
      throw new InvalidTableException("implausible function count " + n);
    }
    int nfunc = (int) n;
    long text = 0;
    long funcname = 0;
    long cu = 0;
    long pcln;
    long entrySize;
    switch (layout) {
      case GO12 -> {
        pcln = 8 + ps;
        entrySize = 2L * ps;
      }
      case GO116 -> {
        funcname = word(d, ps, 2);
        cu = word(d, ps, 3);
        pcln = word(d, ps, 6);
        checkIncreasing(size, funcname, cu, word(d, ps, 4), word(d, ps, 5), pcln);
        entrySize = 2L * ps;
      }
      default -> {
        text = word(d, ps, 2);
        funcname = word(d, ps, 3);
        cu = word(d, ps, 4);
        pcln = word(d, ps, 7);
        checkIncreasing(size, funcname, cu, word(d, ps, 5), word(d, ps, 6), pcln);
        entrySize = 8;
      }
    }
    long functabEnd = pcln + (2L * nfunc + 1) * (entrySize / 2);
    if (pcln < 0 || functabEnd > size || functabEnd < pcln) {
      throw new InvalidTableException(
          "function table of " + nfunc + " entries runs past the table");
    }
    return new PclnTable(d, layout, order, q, ps, nfunc, text, funcname, cu, pcln);
  }

  private static void checkIncreasing(long size, long... offs) throws InvalidTableException {
    long prev = 0;
    for (long o : offs) {
      if (o < prev || o > size) {
        throw new InvalidTableException("header offsets out of order or out of bounds");
      }
      prev = o;
    }
  }

  private static long word(ByteBuffer d, int ps, int i) {
    int at = 8 + i * ps;
    return ps == 4 ? Integer.toUnsignedLong(d.getInt(at)) : d.getLong(at);
  }

  public Layout layout() {
    return layout;
  }

  public ByteOrder byteOrder() {
    return order;
  }

  public int quantum() {
    return quantum;
  }

  public int pointerSize() {
    return ptrSize;
  }

  public int functionCount() {
    return nfunc;
  }

  /** {@code runtime.text} as recorded (1.18+; may be 0 in position-independent files). */
  public long textStart() {
    return textStart;
  }

  /**
   * The function names in table (address) order, as stored (the last path element keeps its {@code
   * %2e} escapes).
   *
   * @throws InvalidTableException when a record or name lies outside the table
   */
  public synchronized List<String> functionNames() throws InvalidTableException {
    if (functions == null) {
      List<String> out = new ArrayList<>(nfunc);
      long size = data.limit();
      for (int i = 0; i < nfunc; i++) {
        long nameAt;
        switch (layout) {
          case GO12, GO116 -> {
            long ft = pcln() + (long) i * 2 * ptrSize;
            long funcoff = ptrSize == 4 ? u32(ft + 4) : data.getLong((int) ft + 8);
            long base = layout == Layout.GO12 ? 0 : pclnOffset;
            long f = base + funcoff;
            if (funcoff < 0 || f < 0 || f + ptrSize + 4 > size) {
              throw new InvalidTableException("function record " + i + " lies outside the table");
            }
            long nameoff = data.getInt((int) (f + ptrSize));
            nameAt = (layout == Layout.GO12 ? 0 : funcnameOffset) + nameoff;
          }
          default -> {
            long ft = pclnOffset + (long) i * 8;
            long f = pclnOffset + u32(ft + 4);
            if (f + 8 > size) {
              throw new InvalidTableException("function record " + i + " lies outside the table");
            }
            nameAt = funcnameOffset + data.getInt((int) (f + 4));
          }
        }
        out.add(cstring(nameAt, i));
      }
      functions = Collections.unmodifiableList(out);
    }
    return functions;
  }

  /** Whether the entry addresses never decrease (a check that the header really is a table). */
  public boolean entriesAscending() {
    long prev = Long.MIN_VALUE;
    for (int i = 0; i <= nfunc; i++) {
      long e;
      if (layout == Layout.GO12 || layout == Layout.GO116) {
        long ft = pcln() + (long) i * 2 * ptrSize;
        e = ptrSize == 4 ? u32(ft) : data.getLong((int) ft);
      } else {
        e = u32(pclnOffset + (long) i * 8);
      }
      if (Long.compareUnsigned(e, prev) < 0 && prev != Long.MIN_VALUE) {
        return false;
      }
      prev = e;
    }
    return true;
  }

  private long pcln() {
    return layout == Layout.GO12 ? 8 + ptrSize : pclnOffset;
  }

  /**
   * Every string of the function-name table: function names and the names of functions inlined into
   * them. For the 1.2 layout, which has no separate name table, the function names.
   */
  public synchronized List<String> nameTable() throws InvalidTableException {
    if (nameTable == null) {
      if (layout == Layout.GO12) {
        nameTable = functionNames();
      } else {
        List<String> out = new ArrayList<>();
        int start = (int) funcnameOffset;
        int end = (int) Math.min(cuOffset, data.limit());
        int s = start;
        for (int i = start; i < end; i++) {
          if (data.get(i) == 0) {
            out.add(string(s, i));
            s = i + 1;
          }
        }
        nameTable = Collections.unmodifiableList(out);
      }
    }
    return nameTable;
  }

  private long u32(long at) {
    return Integer.toUnsignedLong(data.getInt((int) at));
  }

  private String cstring(long at, int index) throws InvalidTableException {
    if (at < 0 || at >= data.limit()) {
      throw new InvalidTableException("name of function " + index + " lies outside the table");
    }
    int end = (int) at;
    int limit = data.limit();
    while (end < limit && data.get(end) != 0) {
      end++;
    }
    if (end == limit) {
      throw new InvalidTableException("name of function " + index + " is not terminated");
    }
    return string((int) at, end);
  }

  private String string(int from, int to) {
    byte[] b = new byte[to - from];
    data.get(from, b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
