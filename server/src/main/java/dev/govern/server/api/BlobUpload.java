package dev.govern.server.api;

import dev.govern.core.ErrorCode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams a binary request body into a file, hashing it on the way: never more than the limit is
 * read (a larger declared body is refused before reading, a larger actual one as soon as it passes
 * the limit), and never more than a buffer is held in memory.
 */
final class BlobUpload {
  /** What arrived: its size and SHA-256 (lower-case hex). */
  record Received(long size, String sha256) {}

  private BlobUpload() {}

  static Received toFile(Context ctx, Path file, long limit) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw tooLarge(declared, limit);
    }
    MessageDigest sha = sha256();
    long total = 0;
    try (InputStream in = ctx.req().getInputStream();
        OutputStream out = Files.newOutputStream(file)) {
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > limit) {
          throw tooLarge(total, limit);
        }
        sha.update(buf, 0, n);
        out.write(buf, 0, n);
      }
    } catch (IOException e) {
      throw new FieldException(
          ErrorCode.BAD_REQUEST, null, "cannot read the request body: " + e.getMessage());
    }
    if (total == 0) {
      throw new FieldException(
          ErrorCode.BAD_REQUEST, null, "the request has no body (expected the binary)");
    }
    return new Received(total, HexFormat.of().formatHex(sha.digest()));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FieldException tooLarge(long size, long limit) {
    return new FieldException(
        ErrorCode.TOO_LARGE,
        null,
        "the binary is larger than the server's limit of "
            + limit
            + " bytes (at least "
            + size
            + "); govern serve --max-release-size raises it");
  }
}
