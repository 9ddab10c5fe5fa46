package dev.govern.core.sumdb;

/**
 * A tile of the checksum database's log: {@code width} consecutive stored hashes at tree level
 * {@code level * height}, numbered {@code number} within that level (Go's {@code tlog.Tile}). A
 * full tile holds {@code 2^height} hashes; the tile at the right edge of a tree may be partial. The
 * hashes of the {@code height - 1} levels above a tile's row are computed from the tile itself.
 *
 * @param height levels per tile (sum.golang.org uses 8)
 * @param level the tiling level ({@code 0} holds the records' leaf hashes)
 * @param number the tile's number within its level
 * @param width how many hashes it holds
 */
public record Tile(int height, int level, long number, int width) {
  public Tile {
    if (height < 1 || height > 30 || level < 0 || level > 63 || number < 0) {
      throw new IllegalArgumentException("invalid tile " + height + "/" + level + "/" + number);
    }
    if (width < 1 || width > 1 << height) {
      throw new IllegalArgumentException("invalid tile width " + width);
    }
  }

  /** Where in a tile's data a stored hash lives: the tile and the byte range below the node. */
  record Slot(Tile tile, int start, int end) {}

  /** The smallest tile holding stored hash {@code index}, and the range of data below it. */
  static Slot slotOf(int height, long index) {
    Tlog.Node node = Tlog.node(index);
    int tilingLevel = node.level() / height;
    int within = node.level() - tilingLevel * height;
    long number = node.n() << within >> height;
    long n = node.n() - (number << height >> within); // the node's number within the tile's level
    int width = (int) ((n + 1) << within);
    return new Slot(
        new Tile(height, tilingLevel, number, width),
        (int) (n << within) * Hash.SIZE,
        (int) ((n + 1) << within) * Hash.SIZE);
  }

  /**
   * This tile's ancestor {@code k} tiling levels up, as wide as a tree of {@code treeSize} records
   * makes it (full, or partial at the right edge); null when the tree does not reach it.
   */
  Tile parent(int k, long treeSize) {
    int l = level + k;
    long n = number >> (k * height);
    long max = treeSize >> (l * height); // hashes the tree has at this tiling level
    long start = n << height;
    if (start >= max) {
      return null;
    }
    int w = (int) Math.min(1L << height, max - start);
    return new Tile(height, l, n, w);
  }

  public boolean isFull() {
    return width == 1 << height;
  }

  /** The tile's path under the database's URL: {@code tile/8/0/x001/234.p/17}. */
  public String path() {
    StringBuilder n = new StringBuilder(String.format("%03d", number % 1000));
    for (long m = number / 1000; m > 0; m /= 1000) {
      n.insert(0, String.format("x%03d/", m % 1000));
    }
    return "tile/" + height + "/" + level + "/" + n + (isFull() ? "" : ".p/" + width);
  }

  /** The same tile at full width (where a partial tile's data is a prefix of). */
  Tile full() {
    return new Tile(height, level, number, 1 << height);
  }

  /**
   * The stored hash {@code index} as this tile's {@code data} gives it.
   *
   * @throws IllegalArgumentException when the index is not in this tile
   */
  Hash hashAt(byte[] data, long index) {
    Slot s = slotOf(height, index);
    if (s.tile.level != level || s.tile.number != number || s.tile.width > width) {
      throw new IllegalArgumentException("stored hash " + index + " is not in " + path());
    }
    return hashOfRange(data, s.start, s.end);
  }

  /** The Merkle hash of the hashes in {@code data[from, to)} (a power of two of them). */
  static Hash hashOfRange(byte[] data, int from, int to) {
    if (to - from == Hash.SIZE) {
      return Hash.at(data, from);
    }
    int mid = from + (to - from) / 2;
    return Tlog.nodeHash(hashOfRange(data, from, mid), hashOfRange(data, mid, to));
  }

  /** The hash of a whole tile's data, as its parent tile stores it. */
  static Hash hashOf(byte[] data) {
    return hashOfRange(data, 0, data.length);
  }
}
