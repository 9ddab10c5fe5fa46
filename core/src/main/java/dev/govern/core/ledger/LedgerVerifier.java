package dev.govern.core.ledger;

import dev.govern.core.ledger.TrustedKeys.Status;
import dev.govern.core.ledger.Verification.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Checks a ledger: every entry's hash against its content, the chain of {@code prev} hashes, the
 * seq order, the signatures, and the signed checkpoints. Hashing and signature checks run in
 * parallel (they depend on one line each); the chain is then walked in order and the first bad
 * position is classified.
 */
public final class LedgerVerifier {
  /**
   * Checks one signature; the default asks {@link TrustedKeys}. A store whose entries are signed by
   * one authority for many operators (the team server signs for the token holder it authenticated)
   * passes its own check.
   */
  @FunctionalInterface
  public interface SignatureCheck {
    Status check(String sig, byte[] message, String operator);
  }

  private static final int PARALLEL_THRESHOLD = 512;

  private final SignatureCheck signatures;
  private final boolean requireSignatures;

  public LedgerVerifier(TrustedKeys keys, LedgerPolicy policy) {
    this(keys::check, policy.requireSignatures());
  }

  public LedgerVerifier(SignatureCheck signatures, boolean requireSignatures) {
    this.signatures = signatures;
    this.requireSignatures = requireSignatures;
  }

  /** What one line says, computed independently of the others. */
  private static final class Line {
    long seq = -1;
    String error;
    String storedHash;
    String computedHash;
    String prev;
    String operator;
    Status sig;
    String sigKey;
  }

  public Verification verify(Ledger ledger) {
    Ledger.Snapshot s = ledger.snapshot();
    return verify(s.bytes(), s.checkpointLines());
  }

  /** Verifies entries given as lines (without newlines), as a database store keeps them. */
  public Verification verifyLines(List<String> lines, List<String> checkpointLines) {
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(lines.size() * 400);
    for (String line : lines) {
      byte[] b = utf8(line);
      all.write(b, 0, b.length);
      all.write('\n');
    }
    return verify(all.toByteArray(), checkpointLines);
  }

  public Verification verify(byte[] bytes, List<String> checkpointLines) {
    int[] starts = new int[Math.max(16, bytes.length / 256)];
    int n = 0;
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        if (n + 1 >= starts.length) {
          starts = java.util.Arrays.copyOf(starts, starts.length * 2);
        }
        starts[n++] = start;
        start = i + 1;
      }
    }
    starts[n] = start;
    final int[] lineStarts = starts;
    boolean torn = start < bytes.length;
    Line[] lines = new Line[n];
    IntStream idx = IntStream.range(0, n);
    if (n >= PARALLEL_THRESHOLD) {
      idx = idx.parallel();
    }
    idx.forEach(
        i -> lines[i] = examine(bytes, lineStarts[i], lineStarts[i + 1] - lineStarts[i] - 1));

    List<String> notes = new ArrayList<>();
    List<Long> unsigned = new ArrayList<>();
    Problem problem = null;
    String expectPrev = LedgerEntry.GENESIS;
    int good = 0;

    for (int i = 0; i < n && problem == null; i++) {
      Line l = lines[i];
      long e = i + 1L;
      if (l.error != null) {
        problem =
            new Problem(Tamper.EDITED, e, "line " + e + " is not a valid ledger entry: " + l.error);
      } else if (!l.storedHash.equals(l.computedHash)) {
        problem =
            new Problem(
                Tamper.EDITED, e, "seq " + e + " was edited: its content does not match its hash");
      } else if (l.seq != e || !l.prev.equals(expectPrev)) {
        problem = outOfPlace(lines, i);
      } else {
        problem = signatureProblem(l, e, unsigned);
      }
      if (problem == null) {
        expectPrev = l.storedHash;
        good = i + 1;
      }
    }

    long cpSeq = 0;
    Problem cpProblem = null;
    for (String raw : checkpointLines) {
      if (raw.isBlank()) {
        continue;
      }
      Checkpoint cp;
      try {
        cp = Checkpoint.fromMap(CanonicalJson.parseObject(raw));
      } catch (IllegalArgumentException ex) {
        notes.add("an unreadable checkpoint line was ignored: " + ex.getMessage());
        continue;
      }
      Status s = signatures.check(cp.sig(), cp.signedBytes(), cp.operator());
      Problem p = null;
      switch (s) {
        case VALID -> {}
        case UNSIGNED -> {
          if (requireSignatures) {
            notes.add("an unsigned checkpoint for seq " + cp.seq() + " was ignored");
            continue;
          }
        }
        case UNKNOWN_KEY, WRONG_OPERATOR ->
            p =
                new Problem(
                    Tamper.FORGED,
                    cp.seq(),
                    "the checkpoint for seq " + cp.seq() + " is signed by an untrusted key");
        case BAD ->
            p =
                new Problem(
                    Tamper.BAD_SIGNATURE,
                    cp.seq(),
                    "the checkpoint for seq " + cp.seq() + " has a bad signature");
      }
      if (p == null && cp.seq() <= n && cp.seq() >= 1) {
        Line l = lines[(int) cp.seq() - 1];
        if (l.error == null && !cp.hash().equals(l.storedHash) && l.seq == cp.seq()) {
          p =
              new Problem(
                  Tamper.EDITED,
                  cp.seq(),
                  "seq " + cp.seq() + " differs from its signed checkpoint: history was rewritten");
        }
      }
      if (p != null) {
        if (cpProblem == null || p.seq() < cpProblem.seq()) {
          cpProblem = p;
        }
        continue;
      }
      cpSeq = Math.max(cpSeq, cp.seq());
    }
    if (cpProblem != null && (problem == null || cpProblem.seq() < problem.seq())) {
      problem = cpProblem;
    }
    if (problem == null && cpSeq > n) {
      problem =
          new Problem(
              Tamper.TRUNCATED,
              n + 1L,
              "the ledger ends at seq "
                  + n
                  + " but a signed checkpoint covers seq "
                  + cpSeq
                  + ": entries were cut off");
    }
    if (problem == null && torn) {
      problem =
          new Problem(
              Tamper.TORN_TAIL,
              n + 1L,
              "seq "
                  + (n + 1)
                  + " is torn: "
                  + (bytes.length - start)
                  + " bytes without a newline (a writer died mid-append); run 'govern audit repair'");
    }
    String head = good == 0 ? LedgerEntry.GENESIS : lines[good - 1].storedHash;
    return new Verification(n, head, problem, List.copyOf(unsigned), cpSeq, List.copyOf(notes));
  }

  /** Classifies line {@code i}, whose seq or prev is not what the chain expects. */
  private Problem outOfPlace(Line[] lines, int i) {
    Line l = lines[i];
    long e = i + 1L;
    int copies = 0;
    boolean expectedSeqLater = false;
    for (int j = 0; j < lines.length; j++) {
      Line o = lines[j];
      if (o.error == null) {
        copies += o.storedHash.equals(l.storedHash) ? 1 : 0;
        expectedSeqLater |= j > i && o.seq == e;
      }
    }
    if (copies > 1) {
      return new Problem(
          Tamper.DUPLICATED,
          e,
          "seq " + l.seq + " appears twice (found where seq " + e + " belongs)");
    }
    if (l.seq > e) {
      if (expectedSeqLater) {
        return new Problem(
            Tamper.REORDERED, e, "seq " + l.seq + " appears where seq " + e + " belongs");
      }
      return new Problem(
          Tamper.REMOVED,
          e,
          "seq "
              + e
              + (l.seq > e + 1 ? "-" + (l.seq - 1) : "")
              + " removed: seq "
              + l.seq
              + " follows seq "
              + (e - 1));
    }
    if (l.seq < e) {
      return new Problem(
          Tamper.REORDERED, e, "seq " + l.seq + " appears where seq " + e + " belongs");
    }
    // right seq, self-consistent hash, wrong predecessor: the chain was rewritten before it
    Problem sig = signatureProblem(l, e, new ArrayList<>());
    if (sig != null && sig.kind() != Tamper.UNSIGNED) {
      return sig;
    }
    long bad = Math.max(1, e - 1);
    return new Problem(
        Tamper.EDITED,
        bad,
        "seq " + bad + " was rewritten: seq " + e + " does not chain to it (prev differs)");
  }

  private Problem signatureProblem(Line l, long e, List<Long> unsigned) {
    return switch (l.sig) {
      case VALID -> null;
      case UNSIGNED -> {
        unsigned.add(e);
        yield requireSignatures
            ? new Problem(
                Tamper.UNSIGNED,
                e,
                "seq " + e + " is unsigned and the governance file requires signatures")
            : null;
      }
      case UNKNOWN_KEY ->
          new Problem(Tamper.FORGED, e, "seq " + e + " is signed by an unknown key " + l.sigKey);
      case WRONG_OPERATOR ->
          new Problem(
              Tamper.FORGED,
              e,
              "seq "
                  + e
                  + " names operator "
                  + l.operator
                  + " but is signed by another's key "
                  + l.sigKey);
      case BAD -> new Problem(Tamper.BAD_SIGNATURE, e, "seq " + e + " has a bad signature");
    };
  }

  private static final byte[] NO_MESSAGE = new byte[0];

  private static final ThreadLocal<java.security.MessageDigest> DIGEST =
      ThreadLocal.withInitial(LedgerEntry::sha256);

  private Line examine(byte[] bytes, int off, int len) {
    Line l = new Line();
    FastLineHasher.Result fast = FastLineHasher.hash(bytes, off, len, DIGEST.get());
    if (fast != null) {
      l.seq = fast.seq;
      l.storedHash = fast.hash;
      l.prev = fast.prev;
      l.operator = fast.operator;
      l.computedHash = fast.computedHash;
      if (l.computedHash.equals(l.storedHash)) {
        l.sig =
            fast.sig == null
                ? signatures.check(null, NO_MESSAGE, l.operator)
                : signatures.check(fast.sig, HexFormat.of().parseHex(fast.hash), l.operator);
        l.sigKey = fast.sig == null ? null : fast.sig.split(":", 2)[0];
      }
      return l;
    }
    try {
      Map<String, Object> m = CanonicalJson.parseObject(bytes, off, len);
      Object seq = m.get("seq");
      Object hash = m.remove("hash");
      Object sig = m.remove("sig");
      Object prev = m.get("prev");
      Object op = m.get("operator");
      if (!(seq instanceof Long s)) {
        throw new CanonicalJson.MalformedJsonException("missing or non-integer \"seq\"");
      }
      if (!(hash instanceof String h) || !(prev instanceof String p)) {
        throw new CanonicalJson.MalformedJsonException("missing \"hash\" or \"prev\"");
      }
      if (sig != null && !(sig instanceof String)) {
        throw new CanonicalJson.MalformedJsonException("\"sig\" is not a string");
      }
      l.seq = s;
      l.storedHash = h;
      l.prev = p;
      l.operator = op instanceof String o ? o : "";
      l.computedHash = LedgerEntry.hashOf(p, CanonicalJson.canonicalBytes(m));
      if (l.computedHash.equals(h)) {
        l.sig = signatures.check((String) sig, HexFormat.of().parseHex(h), l.operator);
        l.sigKey = sig == null ? null : ((String) sig).split(":", 2)[0];
      }
    } catch (IllegalArgumentException ex) {
      l.error = ex.getMessage();
    }
    return l;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
