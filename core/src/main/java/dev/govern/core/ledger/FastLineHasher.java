package dev.govern.core.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The verifier's fast path: hashes a ledger line straight from its bytes, feeding the canonical
 * form to SHA-256 without building objects. It handles the lines govern itself writes (ASCII,
 * canonical escapes, integers, nested objects); for anything else it declines and the verifier
 * takes the general path ({@link CanonicalJson}), which gives the same hash.
 */
final class FastLineHasher {
  private static final int MAX_MEMBERS = 24;
  private static final byte[] NAME_END = {'"', ':'};

  /** What the fast path read from a line. */
  static final class Result {
    long seq;
    String hash;
    String prev;
    String operator;
    String sig;
    String computedHash;
  }

  private static final class Obj {
    final int[] nameStart = new int[MAX_MEMBERS];
    final int[] nameLen = new int[MAX_MEMBERS];
    final int[] valStart = new int[MAX_MEMBERS];
    final int[] valLen = new int[MAX_MEMBERS];
    final Obj[] child = new Obj[MAX_MEMBERS];
    final boolean[] isNull = new boolean[MAX_MEMBERS];
    int n;

    Obj reset() {
      java.util.Arrays.fill(child, 0, n, null);
      java.util.Arrays.fill(isNull, 0, n, false);
      n = 0;
      return this;
    }
  }

  /** Per-thread scratch objects, reused line after line (verify allocates little per entry). */
  private static final class Scratch {
    final java.util.ArrayList<Obj> objs = new java.util.ArrayList<>();
    int used;
    byte[] out = new byte[2048];
    final boolean[] skip = new boolean[MAX_MEMBERS];
    final int[][] order = new int[6][MAX_MEMBERS];

    Obj obj() {
      if (used == objs.size()) {
        objs.add(new Obj());
      }
      return objs.get(used++).reset();
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private final byte[] b;
  private int p;
  private final int end;

  private final Scratch scratch;

  private FastLineHasher(byte[] b, int off, int len) {
    this.b = b;
    this.p = off;
    this.end = off + len;
    this.scratch = SCRATCH.get();
    scratch.used = 0;
  }

  /** Hashes the line, or returns null when it is not in the form the fast path handles. */
  static Result hash(byte[] bytes, int off, int len, MessageDigest md) {
    FastLineHasher h = new FastLineHasher(bytes, off, len);
    try {
      h.ws();
      Obj top = h.object(0);
      h.ws();
      if (top == null || h.p != h.end) {
        return null;
      }
      return h.result(top, md);
    } catch (ArrayIndexOutOfBoundsException e) {
      return null;
    }
  }

  private Result result(Obj top, MessageDigest md) {
    Result r = new Result();
    int prevIdx = -1;
    boolean[] skip = scratch.skip;
    java.util.Arrays.fill(skip, false);
    boolean haveSeq = false;
    for (int i = 0; i < top.n; i++) {
      switch (known(top, i)) {
        case "seq" -> {
          if (top.child[i] != null || b[top.valStart[i]] == '"' || top.isNull[i]) {
            return null;
          }
          r.seq = Long.parseLong(ascii(top.valStart[i], top.valLen[i]));
          haveSeq = true;
        }
        case "hash" -> {
          r.hash = plainString(top, i);
          skip[i] = true;
          if (r.hash == null) {
            return null;
          }
        }
        case "sig" -> {
          skip[i] = true;
          if (!top.isNull[i]) {
            r.sig = plainString(top, i);
            if (r.sig == null) {
              return null;
            }
          }
        }
        case "prev" -> {
          r.prev = plainString(top, i);
          prevIdx = i;
          if (r.prev == null) {
            return null;
          }
        }
        case "operator" -> {
          r.operator = plainString(top, i);
          if (r.operator == null) {
            return null;
          }
        }
        default -> {}
      }
    }
    if (!haveSeq || r.hash == null || prevIdx < 0) {
      return null;
    }
    if (r.operator == null) {
      r.operator = "";
    }
    out = scratch.out;
    outLen = 0;
    put(b, top.valStart[prevIdx] + 1, top.valLen[prevIdx] - 2);
    put((byte) '\n');
    if (!emit(top, skip, 0)) {
      return null;
    }
    scratch.out = out;
    md.reset();
    md.update(out, 0, outLen);
    byte[] digest = md.digest();
    r.computedHash = matchesHex(digest, r.hash) ? r.hash : HexFormat.of().formatHex(digest);
    return r;
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Whether {@code hex} is the lower-case hex of {@code digest} (no String is built). */
  private static boolean matchesHex(byte[] digest, String hex) {
    if (hex.length() != digest.length * 2) {
      return false;
    }
    for (int i = 0; i < digest.length; i++) {
      if (hex.charAt(2 * i) != HEX[(digest[i] >> 4) & 0xf]
          || hex.charAt(2 * i + 1) != HEX[digest[i] & 0xf]) {
        return false;
      }
    }
    return true;
  }

  private byte[] out;
  private int outLen;

  private void put(byte c) {
    if (outLen == out.length) {
      out = java.util.Arrays.copyOf(out, out.length * 2);
    }
    out[outLen++] = c;
  }

  private void put(byte[] src, int off, int len) {
    if (outLen + len > out.length) {
      out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, outLen + len));
    }
    System.arraycopy(src, off, out, outLen, len);
    outLen += len;
  }

  /** Writes the canonical form of {@code o} (members sorted, nulls and skipped left out). */
  private boolean emit(Obj o, boolean[] skip, int depth) {
    int[] order = scratch.order[depth];
    int k = 0;
    for (int i = 0; i < o.n; i++) {
      if (!o.isNull[i] && (skip == null || !skip[i])) {
        order[k++] = i;
      }
    }
    for (int i = 1; i < k; i++) {
      int x = order[i];
      int j = i - 1;
      while (j >= 0 && compareNames(o, order[j], x) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = x;
    }
    for (int i = 1; i < k; i++) {
      if (compareNames(o, order[i - 1], order[i]) == 0) {
        return false; // duplicate member: the general path reports it
      }
    }
    put((byte) '{');
    for (int i = 0; i < k; i++) {
      int m = order[i];
      if (i > 0) {
        put((byte) ',');
      }
      put(b, o.nameStart[m] - 1, o.nameLen[m] + 1);
      put(NAME_END, 0, 2);
      if (o.child[m] != null) {
        if (!emit(o.child[m], null, depth + 1)) {
          return false;
        }
      } else {
        put(b, o.valStart[m], o.valLen[m]);
      }
    }
    put((byte) '}');
    return true;
  }

  private int compareNames(Obj o, int x, int y) {
    return java.util.Arrays.compare(
        b,
        o.nameStart[x],
        o.nameStart[x] + o.nameLen[x],
        b,
        o.nameStart[y],
        o.nameStart[y] + o.nameLen[y]);
  }

  private Obj object(int depth) {
    if (depth > 4 || b[p] != '{') {
      return null;
    }
    p++;
    Obj o = scratch.obj();
    ws();
    if (b[p] == '}') {
      p++;
      return o;
    }
    while (true) {
      if (o.n == MAX_MEMBERS) {
        return null;
      }
      ws();
      if (b[p] != '"') {
        return null;
      }
      int s = p;
      if (!string() || hasBackslash(s, p)) {
        return null;
      }
      int i = o.n++;
      o.nameStart[i] = s + 1;
      o.nameLen[i] = p - s - 2;
      ws();
      if (b[p++] != ':') {
        return null;
      }
      ws();
      int vs = p;
      byte c = b[p];
      if (c == '{') {
        o.child[i] = object(depth + 1);
        if (o.child[i] == null) {
          return null;
        }
      } else if (c == '"') {
        if (!string()) {
          return null;
        }
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        if (!number()) {
          return null;
        }
      } else if (literal("true") || literal("false")) {
        // kept raw
      } else if (literal("null")) {
        o.isNull[i] = true;
      } else {
        return null;
      }
      o.valStart[i] = vs;
      o.valLen[i] = p - vs;
      ws();
      if (b[p] == ',') {
        p++;
        continue;
      }
      if (b[p] == '}') {
        p++;
        return o;
      }
      return null;
    }
  }

  /** Scans a string in canonical form (ASCII, canonical escapes only); p ends after the quote. */
  private boolean string() {
    p++;
    while (true) {
      byte c = b[p++];
      if (c == '"') {
        return true;
      }
      if (c < 0x20) {
        return false; // control character or non-ASCII byte: general path
      }
      if (c == '\\') {
        byte e = b[p++];
        switch (e) {
          case '"', '\\', 'b', 'f', 'n', 'r', 't' -> {}
          case 'u' -> {
            if (b[p] != '0' || b[p + 1] != '0' || !(b[p + 2] == '0' || b[p + 2] == '1')) {
              return false;
            }
            int lo = hex(b[p + 3]);
            int v = (b[p + 2] - '0') * 16 + lo;
            if (lo < 0 || v == 8 || v == 9 || v == 10 || v == 12 || v == 13) {
              return false;
            }
            p += 4;
          }
          default -> {
            return false;
          }
        }
      }
    }
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  private boolean number() {
    int s = p;
    if (b[p] == '-') {
      p++;
    }
    int d = p;
    while (p < end && b[p] >= '0' && b[p] <= '9') {
      p++;
    }
    int digits = p - d;
    if (digits == 0 || digits > 18 || (digits > 1 && b[d] == '0')) {
      return false;
    }
    if (b[s] == '-' && digits == 1 && b[d] == '0') {
      return false;
    }
    return p >= end || (b[p] != '.' && b[p] != 'e' && b[p] != 'E');
  }

  private boolean literal(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (p + i >= end || b[p + i] != word.charAt(i)) {
        return false;
      }
    }
    p += word.length();
    return true;
  }

  private void ws() {
    while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r' || b[p] == '\n')) {
      p++;
    }
  }

  private boolean hasBackslash(int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\\') {
        return true;
      }
    }
    return false;
  }

  private static final String[] KNOWN = {"seq", "hash", "sig", "prev", "operator"};

  /** The member's name when it is one the fast path reads, else "" (no String per member). */
  private String known(Obj o, int i) {
    int len = o.nameLen[i];
    int s = o.nameStart[i];
    for (String k : KNOWN) {
      if (k.length() == len) {
        boolean eq = true;
        for (int j = 0; j < len && eq; j++) {
          eq = b[s + j] == k.charAt(j);
        }
        if (eq) {
          return k;
        }
      }
    }
    return "";
  }

  /** A string member without escapes, or null. */
  private String plainString(Obj o, int i) {
    int s = o.valStart[i];
    int len = o.valLen[i];
    if (o.child[i] != null || b[s] != '"' || hasBackslash(s, s + len)) {
      return null;
    }
    return ascii(s + 1, len - 2);
  }

  private String ascii(int s, int len) {
    return new String(b, s, len, StandardCharsets.ISO_8859_1);
  }
}
