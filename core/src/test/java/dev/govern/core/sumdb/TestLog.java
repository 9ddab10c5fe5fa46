package dev.govern.core.sumdb;

import dev.govern.core.GovernException;
import dev.govern.core.ledger.Ed25519Keys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A checksum database for tests, built from first principles: records appended to a Merkle tree,
 * tiles cut from its stored hashes, tree notes signed with a fresh Ed25519 key. It serves the
 * database's paths ({@code lookup/…}, {@code tile/…}) and counts what was fetched.
 */
public final class TestLog implements ChecksumDatabase.Remote {
  final String name;
  final KeyPair keys = Ed25519Keys.generate();
  final List<byte[]> records = new ArrayList<>();
  final Map<String, byte[]> overrides = new HashMap<>();
  final List<String> fetched = new ArrayList<>();
  private final Map<Long, Hash> memo = new HashMap<>();
  long servedSize = -1;

  public TestLog(String name) {
    this.name = name;
  }

  /** The verifier key text: name+hash+base64(0x01 || public key). */
  public String verifierKey() {
    byte[] key = new byte[33];
    key[0] = 1;
    System.arraycopy(Ed25519Keys.raw(keys.getPublic()), 0, key, 1, 32);
    return name
        + "+"
        + String.format("%08x", NoteKey.keyHash(name, key))
        + "+"
        + Base64.getEncoder().encodeToString(key);
  }

  NoteKey key() {
    return NoteKey.parse(verifierKey());
  }

  /** Appends {@code n} filler records. */
  public TestLog fill(int n) {
    for (int i = 0; i < n; i++) {
      add("example.com/m" + records.size() + " v1.0.0 h1:" + "x".repeat(43) + "=\n");
    }
    return this;
  }

  /** Appends a record; returns its id. */
  public long add(String text) {
    records.add(text.getBytes(StandardCharsets.UTF_8));
    return records.size() - 1;
  }

  public static String recordFor(String path, String version, String h1) {
    return path
        + " "
        + version
        + " "
        + h1
        + "\n"
        + path
        + " "
        + version
        + "/go.mod h1:"
        + "m".repeat(43)
        + "=\n";
  }

  /** The hash of the complete subtree at {@code level} numbered {@code n}. */
  Hash node(int level, long n) {
    long key = Tlog.storedHashIndex(level, n);
    Hash h = memo.get(key);
    if (h == null) {
      h =
          level == 0
              ? Tlog.recordHash(records.get((int) n))
              : Tlog.nodeHash(node(level - 1, 2 * n), node(level - 1, 2 * n + 1));
      memo.put(key, h);
    }
    return h;
  }

  Hash treeHash(long size) {
    if (size == 0) {
      return Tlog.emptyTreeHash();
    }
    List<Hash> parts = new ArrayList<>();
    for (long x : Tlog.subTreeIndexes(0, size)) {
      Tlog.Node nd = Tlog.node(x);
      parts.add(node(nd.level(), nd.n()));
    }
    return Tlog.foldSubTrees(parts);
  }

  byte[] tileData(Tile t) {
    byte[] out = new byte[t.width() * Hash.SIZE];
    for (int i = 0; i < t.width(); i++) {
      node(t.level() * t.height(), (t.number() << t.height()) + i).copyTo(out, i * Hash.SIZE);
    }
    return out;
  }

  /** A note of the tree of {@code size} records, signed by {@code signer} under {@code keyName}. */
  byte[] treeNote(long size, KeyPair signer, String keyName) {
    return sign(new TreeHead(size, treeHash(size)).text(), signer, keyName);
  }

  byte[] treeNote(long size) {
    return treeNote(size, keys, name);
  }

  byte[] sign(String text, KeyPair signer, String keyName) {
    byte[] key = new byte[33];
    key[0] = 1;
    System.arraycopy(Ed25519Keys.raw(signer.getPublic()), 0, key, 1, 32);
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(signer.getPrivate());
      s.update(text.getBytes(StandardCharsets.UTF_8));
      byte[] sig = s.sign();
      byte[] withHash =
          ByteBuffer.allocate(4 + sig.length)
              .putInt(NoteKey.keyHash(keyName, key))
              .put(sig)
              .array();
      return (text
              + "\n\u2014 "
              + keyName
              + " "
              + Base64.getEncoder().encodeToString(withHash)
              + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A lookup response for record {@code id}, in the tree of the current (or served) size. */
  byte[] lookup(long id) {
    long size = servedSize >= 0 ? servedSize : records.size();
    byte[] note = treeNote(size);
    byte[] rec = records.get((int) id);
    ByteBuffer b = ByteBuffer.allocate(32 + rec.length + 1 + note.length);
    b.put((id + "\n").getBytes(StandardCharsets.UTF_8)).put(rec).put((byte) '\n').put(note);
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }

  /**
   * Writes the database as a proxy serves it under {@code /sumdb/<name>/}: {@code latest}, a {@code
   * lookup/<path>@<version>} per record, and every tile of the current tree.
   */
  public void writeTo(java.nio.file.Path dir) throws java.io.IOException {
    long size = records.size();
    byte[] note = treeNote(size);
    write(dir.resolve("latest"), note);
    for (int i = 0; i < records.size(); i++) {
      String text = new String(records.get(i), StandardCharsets.UTF_8);
      if (text.startsWith("example.com/m")) {
        continue; // filler: nobody looks it up
      }
      String[] f = text.split("\n")[0].split(" ");
      byte[] head = (i + "\n" + text + "\n").getBytes(StandardCharsets.UTF_8);
      byte[] all = java.util.Arrays.copyOf(head, head.length + note.length);
      System.arraycopy(note, 0, all, head.length, note.length);
      write(dir.resolve("lookup/" + f[0] + "@" + f[1]), all);
    }
    for (int level = 0; (size >> (8 * level)) > 0; level++) {
      long row = size >> (8 * level);
      for (long n = 0; n * 256 < row; n++) {
        int w = (int) Math.min(256, row - n * 256);
        Tile t = new Tile(8, level, n, w);
        write(dir.resolve(t.path()), tileData(t));
      }
    }
  }

  private static void write(java.nio.file.Path p, byte[] data) throws java.io.IOException {
    java.nio.file.Files.createDirectories(p.getParent());
    java.nio.file.Files.write(p, data);
  }

  /** Serves {@code lookup/<path>@<version>} for the record that names them, and tiles. */
  @Override
  public byte[] get(String path, long maxBytes) {
    fetched.add(path);
    byte[] o = overrides.get(path);
    if (o != null) {
      return o;
    }
    if (path.startsWith("lookup/")) {
      String mv = path.substring("lookup/".length());
      int at = mv.lastIndexOf('@');
      String prefix = mv.substring(0, at) + " " + mv.substring(at + 1) + " ";
      for (int i = 0; i < records.size(); i++) {
        if (new String(records.get(i), StandardCharsets.UTF_8).startsWith(prefix)) {
          return lookup(i);
        }
      }
      throw GovernException.notFound("not found: " + path, null);
    }
    if (path.startsWith("tile/")) {
      Tile t = parseTile(path);
      long size = servedSize >= 0 ? servedSize : records.size();
      long have = size >> (t.level() * t.height());
      if ((t.number() << t.height()) + t.width() > have) {
        throw GovernException.notFound("not found: " + path, null);
      }
      return tileData(t);
    }
    throw GovernException.notFound("not found: " + path, null);
  }

  static Tile parseTile(String path) {
    String[] f = path.split("/");
    int h = Integer.parseInt(f[1]);
    int l = Integer.parseInt(f[2]);
    int w = 1 << h;
    List<String> parts = new ArrayList<>(List.of(f).subList(3, f.length));
    String last = parts.get(parts.size() - 1);
    if (parts.size() >= 2 && parts.get(parts.size() - 2).endsWith(".p")) {
      w = Integer.parseInt(last);
      parts.remove(parts.size() - 1);
      String p = parts.remove(parts.size() - 1);
      parts.add(p.substring(0, p.length() - 2));
    }
    long n = 0;
    for (String s : parts) {
      n = n * 1000 + Long.parseLong(s.startsWith("x") ? s.substring(1) : s);
    }
    return new Tile(h, l, n, w);
  }
}
