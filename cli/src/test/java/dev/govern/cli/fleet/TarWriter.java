package dev.govern.cli.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A minimal ustar writer for building image fixtures in tests (regular files only). */
final class TarWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  TarWriter file(String name, byte[] data) {
    byte[] h = new byte[512];
    put(h, 0, name, 100);
    put(h, 100, "0000755", 8);
    put(h, 108, "0000000", 8);
    put(h, 116, "0000000", 8);
    put(h, 124, String.format("%011o", data.length), 12);
    put(h, 136, String.format("%011o", 1_700_000_000L), 12);
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    h[156] = '0';
    put(h, 257, "ustar", 6);
    put(h, 263, "00", 2);
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum), 7);
    out.writeBytes(h);
    out.writeBytes(data);
    out.writeBytes(new byte[(512 - data.length % 512) % 512]);
    return this;
  }

  byte[] bytes() {
    ByteArrayOutputStream done = new ByteArrayOutputStream();
    done.writeBytes(out.toByteArray());
    done.writeBytes(new byte[1024]);
    return done.toByteArray();
  }

  void writeTo(OutputStream o) throws IOException {
    o.write(bytes());
  }

  private static void put(byte[] h, int at, String s, int max) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, Math.min(b.length, max));
  }
}
