package dev.govern.core.sumdb;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of the checksum database's Merkle tree (the transparency log of RFC 6962 as Go's
 * {@code tlog} package lays it out).
 *
 * <p>A record's leaf hash is SHA-256 of {@code 0x00 || record}; an inner node's is SHA-256 of
 * {@code 0x01 || left || right}. The hashes a server stores are numbered in the order they are
 * written: after record {@code n} its leaf hash, then every complete parent it finishes, level by
 * level ({@link #storedHashIndex}). A tree of size {@code n} hashes to the fold, from the right, of
 * the largest complete subtrees that cover it left to right ({@link #subTreeIndexes}).
 */
public final class Tlog {
  private Tlog() {}

  /** The hash of the empty tree: SHA-256 of nothing. */
  public static Hash emptyTreeHash() {
    return Hash.of(sha256().digest());
  }

  /** The leaf hash of a record's data. */
  public static Hash recordHash(byte[] data) {
    MessageDigest d = sha256();
    d.update((byte) 0x00);
    d.update(data);
    return Hash.of(d.digest());
  }

  /** The hash of an inner node. */
  public static Hash nodeHash(Hash left, Hash right) {
    byte[] buf = new byte[1 + 2 * Hash.SIZE];
    buf[0] = 0x01;
    left.copyTo(buf, 1);
    right.copyTo(buf, 1 + Hash.SIZE);
    return Hash.of(sha256().digest(buf));
  }

  /**
   * The position in the server's storage of the hash of node {@code n} at {@code level} (level 0
   * holds the records' leaf hashes).
   */
  public static long storedHashIndex(int level, long n) {
    // The node is written right after its last leaf, n' = (n+1) * 2^level - 1, and the complete
    // parents below it: count the hashes stored for leaves 0..n'-1 and add the level.
    for (int l = level; l > 0; l--) {
      n = 2 * n + 1;
    }
    long i = 0;
    for (long m = n; m > 0; m >>= 1) {
      i += m;
    }
    return i + level;
  }

  /** A node of the tree: its level and its number within the level. */
  public record Node(int level, long n) {}

  /** The inverse of {@link #storedHashIndex}. */
  public static Node node(long index) {
    // Start from a leaf at or before the index and walk forward leaf by leaf.
    long n = index / 2;
    long at = storedHashIndex(0, n);
    if (at > index) {
      throw new IllegalStateException("tlog arithmetic went wrong for index " + index);
    }
    while (true) {
      long next = at + 1 + Long.numberOfTrailingZeros(n + 1);
      if (next > index) {
        break;
      }
      n++;
      at = next;
    }
    int level = (int) (index - at);
    return new Node(level, n >> level);
  }

  /**
   * The stored-hash indexes of the largest complete subtrees that cover the leaves {@code [lo,
   * hi)}, left to right; {@code lo} must be aligned as a tree of that size is.
   */
  public static List<Long> subTreeIndexes(long lo, long hi) {
    List<Long> out = new ArrayList<>();
    while (lo < hi) {
      int level = 63 - Long.numberOfLeadingZeros(hi - lo); // largest 2^level <= hi - lo
      long k = 1L << level;
      if ((lo & (k - 1)) != 0) {
        throw new IllegalStateException("tlog arithmetic: unaligned subtree at " + lo);
      }
      out.add(storedHashIndex(level, lo >> level));
      lo += k;
    }
    return out;
  }

  /** Folds the hashes of {@link #subTreeIndexes} into the hash of the tree they cover. */
  public static Hash foldSubTrees(List<Hash> hashes) {
    Hash h = hashes.get(hashes.size() - 1);
    for (int i = hashes.size() - 2; i >= 0; i--) {
      h = nodeHash(hashes.get(i), h);
    }
    return h;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
