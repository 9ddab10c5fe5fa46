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

  /** The expected SHA-256, lower-case hex. */
  String sha256();

  /** An archive to download (and keep, once verified, in {@code downloads/}). */
  record Remote(URI uri, String filename, String sha256, long size) implements ArchiveOrigin {
    public Remote {
      sha256 = checkSha(sha256, uri.toString());
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
