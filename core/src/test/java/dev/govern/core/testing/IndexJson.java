package dev.govern.core.testing;

import java.util.ArrayList;
import java.util.List;

/** Builds a go.dev download index document ({@code ?mode=json&include=all}) for tests. */
public final class IndexJson {
  private final List<String> releases = new ArrayList<>();

  /** A release with one linux/amd64 archive of the given bytes. */
  public IndexJson release(String version, boolean stable, byte[] linuxAmd64TarGz) {
    return release(
        version,
        stable,
        file(version + ".linux-amd64.tar.gz", "linux", "amd64", version, linuxAmd64TarGz));
  }

  /** A release with the given file objects (see {@link #file}). */
  public IndexJson release(String version, boolean stable, String... files) {
    releases.add(
        "{\"version\":\""
            + version
            + "\",\"stable\":"
            + stable
            + ",\"files\":["
            + String.join(",", files)
            + "]}");
    return this;
  }

  public static String file(String filename, String os, String arch, String version, byte[] data) {
    return file(filename, os, arch, version, TarBuilder.sha256(data), data.length);
  }

  /** A file object for an archive already on disk (its hash and size given). */
  public static String file(
      String filename, String os, String arch, String version, String sha256, long size) {
    return "{\"filename\":\""
        + filename
        + "\",\"os\":\""
        + os
        + "\",\"arch\":\""
        + arch
        + "\",\"version\":\""
        + version
        + "\",\"sha256\":\""
        + sha256
        + "\",\"size\":"
        + size
        + ",\"kind\":\"archive\"}";
  }

  public String json() {
    return "[" + String.join(",\n", releases) + "]";
  }

  public byte[] bytes() {
    return json().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
