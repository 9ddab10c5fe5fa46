package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import dev.govern.core.io.FileLocks;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes installed toolchains: under the version's lock the tree is renamed into the trash (so it
 * vanishes from listings at once) and deleted afterwards by {@link #cleanUp()}. The global default
 * is refused unless forced. A version's verified archive in {@code downloads/} (~100 MB) is kept on
 * uninstall, so that reinstalling it (a rollback at 3 a.m.) needs no network, unless purged; {@link
 * #prune} always deletes the archives of what it removes.
 */
public final class ToolchainRemover {
  private final ToolchainStore store;

  public ToolchainRemover(ToolchainStore store) {
    this.store = store;
  }

  /**
   * Uninstalls {@code v}.
   *
   * @throws GovernException not found when it is not installed; precondition when it is the default
   *     and {@code force} is false
   */
  public void uninstall(GoVersion v, boolean force) {
    uninstall(v, force, false);
  }

  /** As {@link #uninstall(GoVersion, boolean)}; {@code purge} also deletes its cached archives. */
  public void uninstall(GoVersion v, boolean force, boolean purge) {
    if (!store.isInstalled(v)) {
      throw GovernException.notFound(
          v + " is not installed", "run 'govern list' to see the installed toolchains");
    }
    Optional<GoVersion> dflt = DefaultToolchain.read(store.home());
    if (!force && dflt.isPresent() && dflt.get().equals(v)) {
      throw GovernException.precondition(
          v + " is the default toolchain; refusing to uninstall it",
          "switch first with 'govern use <version> --default', or pass --force");
    }
    remove(v, purge);
  }

  /**
   * Keeps the {@code keep} newest toolchains and the default; removes the others.
   *
   * @return the versions removed, oldest first
   */
  public List<GoVersion> prune(int keep) {
    if (keep < 0) {
      throw GovernException.usage("--keep must be 0 or more, not " + keep);
    }
    Optional<GoVersion> dflt = DefaultToolchain.read(store.home());
    List<GoVersion> installed = store.installed(); // oldest first
    List<GoVersion> removed = new ArrayList<>();
    int kept = 0;
    for (int i = installed.size() - 1; i >= 0; i--) {
      GoVersion v = installed.get(i);
      if (dflt.isPresent() && dflt.get().equals(v)) {
        continue;
      }
      if (kept < keep) {
        kept++;
        continue;
      }
      remove(v, true);
      removed.add(0, v);
    }
    return removed;
  }

  /** Deletes the trees moved aside (call after reporting). */
  public void cleanUp() {
    new Trash(store.home().toolchains()).empty();
  }

  private void remove(GoVersion v, boolean purge) {
    Path dir = store.home().toolchains();
    FileLocks.Held lock = VersionLock.acquire(VersionLock.fileOf(dir, v.toString()));
    try {
      new Trash(dir).discard(store.root(v));
      if (purge) {
        deleteCachedArchives(v);
      }
    } finally {
      lock.close();
    }
  }

  /** {@code downloads/go1.22.4.linux-amd64.tar.gz} and its {@code .partial}, not go1.22.40's. */
  private void deleteCachedArchives(GoVersion v) {
    Path downloads = store.home().downloads();
    String prefix = v + ".";
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(downloads, prefix + "*")) {
      for (Path p : ds) {
        String rest = p.getFileName().toString().substring(prefix.length());
        if (!rest.isEmpty() && !Character.isDigit(rest.charAt(0))) {
          Files.deleteIfExists(p);
        }
      }
    } catch (NoSuchFileException noDownloads) {
      // nothing was ever downloaded
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete cached archives of " + v + ": " + e, e);
    }
  }
}
