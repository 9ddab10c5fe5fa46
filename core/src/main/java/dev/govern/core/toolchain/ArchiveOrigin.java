package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where the bytes of a toolchain archive come from, with the SHA-256 they must have. */
public sealed interface ArchiveOrigin {
  Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** The archive's file name (its format is read from the name or the bytes). */
  String filename();

  /** The expected SHA-256, lower-case hex (null for a module zip, checked by its h1: hash). */
  String sha256();

  /** An archive to download (and keep, once verified, in {@code downloads/}). */
  record Remote(URI uri, String filename, String sha256, long size) implements ArchiveOrigin {
    public Remote {
      sha256 = checkSha(sha256, uri.toString());
    }
  }

  /**
   * A toolchain's module zip from a Go module proxy: its files are under {@code prefix} ({@code
   * golang.org/toolchain@v0.0.1-go1.24.3.linux-amd64/}) and its {@code h1:} hash is the one the
   * checksum database proved, or null when checksum checks are off. It has no SHA-256 to check.
   *
   * @param uri where to download it
   * @param filename the name it is kept under in {@code downloads/}
   * @param prefix the folder every file of the zip is under
   * @param h1 the expected dirhash, or null to accept it unchecked
   */
  record ModuleZip(URI uri, String filename, String prefix, String h1) implements ArchiveOrigin {
    public ModuleZip {
      if (h1 != null && !h1.matches("h1:[A-Za-z0-9+/]{43}=")) {
        throw GovernException.invalidInput("not an h1: checksum for " + uri + ": \"" + h1 + "\"");
      }
    }

    /** None: a module zip is checked by its {@code h1:} hash. */
    @Override
    public String sha256() {
      return null;
    }
  }

  /** An archive already on disk (air-gapped installs). */
  record Local(Path file, String sha256) implements ArchiveOrigin {
    public Local {
      sha256 = checkSha(sha256, file.toString());
    }

    @Override
    public String filename() {
      return file.getFileName().toString();
    }
  }

  private static String checkSha(String sha, String what) {
    String s = sha == null ? "" : sha.strip().toLowerCase(Locale.ROOT);
    if (!SHA256.matcher(s).matches()) {
      throw GovernException.usage(
          "not a SHA-256 for " + what + ": \"" + sha + "\" (expected 64 hex digits)");
    }
    return s;
  }
}
