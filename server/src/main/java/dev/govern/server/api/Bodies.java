package dev.govern.server.api;

import dev.govern.core.ErrorCode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies up to a limit: a larger one is a 413 before it is read whole. */
public final class Bodies {
  private Bodies() {}

  public static byte[] read(Context ctx, long limit) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw tooLarge(declared, limit);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
      byte[] buf = new byte[16384];
      long total = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (total > limit) {
          throw tooLarge(total, limit);
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new FieldException(
          ErrorCode.BAD_REQUEST, null, "cannot read the request body: " + e.getMessage());
    }
  }

  private static FieldException tooLarge(long size, long limit) {
    return new FieldException(
        ErrorCode.TOO_LARGE,
        null,
        "the request body is larger than "
            + limit
            + " bytes"
            + (size > limit ? " (at least " + size + ")" : ""));
  }
}
