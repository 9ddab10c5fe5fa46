package dev.govern.core.release;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;

/**
 * One downloadable file of a Go release, as the go.dev download index lists it.
 *
 * @param filename the file name, e.g. {@code go1.22.4.linux-amd64.tar.gz}
 * @param os the GOOS it is for (empty for the source archive)
 * @param arch the GOARCH it is for (empty for the source archive)
 * @param version the release it belongs to, e.g. {@code go1.22.4}
 * @param sha256 the published SHA-256 of the file, lower-case hex
 * @param size the size in bytes
 * @param kind {@code archive}, {@code installer} or {@code source}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReleaseFile(
    String filename,
    String os,
    String arch,
    String version,
    String sha256,
    long size,
    String kind) {
  public ReleaseFile {
    filename = filename == null ? "" : filename;
    os = os == null ? "" : os;
    arch = arch == null ? "" : arch;
    version = version == null ? "" : version;
    sha256 = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
    kind = kind == null ? "" : kind;
  }

  /** True for an unpackable binary distribution ({@code .tar.gz} or {@code .zip}). */
  public boolean isArchive() {
    return kind.equals("archive") && (filename.endsWith(".tar.gz") || filename.endsWith(".zip"));
  }

  public boolean isFor(Platform p) {
    return os.equals(p.os()) && arch.equals(p.arch());
  }

  public Platform platform() {
    return new Platform(os, arch);
  }
}
