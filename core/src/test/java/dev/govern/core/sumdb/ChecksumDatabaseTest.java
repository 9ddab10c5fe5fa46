package dev.govern.core.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.ledger.Ed25519Keys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checksum database client on a log built in the test: what it proves, and each way a proxy or
 * a database could lie, refused with one line.
 */
class ChecksumDatabaseTest {
  private static final String PATH = "golang.org/toolchain";
  private static final String VERSION = "v0.0.1-go1.24.3.linux-amd64";
  private static final String H1 = "h1:" + "A".repeat(43) + "=";

  @TempDir Path cache;

  private TestLog log() {
    TestLog log = new TestLog("sum.example.org");
    log.fill(700);
    log.add(TestLog.recordFor(PATH, VERSION, H1));
    log.fill(333);
    return log;
  }

  private ChecksumDatabase db(TestLog log) {
    return new ChecksumDatabase(log.key(), log, cache);
  }

  @Test
  void provesARecordInTheSignedTreeAndKeepsTheTreeAsLatest() {
    TestLog log = log();
    ChecksumDatabase.Proven p = db(log).lookup(PATH, VERSION);
    assertThat(p.lines()).containsExactly(PATH + " " + VERSION + " " + H1);
    assertThat(p.id()).isEqualTo(700);
    assertThat(p.tree()).isEqualTo(new TreeHead(1034, log.treeHash(1034)));
    assertThat(db(log).latest()).isEqualTo(p.tree());
    assertThat(log.fetched).anyMatch(f -> f.startsWith("tile/8/0/002"));
  }

  @Test
  void aFreshCacheStartsFromTheDatabasesNewestTree() {
    TestLog log = log();
    log.fill(2000);
    log.overrides.put("latest", log.treeNote(3034));
    log.servedSize = 1034; // the lookup was answered in an older tree
    log.overrides.put("lookup/" + PATH + "@" + VERSION, log.lookup(700));
    log.servedSize = -1;
    ChecksumDatabase.Proven p = db(log).lookup(PATH, VERSION);
    assertThat(p.tree().size()).isEqualTo(3034);
    assertThat(db(log).latest().size()).isEqualTo(3034);
  }

  @Test
  void aCachedLookupIsProvenAgainWithoutTheNetwork() {
    TestLog log = log();
    db(log).lookup(PATH, VERSION);
    log.fetched.clear();
    ChecksumDatabase.Proven again = db(log).lookup(PATH, VERSION);
    assertThat(again.lines()).hasSize(1);
    assertThat(log.fetched).isEmpty();
  }

  @Test
  void aGrowingTreeIsProvenConsistentWithTheLatestOne() {
    TestLog log = log();
    db(log).lookup(PATH, VERSION);
    log.fill(5000);
    String v2 = "v0.0.1-go1.25.0.linux-amd64";
    log.add(TestLog.recordFor(PATH, v2, H1));
    ChecksumDatabase.Proven p = db(log).lookup(PATH, v2);
    assertThat(p.tree().size()).isEqualTo(6035);
    assertThat(db(log).latest().size()).isEqualTo(6035);
    // an older answer is now proven against the newer tree
    assertThat(cache.resolve("lookup/" + PATH + "@" + VERSION)).exists();
    assertThat(db(log).lookup(PATH, VERSION).tree().size()).isEqualTo(6035);
  }

  @Test
  void refusesANoteWhoseTextWasAltered() {
    TestLog log = log();
    String lookup = new String(log.lookup(700), StandardCharsets.UTF_8);
    String tampered = lookup.replace("\n1034\n", "\n1035\n");
    log.overrides.put("lookup/" + PATH + "@" + VERSION, tampered.getBytes(StandardCharsets.UTF_8));
    assertRefused(
        () -> db(log).lookup(PATH, VERSION), "signature by sum.example.org+", "is invalid");
  }

  @Test
  void refusesANoteSignedByAnotherKey() {
    TestLog log = log();
    TestLog impostor = log();
    impostor.fill(1); // a different tree, signed with the impostor's own key
    assertRefused(
        () -> new ChecksumDatabase(log.key(), impostor, cache).lookup(PATH, VERSION),
        "has no signature by " + log.key().id());
  }

  @Test
  void refusesANoteSignedUnderTheRightNameWithAnotherKey() {
    TestLog log = log();
    byte[] rec = log.records.get(700);
    byte[] forged =
        log.sign(new TreeHead(1034, log.treeHash(1034)).text(), Ed25519Keys.generate(), log.name);
    log.overrides.put(
        "lookup/" + PATH + "@" + VERSION,
        concat(
            ("700\n" + new String(rec, StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8),
            forged));
    assertRefused(() -> db(log).lookup(PATH, VERSION), "has no signature by");
  }

  @Test
  void refusesATileThatDoesNotHashToTheSignedTree() {
    TestLog log = log();
    Tile leaf = Tile.slotOf(8, Tlog.storedHashIndex(0, 700)).tile().parent(0, 1034);
    byte[] bad = log.tileData(leaf);
    bad[5] ^= 1;
    log.overrides.put(leaf.path(), bad);
    assertRefused(() -> db(log).lookup(PATH, VERSION), leaf.path(), "does not match");
  }

  @Test
  void refusesRightEdgeTilesThatDoNotHashToTheSignedTree() {
    TestLog log = log();
    Tile edge = new Tile(8, 1, 0, 4); // 1034 records: four complete level-8 nodes
    byte[] bad = log.tileData(edge);
    bad[40] ^= 1;
    log.overrides.put(edge.path(), bad);
    assertRefused(
        () -> db(log).lookup(PATH, VERSION), "do not hash to the signed tree of size 1034");
  }

  @Test
  void refusesATileOfTheWrongSize() {
    TestLog log = log();
    Tile edge = new Tile(8, 1, 0, 4);
    log.overrides.put(edge.path(), new byte[31]);
    assertRefused(() -> db(log).lookup(PATH, VERSION), edge.path() + " has 31 bytes");
  }

  @Test
  void refusesAForgedRecord() {
    TestLog log = log();
    String forged = "700\n" + TestLog.recordFor(PATH, VERSION, "h1:" + "B".repeat(43) + "=") + "\n";
    log.overrides.put(
        "lookup/" + PATH + "@" + VERSION,
        concat(forged.getBytes(StandardCharsets.UTF_8), log.treeNote(1034)));
    assertRefused(() -> db(log).lookup(PATH, VERSION), "is not the record 700", "forged");
  }

  @Test
  void refusesARecordNumberOutsideTheTree() {
    TestLog log = log();
    String rec = new String(log.records.get(700), StandardCharsets.UTF_8);
    log.overrides.put(
        "lookup/" + PATH + "@" + VERSION,
        concat(("5000\n" + rec + "\n").getBytes(StandardCharsets.UTF_8), log.treeNote(1034)));
    assertRefused(
        () -> db(log).lookup(PATH, VERSION), "record 5000", "not in the signed tree of size 1034");
  }

  @Test
  void refusesTwoSignedTreesThatContradictEachOther() throws Exception {
    TestLog log = log();
    db(log).lookup(PATH, VERSION); // latest: 1034 records
    deleteTree(cache.resolve("tile")); // keep only the signed latest tree
    // the database forks: it rewrites history and signs a bigger tree over it
    TestLog fork = new TestLog(log.name);
    fork.records.addAll(log.records);
    fork.records.set(3, "example.com/evil v1.0.0 h1:evil=\n".getBytes(StandardCharsets.UTF_8));
    fork.fill(99);
    String v2 = "v0.0.1-go1.25.0.linux-amd64";
    long id = fork.add(TestLog.recordFor(PATH, v2, H1));
    ChecksumDatabase forked = new ChecksumDatabase(log.key(), signedBy(fork, log, id), cache);
    assertRefused(() -> forked.lookup(PATH, v2), "contradict each other", "size 1034", "size 1134");
  }

  @Test
  void refusesAStoredLatestNoteThatWasEdited() throws Exception {
    TestLog log = log();
    db(log).lookup(PATH, VERSION);
    Path latest = cache.resolve("latest");
    Files.writeString(latest, Files.readString(latest).replace("1034", "1033"));
    assertRefused(() -> db(log).latest(), latest.toString(), "is invalid");
  }

  @Test
  void aMissingLookupIsNotFound() {
    TestLog log = log();
    assertThatThrownBy(() -> db(log).lookup(PATH, "v0.0.1-go9.9.9.linux-amd64"))
        .isInstanceOf(GovernException.class)
        .extracting(e -> ((GovernException) e).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  /**
   * A log that serves {@code fork}'s tree signed with {@code real}'s key (a database that lies).
   */
  private static ChecksumDatabase.Remote signedBy(TestLog fork, TestLog real, long id) {
    return (path, max) -> {
      if (path.startsWith("lookup/")) {
        byte[] rec = fork.records.get((int) id);
        return concat(
            (id + "\n" + new String(rec, StandardCharsets.UTF_8) + "\n")
                .getBytes(StandardCharsets.UTF_8),
            fork.treeNote(fork.records.size(), real.keys, real.name));
      }
      return fork.get(path, max);
    };
  }

  static void deleteTree(Path root) throws java.io.IOException {
    try (var s = Files.walk(root)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static void assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String... parts) {
    assertThatThrownBy(call)
        .isInstanceOf(VerificationFailed.class)
        .satisfies(
            e -> {
              assertThat(e.getMessage()).doesNotContain("\n");
              for (String p : parts) {
                assertThat(e.getMessage()).contains(p);
              }
              assertThat(((GovernException) e).code()).isEqualTo(ErrorCode.CHECK_FAILED);
            });
  }
}
