package dev.govern.core.sumdb;

import dev.govern.core.GovernException;
import dev.govern.core.io.AtomicFiles;
import dev.govern.core.io.FileLocks;
import dev.govern.core.module.ModuleEscape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A client of a Go checksum database that proves what it returns, as the go command does:
 *
 * <ol>
 *   <li>a fresh cache starts from the database's newest signed tree ({@code /latest}, when served);
 *   <li>the lookup's signed tree note must carry a valid signature by the database's key;
 *   <li>that tree and the newest tree seen before (kept in {@code latest}) must be consistent: the
 *       smaller must be a prefix of the larger, proven from the larger tree's tiles; the larger
 *       becomes {@code latest};
 *   <li>the record's leaf hash must be the one the tiles of {@code latest} hold at the record's
 *       number, every tile proven against the signed tree hash.
 * </ol>
 *
 * Lookups and proven tiles are cached under the cache folder ({@code lookup/…}, {@code tile/…}, the
 * paths of the database's own URLs), so a repeated lookup needs no network and is proven again.
 */
public final class ChecksumDatabase {
  /** Tile height of the Go checksum database. */
  public static final int TILE_HEIGHT = 8;

  private static final long MAX_LOOKUP = 64 << 10;

  /** Fetches a path under the database's URL ({@code lookup/…}, {@code tile/…}). */
  public interface Remote {
    /**
     * The resource's bytes.
     *
     * @throws GovernException NOT_FOUND when the server has no such resource, NETWORK otherwise
     */
    byte[] get(String path, long maxBytes);
  }

  /**
   * A proven answer.
   *
   * @param id the record's number in the log
   * @param lines the record's go.sum lines for the version asked for
   * @param tree the signed tree the record was proven in
   */
  public record Proven(long id, List<String> lines, TreeHead tree) {}

  private final NoteKey key;
  private final Remote remote;
  private final Path cache;

  /**
   * @param key the database's verifier key
   * @param remote how to reach it
   * @param cache this database's cache folder ({@code $GOVERN_HOME/cache/sumdb/<name>})
   */
  public ChecksumDatabase(NoteKey key, Remote remote, Path cache) {
    this.key = key;
    this.remote = remote;
    this.cache = cache;
  }

  public NoteKey key() {
    return key;
  }

  /** The proven go.sum lines of {@code path@version} (its zip's and its go.mod's). */
  public Proven lookup(String path, String version) {
    String file = "lookup/" + ModuleEscape.escape(path) + "@" + ModuleEscape.escape(version);
    byte[] data = readCache(file);
    boolean cached = data != null;
    if (!cached) {
      data = remote.get(file, MAX_LOOKUP);
    }
    LookupRecord record = LookupRecord.parse(data);
    TreeHead tree = treeOf(record.note(), "the lookup of " + path + "@" + version);
    Tiles tiles = new Tiles();
    FileLocks.Held lock = FileLocks.exclusive(cache.resolve(".lock"));
    TreeHead latest;
    try {
      Signed onDisk = readLatest();
      Signed stored = onDisk != null ? onDisk : fetchLatest();
      Signed newest = new Signed(tree, record.note());
      if (stored != null && tree.size() <= stored.tree().size()) {
        checkConsistent(tree, stored.tree(), tiles);
        newest = stored;
      } else if (stored != null) {
        checkConsistent(stored.tree(), tree, tiles);
      }
      latest = newest.tree();
      if (record.id() >= latest.size()) {
        throw new VerificationFailed(
            "record "
                + record.id()
                + " of "
                + path
                + "@"
                + version
                + " is not in the signed tree of size "
                + latest.size());
      }
      TileHashReader reader = new TileHashReader(latest, TILE_HEIGHT, tiles);
      Hash held = reader.read(List.of(Tlog.storedHashIndex(0, record.id()))).get(0);
      if (!held.equals(Tlog.recordHash(record.textBytes()))) {
        throw new VerificationFailed(
            "the record of "
                + path
                + "@"
                + version
                + " is not the record "
                + record.id()
                + " that the signed tree of size "
                + latest.size()
                + " holds (forged or altered)");
      }
      if (onDisk == null || onDisk.tree().size() < latest.size()) {
        AtomicFiles.write(cache.resolve("latest"), newest.note());
      }
      tiles.saveProven(reader.proven());
    } finally {
      lock.close();
    }
    if (!cached) {
      AtomicFiles.write(cache.resolve(file), data);
    }
    return new Proven(record.id(), record.linesStartingWith(path + " " + version + " "), latest);
  }

  /** The newest tree this cache has proven, or null. */
  public TreeHead latest() {
    FileLocks.Held lock = FileLocks.exclusive(cache.resolve(".lock"));
    try {
      Signed s = readLatest();
      return s == null ? null : s.tree();
    } finally {
      lock.close();
    }
  }

  /** A tree head with the signed note that states it. */
  private record Signed(TreeHead tree, byte[] note) {}

  private Signed readLatest() {
    byte[] note = readCache("latest");
    return note == null ? null : new Signed(treeOf(note, cache.resolve("latest").toString()), note);
  }

  /**
   * The database's newest signed tree, to start a fresh cache from (so that the first record is
   * proven in the newest tree, as later ones will be); null when it does not serve one.
   */
  private Signed fetchLatest() {
    byte[] note;
    try {
      note = remote.get("latest", MAX_LOOKUP);
    } catch (GovernException e) {
      if (e.code() == dev.govern.core.ErrorCode.NOT_FOUND) {
        return null;
      }
      throw e;
    }
    return new Signed(treeOf(note, "the latest tree of " + key.name()), note);
  }

  private TreeHead treeOf(byte[] note, String what) {
    String text;
    try {
      text = SignedNote.open(note, key);
    } catch (VerificationFailed e) {
      throw new VerificationFailed(what + ": " + e.getMessage());
    }
    return TreeHead.parse(text)
        .orElseThrow(() -> new VerificationFailed(what + ": the signed note is not a tree head"));
  }

  /** Proves that {@code older} is a prefix of {@code newer} from {@code newer}'s tiles. */
  private void checkConsistent(TreeHead older, TreeHead newer, Tiles tiles) {
    TileHashReader reader = new TileHashReader(newer, TILE_HEIGHT, tiles);
    Hash h = reader.treeHash(older.size());
    if (!h.equals(older.hash())) {
      throw new VerificationFailed(
          key.name()
              + " signed two trees that contradict each other: the tree of size "
              + older.size()
              + " is not a prefix of the tree of size "
              + newer.size());
    }
    tiles.saveProven(reader.proven());
  }

  private byte[] readCache(String file) {
    try {
      return Files.readAllBytes(cache.resolve(file));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + cache.resolve(file) + ": " + e, e);
    }
  }

  /** Tile data from the cache, else the database; a partial tile may be cut from the full one. */
  private final class Tiles implements TileHashReader.Tiles {
    @Override
    public byte[] read(Tile tile) {
      int want = tile.width() * Hash.SIZE;
      byte[] d = readCache(tile.path());
      if (d != null) {
        return d;
      }
      if (!tile.isFull()) {
        byte[] full = readCache(tile.full().path());
        if (full != null && full.length >= want) {
          return Arrays.copyOf(full, want);
        }
      }
      long max = (long) (1 << tile.height()) * Hash.SIZE;
      try {
        return remote.get(tile.path(), max);
      } catch (GovernException notThere) {
        if (tile.isFull()) {
          throw notThere;
        }
        byte[] full = remote.get(tile.full().path(), max);
        return full.length >= want ? Arrays.copyOf(full, want) : full;
      }
    }

    void saveProven(Map<Tile, byte[]> proven) {
      for (Map.Entry<Tile, byte[]> e : proven.entrySet()) {
        Path p = cache.resolve(e.getKey().path());
        if (!Files.exists(p)) {
          AtomicFiles.write(p, e.getValue());
        }
      }
    }
  }
}
