package dev.govern.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A module proxy in a folder (GOPROXY=file://…), written from {@code testdata/go/modules/<module
 * path>@<version>/}: for each version {@code @v/list}, {@code .info}, {@code .mod} and {@code .zip}
 * as the GOPROXY protocol lays them out. A module without go.mod gets the minimal one Go
 * synthesises ({@code +incompatible} versions).
 */
final class TestGoProxy {
  /** Every module version's time; the proxy protocol wants one. */
  private static final String TIME = "2023-01-02T03:04:05Z";

  private TestGoProxy() {}

  static void write(Path modules, Path proxy) throws IOException {
    TreeMap<String, List<String>> versions = new TreeMap<>();
    try (Stream<Path> s = Files.walk(modules)) {
      for (Path dir : (Iterable<Path>) s.filter(Files::isDirectory).sorted()::iterator) {
        String rel = modules.relativize(dir).toString().replace('\\', '/');
        int at = rel.lastIndexOf('@');
        if (at < 0) {
          continue;
        }
        String module = rel.substring(0, at);
        String version = rel.substring(at + 1);
        versions.computeIfAbsent(module, m -> new java.util.ArrayList<>()).add(version);
        Path v = proxy.resolve(module).resolve("@v");
        Files.createDirectories(v);
        Path goMod = dir.resolve("go.mod");
        String mod =
            Files.isRegularFile(goMod) ? Files.readString(goMod) : "module " + module + "\n";
        Files.writeString(v.resolve(version + ".mod"), mod);
        Files.writeString(
            v.resolve(version + ".info"),
            "{\"Version\":\"" + version + "\",\"Time\":\"" + TIME + "\"}\n");
        zip(dir, module + "@" + version, v.resolve(version + ".zip"));
      }
    }
    for (var e : versions.entrySet()) {
      Files.writeString(
          proxy.resolve(e.getKey()).resolve("@v/list"), String.join("\n", e.getValue()) + "\n");
    }
  }

  private static void zip(Path dir, String prefix, Path out) throws IOException {
    try (OutputStream raw = Files.newOutputStream(out);
        ZipOutputStream z = new ZipOutputStream(raw, StandardCharsets.UTF_8);
        Stream<Path> s = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile).sorted()::iterator) {
        ZipEntry e = new ZipEntry(prefix + "/" + dir.relativize(f).toString().replace('\\', '/'));
        e.setTime(0);
        z.putNextEntry(e);
        z.write(Files.readAllBytes(f));
        z.closeEntry();
      }
    }
  }
}
