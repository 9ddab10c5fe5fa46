package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import dev.govern.core.archive.ArchiveEntry;
import dev.govern.core.archive.EntrySource;
import dev.govern.core.sumdb.DirHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The entries of a Go toolchain module zip, read as a stream while it downloads, renamed into the
 * tree a go.dev archive unpacks to: {@code golang.org/toolchain@v…/bin/go} becomes {@code
 * go/bin/go}, and {@code _go.mod} files get back their name {@code go.mod} (the release tool
 * renames them so that they cannot split the module). File modes are not taken from the zip (they
 * are not covered by its checksum, and zips made before Go 1.21 have none) but given by the rule
 * the Go release tool ({@code cmd/distpack}) packs the go.dev archives with: 0755 for {@code bin/},
 * {@code pkg/tool/}, {@code *.bash}, {@code *.sh}, {@code *.pl}, {@code *.rc} and {@code
 * go_*_*_exec}, 0644 for the rest.
 *
 * <p>Every entry's content is hashed as it is read, so that {@link #h1()} is the zip's dirhash over
 * exactly what was unpacked.
 */
final class ModuleZipEntries implements EntrySource {
  private final ZipInputStream zip;
  private final String prefix;
  private final String archive;
  private final DirHash hash = new DirHash();
  private DigestInputStream current;
  private String currentName;
  private boolean done;

  ModuleZipEntries(InputStream in, String prefix, String archive) {
    this.zip = new WideZipInputStream(in);
    this.prefix = prefix;
    this.archive = archive;
  }

  @Override
  public ArchiveEntry next() throws IOException {
    finishCurrent();
    ZipEntry z = zip.getNextEntry();
    if (z == null) {
      done = true;
      return null;
    }
    String name = z.getName();
    if (!name.startsWith(prefix)) {
      throw GovernException.invalidInput(
          "refusing to unpack " + archive + ": entry \"" + name + "\" is outside " + prefix);
    }
    String rel = name.substring(prefix.length());
    long mtime = z.getLastModifiedTime() == null ? -1 : z.getLastModifiedTime().toMillis() / 1000;
    current = new DigestInputStream(new EntryData(zip), sha256());
    currentName = name;
    if (z.isDirectory()) {
      return new ArchiveEntry("go/" + rel, ArchiveEntry.Type.DIRECTORY, 0, 0755, mtime, "");
    }
    return new ArchiveEntry(
        "go/" + restoreGoMod(rel),
        ArchiveEntry.Type.FILE,
        Math.max(0, z.getSize()),
        DistributionModes.of(rel),
        mtime,
        "");
  }

  @Override
  public InputStream data() {
    if (current == null) {
      throw new IllegalStateException("no current entry");
    }
    return current;
  }

  /** The dirhash of every entry read; only once the last entry was read. */
  String h1() {
    if (!done) {
      throw new IllegalStateException("the zip was not read to its end");
    }
    return hash.h1();
  }

  /** Files the zip held. */
  int files() {
    return hash.size();
  }

  private void finishCurrent() throws IOException {
    if (current != null) {
      current.transferTo(
          java.io.OutputStream.nullOutputStream()); // hash what the unpacker did not read
      hash.add(currentName, current.getMessageDigest().digest());
      current = null;
    }
  }

  /** {@code src/_go.mod} → {@code src/go.mod}. */
  static String restoreGoMod(String rel) {
    if (rel.equals("_go.mod") || rel.endsWith("/_go.mod")) {
      return rel.substring(0, rel.length() - "_go.mod".length()) + "go.mod";
    }
    return rel;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A {@link ZipInputStream} that reads its input in 256 KiB blocks. The JDK's reads 512 bytes at a
   * time, so each read of the download (and its SHA-256 and its copy to {@code .partial}) and each
   * inflate call handled 512 bytes, and each entry was written out in pieces of about 1.5 KB:
   * measured on a toolchain zip (64 MB, 12 000 files) that was most of the install's CPU time. The
   * input buffer ({@code buf}) and the push-back stream it returns unread bytes to at the end of
   * each entry ({@code in}) are the fields {@link java.util.zip.InflaterInputStream} and {@link
   * java.io.FilterInputStream} leave to subclasses; the push-back buffer must be as big as the
   * input buffer, since up to a whole buffer can be left over when an entry ends.
   */
  static final class WideZipInputStream extends ZipInputStream {
    static final int BLOCK = 1 << 18;

    WideZipInputStream(InputStream raw) {
      super(raw, StandardCharsets.UTF_8);
      this.in = new PushbackInputStream(raw, BLOCK);
      this.buf = new byte[BLOCK];
    }
  }

  /** The current entry's data, without closing the zip stream. */
  private static final class EntryData extends InputStream {
    private final ZipInputStream zip;

    EntryData(ZipInputStream zip) {
      this.zip = zip;
    }

    @Override
    public int read() throws IOException {
      return zip.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return zip.read(b, off, len);
    }
  }
}
