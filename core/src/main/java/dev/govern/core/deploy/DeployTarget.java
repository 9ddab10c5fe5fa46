package dev.govern.core.deploy;

import dev.govern.core.GovernException;
import dev.govern.core.io.AtomicFiles;
import dev.govern.core.io.FileLocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A folder govern deploys releases into:
 *
 * <pre>
 * DIR/current -> releases/&lt;id&gt;        the live release (a relative symbolic link)
 * DIR/releases/&lt;id&gt;/&lt;service&gt;       the binary, under the service's name
 * DIR/releases/&lt;id&gt;/release.json     its release record
 * DIR/.govern/target.json              service, restart and health settings, history, pending deploy
 * DIR/.govern/lock, .govern/owner      the deploy lock and who holds it
 * </pre>
 *
 * A release folder appears by renaming a complete temporary folder, and {@code current} changes by
 * renaming a new link over it, so {@code current} always names a complete release.
 */
public final class DeployTarget {
  private static final String TMP = ".tmp-";

  private final Path dir;

  public DeployTarget(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path dir() {
    return dir;
  }

  public Path current() {
    return dir.resolve("current");
  }

  public Path releases() {
    return dir.resolve("releases");
  }

  public Path releaseDir(String id) {
    return releases().resolve(id);
  }

  public Path binary(String id, String service) {
    return releaseDir(id).resolve(service);
  }

  private Path meta() {
    return dir.resolve(".govern");
  }

  public Path stateFile() {
    return meta().resolve("target.json");
  }

  /** The ledger subject of deploys here: {@code target:<host>:<dir>}. */
  public String subject(String host) {
    return "target:" + host + ":" + dir;
  }

  /**
   * Refuses a folder govern did not make: it must be missing, empty (a {@code .govern} folder alone
   * counts as empty) or hold a target state for {@code service}.
   */
  public void checkUsable(ServiceName service) {
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(dir)) {
      throw GovernException.precondition(dir + " is not a folder", null);
    }
    Optional<TargetState> state = readState();
    if (state.isPresent()) {
      if (!state.get().service().equals(service.value())) {
        throw GovernException.precondition(
            dir + " holds releases of " + state.get().service() + ", not " + service,
            "deploy " + service + " into its own folder");
      }
      checkCurrentIsALink();
      return;
    }
    List<String> others = entries().stream().filter(n -> !n.equals(".govern")).toList();
    if (!others.isEmpty()) {
      throw notATarget(others);
    }
  }

  /** Refuses a folder without a target state (for rollback and status). */
  public TargetState requireState() {
    Optional<TargetState> s = readState();
    if (s.isEmpty()) {
      List<String> others = entries();
      throw others.isEmpty() && !Files.isDirectory(dir)
          ? GovernException.precondition(
              dir + " is not a govern release folder (it does not exist)",
              "deploy a release there first: govern release deploy NAME REF --target " + dir)
          : notATarget(others);
    }
    checkCurrentIsALink();
    return s.get();
  }

  private GovernException notATarget(List<String> others) {
    String holds =
        others.isEmpty()
            ? ""
            : "; it holds "
                + others.size()
                + (others.size() == 1 ? " other entry: " : " other entries, e.g. ")
                + others.get(0);
    return GovernException.precondition(
        dir + " is not a govern release folder (no .govern/target.json" + holds + ")",
        "deploy into a new or empty folder; govern only changes folders it set up");
  }

  private void checkCurrentIsALink() {
    Path c = current();
    if (Files.exists(c, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(c)) {
      throw GovernException.precondition(
          c + " is not a symbolic link: this folder was changed by hand", null);
    }
  }

  private List<String> entries() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  public Optional<TargetState> readState() {
    Path f = stateFile();
    try {
      return Optional.of(TargetState.parse(Files.readAllBytes(f), f.toString()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  public void writeState(TargetState s) {
    AtomicFiles.write(stateFile(), s.toJson());
  }

  /**
   * Takes the deploy lock. Without {@code wait} a held lock fails at once naming its holder; with
   * it, {@code waiting} runs and the call blocks until the holder is done.
   */
  public FileLocks.Held lock(boolean wait, Runnable waiting, String what) {
    Path lock = meta().resolve("lock");
    try {
      Files.createDirectories(meta());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + meta() + ": " + e.getMessage(), e);
    }
    Optional<FileLocks.Held> held = FileLocks.tryExclusive(lock);
    if (held.isEmpty()) {
      if (!wait) {
        throw GovernException.precondition(
            dir + " is being deployed by another govern (" + owner() + ")",
            "wait for it to finish, or pass --wait to queue behind it");
      }
      waiting.run();
      held = Optional.of(FileLocks.exclusive(lock));
    }
    AtomicFiles.writeString(
        meta().resolve("owner"),
        "pid "
            + ProcessHandle.current().pid()
            + ", "
            + what
            + ", since "
            + java.time.Instant.now()
            + "\n");
    return held.get();
  }

  private String owner() {
    try {
      return Files.readString(meta().resolve("owner")).strip();
    } catch (IOException e) {
      return "holder unknown";
    }
  }

  /** The id {@code current} names, when it names a complete release folder. */
  public Optional<String> currentId() {
    try {
      Path t = Files.readSymbolicLink(current());
      String id = t.getFileName().toString();
      if (!t.equals(Path.of("releases", id)) || !Files.isDirectory(releaseDir(id))) {
        throw GovernException.precondition(
            current() + " points at " + t + ", which is not a release of this folder", null);
      }
      return Optional.of(id);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (NotLinkException e) {
      throw GovernException.precondition(current() + " is not a symbolic link", null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + current() + ": " + e.getMessage(), e);
    }
  }

  /** Removes what a killed deploy left behind: temporary release folders and links. */
  public void cleanTemporaries() {
    try {
      for (Path base : List.of(dir, releases())) {
        if (!Files.isDirectory(base)) {
          continue;
        }
        try (Stream<Path> s = Files.list(base)) {
          for (Path p : s.filter(x -> x.getFileName().toString().startsWith(TMP)).toList()) {
            deleteTree(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The release record laid out in this folder. */
  public Release laidOut(String id) {
    return ReleaseStore.read(releaseDir(id).resolve("release.json"));
  }

  /**
   * Makes {@code releases/<id>} hold release {@code r}: copied from {@code object} through a
   * temporary folder (its SHA-256 checked on the way) and renamed into place. A folder already
   * there has its binary checked instead. Either way a binary that is not the recorded one is
   * tampering.
   */
  public void layOut(Release r, Path object, DeployProbe probe) {
    Path target = releaseDir(r.id());
    if (Files.isDirectory(target)) {
      verifyLaidOut(r);
      return;
    }
    Path tmp = releases().resolve(TMP + r.id() + "-" + UUID.randomUUID());
    try {
      Files.createDirectories(tmp);
      if (!Files.isRegularFile(object)) {
        throw Tampering.missing(r, "the stored binary " + object);
      }
      Path bin = tmp.resolve(r.service());
      HashingCopy.Copied c = HashingCopy.copy(object, bin, () -> probe.step("copying"));
      if (!c.sha256().equals(r.sha256())) {
        throw Tampering.mismatch(r, "the stored binary " + object, c.sha256());
      }
      Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("r-xr-xr-x"));
      AtomicFiles.write(tmp.resolve("release.json"), r.toJson());
      AtomicFiles.fsyncDirectory(tmp);
      probe.step("copied");
      AtomicFiles.moveAtomically(tmp, target);
      AtomicFiles.fsyncDirectory(releases());
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        deleteTree(tmp);
      }
    }
  }

  /** Checks the binary of a laid-out release against its record. */
  public void verifyLaidOut(Release r) {
    Path bin = binary(r.id(), r.service());
    if (!Files.isRegularFile(bin)) {
      throw Tampering.missing(r, "the deployed binary " + bin);
    }
    String actual = Digests.sha256(bin);
    if (!actual.equals(r.sha256())) {
      throw Tampering.mismatch(r, "the deployed binary " + bin, actual);
    }
  }

  /** Points {@code current} at release {@code id}: a new link renamed over the old one. */
  public void pointCurrentAt(String id, DeployProbe probe) {
    Path link = dir.resolve(TMP + "current-" + UUID.randomUUID());
    try {
      Files.createSymbolicLink(link, Path.of("releases", id));
      probe.step("link-created");
      AtomicFiles.moveAtomically(link, current());
      AtomicFiles.fsyncDirectory(dir);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(link);
      } catch (IOException ignored) {
        // the next deploy removes it
      }
      throw new UncheckedIOException(
          "cannot point " + current() + " at " + id + ": " + e.getMessage(), e);
    }
  }

  private static void deleteTree(Path p) {
    try {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try (Stream<Path> s = Files.list(p)) {
          for (Path c : s.toList()) {
            deleteTree(c);
          }
        }
      }
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + p + ": " + e.getMessage(), e);
    }
  }
}
