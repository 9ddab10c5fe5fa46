package dev.govern.core.sumdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The log arithmetic against brute force on small trees. */
class TlogPropertiesTest {
  private static final TestLog LOG = new TestLog("t.example").fill(3000);

  @Property(tries = 300)
  void nodeIsTheInverseOfStoredHashIndex(
      @ForAll @IntRange(max = 40) int level, @ForAll @LongRange(max = 1L << 20) long n) {
    assertThat(Tlog.node(Tlog.storedHashIndex(level, n))).isEqualTo(new Tlog.Node(level, n));
  }

  @Property(tries = 50)
  void storedHashIndexCountsHashesInTheOrderTheyAreWritten(
      @ForAll @IntRange(min = 1, max = 600) int size) {
    List<Tlog.Node> written = new ArrayList<>();
    for (long n = 0; n < size; n++) {
      written.add(new Tlog.Node(0, n));
      long m = n;
      for (int level = 1; (m & 1) == 1; level++) {
        m >>= 1;
        written.add(new Tlog.Node(level, m));
      }
    }
    for (int i = 0; i < written.size(); i++) {
      Tlog.Node w = written.get(i);
      assertThat(Tlog.storedHashIndex(w.level(), w.n())).isEqualTo(i);
    }
  }

  @Property(tries = 200)
  void anyStoredHashReadFromItsTileIsTheNodesHash(
      @ForAll @IntRange(min = 1, max = 3000) int size,
      @ForAll @LongRange(max = 1L << 40) long pick) {
    long x = pick % Tlog.storedHashIndex(0, size);
    Tlog.Node node = Tlog.node(x);
    Tile t = Tile.slotOf(8, x).tile().parent(0, size);
    assertThat(t.hashAt(LOG.tileData(t), x)).isEqualTo(LOG.node(node.level(), node.n()));
  }

  @Property(tries = 100)
  void tilesProveTreeHashesOfEveryPrefix(
      @ForAll @IntRange(min = 1, max = 3000) int size,
      @ForAll @IntRange(min = 1, max = 3000) int prefix) {
    int older = Math.min(prefix, size);
    TileHashReader r =
        new TileHashReader(new TreeHead(size, LOG.treeHash(size)), 8, t -> LOG.tileData(t));
    assertThat(r.treeHash(older)).isEqualTo(LOG.treeHash(older));
  }

  @Property(tries = 100)
  void tilePathsRoundTrip(
      @ForAll @IntRange(min = 1, max = 30) int h,
      @ForAll @IntRange(max = 63) int l,
      @ForAll @LongRange(max = Long.MAX_VALUE >> 2) long n,
      @ForAll @IntRange(min = 1, max = 256) int w) {
    Tile t = new Tile(h, l, n, Math.min(w, 1 << h));
    assertThat(TestLog.parseTile(t.path())).isEqualTo(t);
  }
}
