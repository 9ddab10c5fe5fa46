package dev.govern.core.sumdb;

import java.util.Optional;

/**
 * A signed tree head of the checksum database: the number of records and the Merkle hash over them,
 * as the note text {@code go.sum database tree\n<size>\n<base64 hash>\n} states it.
 *
 * @param size the number of records in the tree
 * @param hash the tree's hash
 */
public record TreeHead(long size, Hash hash) {
  private static final String PREFIX = "go.sum database tree\n";

  /** The tree of no records. */
  public static TreeHead empty() {
    return new TreeHead(0, Tlog.emptyTreeHash());
  }

  /**
   * Parses a note text; empty when it is not a tree head (extra lines after the hash are allowed).
   */
  public static Optional<TreeHead> parse(String text) {
    if (!text.startsWith(PREFIX) || text.length() > 1_000_000) {
      return Optional.empty();
    }
    String[] lines = text.split("\n", 4);
    if (lines.length < 4) {
      return Optional.empty();
    }
    long n;
    try {
      n = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (n < 0 || !lines[1].equals(Long.toString(n))) {
      return Optional.empty();
    }
    return Hash.parse(lines[2]).map(h -> new TreeHead(n, h));
  }

  /** The note text of this tree. */
  public String text() {
    return PREFIX + size + "\n" + hash + "\n";
  }
}
