package dev.govern.core.sumdb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads stored hashes of a signed tree from tiles and proves them: the tiles holding the tree's
 * complete subtrees must hash to the signed tree hash, and every other tile must hash to the entry
 * its parent tile holds for it. A hash read through this reader is therefore proven to be in the
 * signed tree (a Merkle proof in tile form, as Go's {@code tlog.TileHashReader} reads them).
 */
final class TileHashReader {
  /** Where tile data comes from (the network or a cache); the reader checks what it returns. */
  interface Tiles {
    byte[] read(Tile tile);
  }

  private final TreeHead tree;
  private final int height;
  private final Tiles tiles;
  private final Map<Tile, byte[]> proven = new LinkedHashMap<>();

  TileHashReader(TreeHead tree, int height, Tiles tiles) {
    this.tree = tree;
    this.height = height;
    this.tiles = tiles;
  }

  /** Every tile proven so far, with its data (what a cache may keep). */
  Map<Tile, byte[]> proven() {
    return proven;
  }

  /** The stored hashes at {@code indexes}, each proven to be in the tree. */
  List<Hash> read(List<Long> indexes) {
    long n = tree.size();
    Map<Tile, Integer> position = new LinkedHashMap<>();
    List<Tile> order = new ArrayList<>();
    // 1. The tiles holding the complete subtrees that make up the tree: together they must hash
    //    to the signed tree hash. Right-edge tiles are partial, as wide as this tree makes them.
    List<Long> subtrees = Tlog.subTreeIndexes(0, n);
    int[] subtreeTile = new int[subtrees.size()];
    for (int i = 0; i < subtrees.size(); i++) {
      Tile t = Tile.slotOf(height, subtrees.get(i)).tile().parent(0, n);
      subtreeTile[i] = position.computeIfAbsent(t, k -> add(order, k));
    }
    int rootTiles = order.size();
    // 2. For each wanted hash, its tile and the ancestors up to one already planned; ancestors
    //    come before children so that each is proven before it is used.
    long stored = Tlog.storedHashIndex(0, n);
    int[] indexTile = new int[indexes.size()];
    for (int i = 0; i < indexes.size(); i++) {
      long x = indexes.get(i);
      if (x < 0 || x >= stored) {
        throw new VerificationFailed(
            "stored hash " + x + " is not in the signed tree of size " + n);
      }
      Tile t = Tile.slotOf(height, x).tile();
      int k = 0;
      while (true) {
        Tile p = t.parent(k, n);
        if (p == null) {
          throw new IllegalStateException("tile arithmetic lost the tree above " + t.path());
        }
        Integer at = position.get(p);
        if (at != null) {
          if (k == 0) {
            indexTile[i] = at;
          }
          break;
        }
        k++;
      }
      for (k--; k >= 0; k--) {
        Tile p = t.parent(k, n);
        if (!p.isFull()) {
          throw new IllegalStateException("a tile below another must be full: " + p.path());
        }
        int at = add(order, p);
        position.put(p, at);
        if (k == 0) {
          indexTile[i] = at;
        }
      }
    }
    List<byte[]> data = new ArrayList<>(order.size());
    for (Tile t : order) {
      byte[] d = tiles.read(t);
      if (d == null || d.length != t.width() * Hash.SIZE) {
        throw new VerificationFailed(
            t.path()
                + " has "
                + (d == null ? 0 : d.length)
                + " bytes, not the "
                + t.width() * Hash.SIZE
                + " of "
                + t.width()
                + " hashes");
      }
      data.add(d);
    }
    // Prove the subtree tiles against the signed tree hash.
    Hash th = null;
    for (int i = subtrees.size() - 1; i >= 0; i--) {
      Tile t = order.get(subtreeTile[i]);
      Hash h = t.hashAt(data.get(subtreeTile[i]), subtrees.get(i));
      th = th == null ? h : Tlog.nodeHash(h, th);
    }
    if (n == 0) {
      th = Tlog.emptyTreeHash();
    }
    if (!th.equals(tree.hash())) {
      throw new VerificationFailed(
          "the tiles at the right edge of the tree do not hash to the signed tree of size "
              + n
              + (order.isEmpty()
                  ? ""
                  : " (" + order.get(0).path() + (rootTiles > 1 ? " …)" : ")")));
    }
    // Prove each further tile against the entry its parent holds for it.
    for (int i = rootTiles; i < order.size(); i++) {
      Tile t = order.get(i);
      Tile p = t.parent(1, n);
      Integer j = p == null ? null : position.get(p);
      if (j == null) {
        throw new IllegalStateException("tile arithmetic lost the parent of " + t.path());
      }
      Hash expected = p.hashAt(data.get(j), Tlog.storedHashIndex(p.level() * height, t.number()));
      if (!expected.equals(Tile.hashOf(data.get(i)))) {
        throw new VerificationFailed(
            t.path() + " does not match the hash its parent " + p.path() + " holds for it");
      }
    }
    for (int i = 0; i < order.size(); i++) {
      proven.put(order.get(i), data.get(i));
    }
    List<Hash> out = new ArrayList<>(indexes.size());
    for (int i = 0; i < indexes.size(); i++) {
      out.add(order.get(indexTile[i]).hashAt(data.get(indexTile[i]), indexes.get(i)));
    }
    return out;
  }

  /** The hash of the first {@code size} records, read from this (larger) tree's tiles. */
  Hash treeHash(long size) {
    if (size == 0) {
      return Tlog.emptyTreeHash();
    }
    return Tlog.foldSubTrees(read(Tlog.subTreeIndexes(0, size)));
  }

  private static int add(List<Tile> order, Tile t) {
    order.add(t);
    return order.size() - 1;
  }
}
