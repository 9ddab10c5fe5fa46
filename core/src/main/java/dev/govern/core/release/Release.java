package dev.govern.core.release;

import dev.govern.core.version.GoVersion;
import java.util.List;
import java.util.Optional;

/**
 * One Go release of the download index.
 *
 * @param version the release, e.g. go1.22.4
 * @param stable whether go.dev calls it stable (false for betas and release candidates)
 * @param files its downloadable files
 */
public record Release(GoVersion version, boolean stable, List<ReleaseFile> files) {
  public Release {
    files = List.copyOf(files);
  }

  /** The binary archive for {@code p}, if this release has one. */
  public Optional<ReleaseFile> archiveFor(Platform p) {
    return files.stream().filter(f -> f.isArchive() && f.isFor(p)).findFirst();
  }

  /** The platforms this release has archives for. */
  public List<Platform> platforms() {
    return files.stream()
        .filter(ReleaseFile::isArchive)
        .map(ReleaseFile::platform)
        .distinct()
        .toList();
  }
}
