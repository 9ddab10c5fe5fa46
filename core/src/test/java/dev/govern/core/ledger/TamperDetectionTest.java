package dev.govern.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.govern.core.ledger.TrustedKeys.Status;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Randomized tampering: over a signed ledger of a few hundred entries with a checkpoint at its
 * head, each trial applies one kind of damage and checks that verify names the right kind and the
 * right first bad seq. Reproduce a failure with {@code -Dtamper.seed=<seed>}.
 */
class TamperDetectionTest {
  private static final int ENTRIES = 250;
  private static final int TRIALS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] ACTIONS = {
    "install", "uninstall", "use-default", "rollback", "pin", "env-set"
  };

  @TempDir static Path dir;

  private static List<String> lines;
  private static List<String> checkpoints;
  private static SigningKey alice;
  private static SigningKey mallory;
  private static LedgerVerifier verifier;

  enum Op {
    EDIT_FIELD,
    ADD_FIELD,
    DELETE,
    SWAP,
    DUPLICATE,
    TRUNCATE,
    FORGE_APPEND,
    FORGE_REPLACE,
    FORGE_INSERT,
    ALTER_SIGNATURE,
    STRIP_SIGNATURE
  }

  private record Expect(Tamper kind, long seq) {}

  @BeforeAll
  static void buildLedger() throws Exception {
    KeyFolder keys = new KeyFolder(dir.resolve("keys"));
    alice = keys.generate("alice@ci", false);
    mallory = new KeyFolder(dir.resolve("elsewhere")).generate("alice@ci", false);
    // built in memory with the ledger's own entry code (no fsync per line: fast to set up)
    Random r = new Random(42);
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    lines = new ArrayList<>();
    String prev = LedgerEntry.GENESIS;
    for (int i = 0; i < ENTRIES; i++) {
      Evidence ev =
          r.nextBoolean()
              ? Evidence.of("go version", r.nextInt(3), "go version go1.22." + i + "\n")
              : null;
      LedgerEntry e =
          new LedgerEntry(
                  i + 1,
                  Ledger.TIME.format(t.plusSeconds(i)),
                  "alice@ci",
                  ACTIONS[r.nextInt(ACTIONS.length)],
                  "env:" + (i % 3 == 0 ? "prod" : "staging"),
                  i % 5 == 0 ? null : "go1.21." + i,
                  "go1.22." + i,
                  "reason " + i + (i % 7 == 0 ? " with \"quotes\" and é" : ""),
                  ev,
                  prev,
                  null,
                  null)
              .withComputedHash();
      e = e.withSig(alice.sign(e.hash()));
      lines.add(e.toLine());
      prev = e.hash();
    }
    Checkpoint cp =
        new Checkpoint(ENTRIES, prev, Ledger.TIME.format(t.plusSeconds(ENTRIES)), "alice@ci", null)
            .signedBy(alice);
    checkpoints = List.of(cp.toLine());
    TrustedKeys trusted = new TrustedKeys(keys.trusted());
    Map<String, Status> memo = new ConcurrentHashMap<>();
    verifier =
        new LedgerVerifier(
            (sig, msg, op) ->
                memo.computeIfAbsent(
                    sig + "|" + HexFormat.of().formatHex(msg) + "|" + op,
                    k -> trusted.check(sig, msg, op)),
            true);
  }

  @Test
  void untouchedLedgerIsIntact() {
    Verification v = verify(lines);
    assertThat(v.intact()).as("%s", v.problem()).isTrue();
    assertThat(v.entries()).isEqualTo(ENTRIES);
    assertThat(v.checkpointSeq()).isEqualTo(ENTRIES);
  }

  @Test
  void everyRandomTamperingIsDetectedAndClassified() throws Exception {
    long seed = Long.getLong("tamper.seed", System.nanoTime());
    Random r = new Random(seed);
    Map<Op, Integer> counts = new EnumMap<>(Op.class);
    for (int trial = 0; trial < TRIALS; trial++) {
      Op op = Op.values()[r.nextInt(Op.values().length)];
      List<String> copy = new ArrayList<>(lines);
      byte[][] out = new byte[1][];
      Expect expect = tamper(op, copy, r, out);
      byte[] bytes = out[0] != null ? out[0] : join(copy);
      Verification v = verifier.verify(bytes, checkpoints);
      assertThat(v.problem())
          .as("seed %d trial %d %s: expected %s", seed, trial, op, expect)
          .isNotNull();
      assertThat(v.problem().kind())
          .as("seed %d trial %d %s: %s", seed, trial, op, v.problem())
          .isEqualTo(expect.kind());
      assertThat(v.problem().seq())
          .as("seed %d trial %d %s: %s", seed, trial, op, v.problem())
          .isEqualTo(expect.seq());
      counts.merge(op, 1, Integer::sum);
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrder(Op.values());
  }

  private Expect tamper(Op op, List<String> l, Random r, byte[][] out) throws Exception {
    int n = l.size();
    switch (op) {
      case EDIT_FIELD -> {
        int k = r.nextInt(n);
        ObjectNode o = (ObjectNode) JSON.readTree(l.get(k));
        List<String> fields = new ArrayList<>();
        o.fieldNames().forEachRemaining(f -> fields.add(f));
        fields.remove("sig");
        if (o.has("evidence")) {
          fields.add("evidence.command");
          fields.add("evidence.exitCode");
          fields.add("evidence.head");
        }
        String f = fields.get(r.nextInt(fields.size()));
        switch (f) {
          case "seq" -> o.put("seq", o.get("seq").asLong() + 1 + r.nextInt(5));
          case "hash", "prev" -> {
            char[] h = o.get(f).asText().toCharArray();
            int i = r.nextInt(h.length);
            h[i] = h[i] == 'a' ? 'b' : 'a';
            o.put(f, new String(h));
          }
          case "evidence.exitCode" -> {
            ObjectNode ev = (ObjectNode) o.get("evidence");
            ev.put("exitCode", ev.get("exitCode").asInt() + 1);
          }
          case "evidence.command", "evidence.head" -> {
            ObjectNode ev = (ObjectNode) o.get("evidence");
            String sub = f.substring("evidence.".length());
            ev.put(sub, ev.get(sub).asText() + "x");
          }
          default -> o.put(f, o.get(f).asText() + (r.nextBoolean() ? "x" : " "));
        }
        l.set(k, JSON.writeValueAsString(o));
        return new Expect(Tamper.EDITED, k + 1);
      }
      case ADD_FIELD -> {
        int k = r.nextInt(n);
        ObjectNode o = (ObjectNode) JSON.readTree(l.get(k));
        o.put("approvedBy", "mallory");
        l.set(k, JSON.writeValueAsString(o));
        return new Expect(Tamper.EDITED, k + 1);
      }
      case DELETE -> {
        int k = r.nextInt(n);
        l.remove(k);
        return k == n - 1 ? new Expect(Tamper.TRUNCATED, n) : new Expect(Tamper.REMOVED, k + 1);
      }
      case SWAP -> {
        int i = r.nextInt(n - 1);
        int j = i + 1 + r.nextInt(n - 1 - i);
        String a = l.get(i);
        l.set(i, l.get(j));
        l.set(j, a);
        return new Expect(Tamper.REORDERED, i + 1);
      }
      case DUPLICATE -> {
        int k = r.nextInt(n);
        int p = r.nextInt(n + 1);
        l.add(p, l.get(k));
        return new Expect(Tamper.DUPLICATED, p == k ? k + 2 : p + 1);
      }
      case TRUNCATE -> {
        byte[] all = join(l);
        int cut = r.nextInt(all.length);
        int complete = 0;
        for (int i = 0; i < cut; i++) {
          complete += all[i] == '\n' ? 1 : 0;
        }
        out[0] = java.util.Arrays.copyOf(all, cut);
        return new Expect(Tamper.TRUNCATED, complete + 1);
      }
      case FORGE_APPEND -> {
        LedgerEntry last = entry(l.get(n - 1));
        LedgerEntry f = forged(n + 1, last.hash(), "quietly switched prod");
        l.add(f.toLine());
        return new Expect(Tamper.FORGED, n + 1);
      }
      case FORGE_REPLACE, FORGE_INSERT -> {
        int k = n - 1 - r.nextInt(Math.min(n, 40));
        String prev = k == 0 ? LedgerEntry.GENESIS : entry(l.get(k - 1)).hash();
        LedgerEntry f = forged(k + 1, prev, "rewritten history");
        if (op == Op.FORGE_REPLACE) {
          l.set(k, f.toLine());
        } else {
          l.add(k, f.toLine());
        }
        // re-chain everything after it: the next few signed with the attacker's key (signing is
        // slow in the JDK, and only the first forged entry decides the verdict), the rest unsigned
        String h = f.hash();
        for (int i = k + 1; i < l.size(); i++) {
          LedgerEntry e = entry(l.get(i));
          LedgerEntry moved =
              new LedgerEntry(
                      i + 1,
                      e.time(),
                      e.operator(),
                      e.action(),
                      e.subject(),
                      e.from(),
                      e.to(),
                      e.reason(),
                      e.evidence(),
                      h,
                      null,
                      null)
                  .withComputedHash();
          if (i <= k + 2) {
            moved = moved.withSig(mallorySign(moved.hash()));
          }
          l.set(i, moved.toLine());
          h = moved.hash();
        }
        return new Expect(Tamper.FORGED, k + 1);
      }
      case ALTER_SIGNATURE -> {
        int k = r.nextInt(n);
        ObjectNode o = (ObjectNode) JSON.readTree(l.get(k));
        String[] parts = o.get("sig").asText().split(":", 2);
        byte[] sig = Base64.getDecoder().decode(parts[1]);
        sig[r.nextInt(sig.length)] ^= (byte) (1 + r.nextInt(255));
        o.put("sig", parts[0] + ":" + Base64.getEncoder().encodeToString(sig));
        l.set(k, JSON.writeValueAsString(o));
        return new Expect(Tamper.BAD_SIGNATURE, k + 1);
      }
      case STRIP_SIGNATURE -> {
        int k = r.nextInt(n);
        ObjectNode o = (ObjectNode) JSON.readTree(l.get(k));
        o.remove("sig");
        l.set(k, JSON.writeValueAsString(o));
        return new Expect(Tamper.UNSIGNED, k + 1);
      }
    }
    throw new IllegalStateException(op.toString());
  }

  private static LedgerEntry forged(long seq, String prev, String reason) {
    LedgerEntry e =
        new LedgerEntry(
                seq,
                "2024-02-01T00:00:00.000Z",
                "alice@ci",
                "use-default",
                "env:prod",
                "go1.22.5",
                "go1.19.1",
                reason,
                null,
                prev,
                null,
                null)
            .withComputedHash();
    return e.withSig(mallorySign(e.hash()));
  }

  private static final Map<String, String> MALLORY_SIGS = new ConcurrentHashMap<>();

  /** Ed25519 is deterministic: the same forged hash always gets the same signature. */
  private static String mallorySign(String hash) {
    return MALLORY_SIGS.computeIfAbsent(hash, mallory::sign);
  }

  private static LedgerEntry entry(String line) {
    return LedgerEntry.fromMap(CanonicalJson.parseObject(line));
  }

  private static Verification verify(List<String> l) {
    return verifier.verify(join(l), checkpoints);
  }

  private static byte[] join(List<String> l) {
    StringBuilder sb = new StringBuilder();
    for (String s : l) {
      sb.append(s).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static Set<Op> ops() {
    return Set.of(Op.values());
  }
}
