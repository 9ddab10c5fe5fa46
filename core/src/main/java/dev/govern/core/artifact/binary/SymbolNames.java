package dev.govern.core.artifact.binary;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Linker symbol-name escapes: the last path element writes {@code .} as {@code %2e}. */
public final class SymbolNames {
  private SymbolNames() {}

  /** Decodes every valid {@code %xx} escape; other bytes stay as they are. */
  public static String unescape(String name) {
    if (name.indexOf('%') < 0) {
      return name;
    }
    byte[] in = name.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '%' && i + 2 < in.length) {
        int hi = Character.digit(in[i + 1], 16);
        int lo = Character.digit(in[i + 2], 16);
        if (hi >= 0 && lo >= 0) {
          out.write(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      out.write(in[i]);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
