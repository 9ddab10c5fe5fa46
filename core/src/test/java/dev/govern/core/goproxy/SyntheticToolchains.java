package dev.govern.core.goproxy;

import dev.govern.core.sumdb.DirHash;
import dev.govern.core.sumdb.TestLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A GOPROXY folder with small toolchain modules made in the test (a {@code bin/go} that answers
 * {@code go version}, {@code _go.mod} files, scripts) and a checksum database of their own, signed
 * with a test key, laid out as a proxy serves it under {@code /sumdb/<name>/}.
 */
final class SyntheticToolchains {
  static final String DB = "sum.test.example";
  final Path folder;
  final TestLog log = new TestLog(DB);
  final Map<String, byte[]> zips = new LinkedHashMap<>();
  final Map<String, String> h1s = new HashMap<>();
  private final List<String> versions = new ArrayList<>();

  SyntheticToolchains(Path folder) {
    this.folder = folder;
    log.fill(300);
  }

  /** The module version of {@code toolchain} on linux-amd64. */
  static String mv(String toolchain) {
    return "v0.0.1-" + toolchain + ".linux-amd64";
  }

  /** A toolchain zip with the usual files. */
  SyntheticToolchains add(String toolchain) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "VERSION", (toolchain + "\ntime 2024-06-04T00:00:00Z\n").getBytes(StandardCharsets.UTF_8));
    files.put("README.md", "# Go\n".getBytes(StandardCharsets.UTF_8));
    files.put(
        "bin/go",
        ("#!/bin/sh\necho \"go version " + toolchain + " linux/amd64\"\n")
            .getBytes(StandardCharsets.UTF_8));
    files.put("bin/gofmt", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
    files.put("pkg/tool/linux_amd64/compile", "\u007fELF".getBytes(StandardCharsets.UTF_8));
    files.put("src/_go.mod", "module std\n".getBytes(StandardCharsets.UTF_8));
    files.put("src/cmd/_go.mod", "module cmd\n".getBytes(StandardCharsets.UTF_8));
    files.put("src/make.bash", "#!/bin/bash\n".getBytes(StandardCharsets.UTF_8));
    files.put("lib/wasm/go_js_wasm_exec", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8));
    return addRaw(toolchain, prefixed(toolchain, files), true);
  }

  static Map<String, byte[]> prefixed(String toolchain, Map<String, byte[]> files) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    files.forEach((k, v) -> out.put("golang.org/toolchain@" + mv(toolchain) + "/" + k, v));
    return out;
  }

  /** A zip with exactly these entries; recorded in the database when {@code record}. */
  SyntheticToolchains addRaw(String toolchain, Map<String, byte[]> entries, boolean record)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DirHash h = new DirHash();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
        h.add(e.getKey(), sha256(e.getValue()));
      }
    }
    String mv = mv(toolchain);
    zips.put(mv, bytes.toByteArray());
    h1s.put(mv, h.h1());
    versions.add(mv);
    if (record) {
      log.add(TestLogRecords.record(mv, h.h1()));
      log.fill(7);
    }
    return this;
  }

  /** Records {@code h1} for {@code toolchain} instead of its zip's real hash. */
  SyntheticToolchains recordInstead(String toolchain, String h1) {
    log.add(TestLogRecords.record(mv(toolchain), h1));
    return this;
  }

  /** Writes the proxy folder. */
  Path write() throws IOException {
    Path v = folder.resolve("golang.org/toolchain/@v");
    Files.createDirectories(v);
    Files.writeString(v.resolve("list"), String.join("\n", versions) + "\n");
    for (Map.Entry<String, byte[]> z : zips.entrySet()) {
      Files.write(v.resolve(z.getKey() + ".zip"), z.getValue());
      Files.writeString(
          v.resolve(z.getKey() + ".info"),
          "{\"Version\":\"" + z.getKey() + "\",\"Time\":\"2024-06-04T00:00:00Z\"}\n");
      Files.writeString(v.resolve(z.getKey() + ".mod"), "module golang.org/toolchain\n");
    }
    log.writeTo(folder.resolve("sumdb").resolve(DB));
    return folder;
  }

  /** The environment that reaches this folder's proxy and database. */
  Map<String, String> env(String proxyUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("GOPROXY", proxyUrl);
    env.put("GOSUMDB", log.verifierKey());
    env.put("GOENV", "off");
    env.put("NETRC", folder.resolve("no-netrc").toString());
    return env;
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The go.sum lines of a toolchain record. */
  static final class TestLogRecords {
    static String record(String mv, String h1) {
      return TestLog.recordFor("golang.org/toolchain", mv, h1);
    }
  }
}
