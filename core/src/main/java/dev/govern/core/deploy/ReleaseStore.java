package dev.govern.core.deploy;

import dev.govern.core.GovernException;
import dev.govern.core.artifact.binary.NotAGoBinaryException;
import dev.govern.core.config.Settings;
import dev.govern.core.io.AtomicFiles;
import dev.govern.core.io.FileLocks;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.ChangeRecorder;
import dev.govern.core.ledger.Evidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The content-addressed release store ({@code $GOVERN_HOME/releases} by default, or a shared
 * folder): binaries under {@code objects/sha256/<sha256>} (read-only, named by their content), and
 * one record per service and release under {@code services/<service>/<id>.json}. Writers hold
 * {@code .lock}; every file appears by an atomic rename, so readers on other machines never see a
 * half-written entry.
 */
public final class ReleaseStore {
  /** The setting (and {@code GOVERN_RELEASE_STORE}) that moves the store. */
  public static final String SETTING = "release-store";

  private final Path root;

  public ReleaseStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** {@code --store DIR}, else {@code GOVERN_RELEASE_STORE}, else {@code $GOVERN_HOME/releases}. */
  public static ReleaseStore of(Settings settings, String storeFlag, Path cwd) {
    String dir = settings.resolve(storeFlag, SETTING, null);
    return new ReleaseStore(
        dir == null ? settings.home().root().resolve("releases") : cwd.resolve(dir));
  }

  public Path root() {
    return root;
  }

  /** The stored binary of a release (named by its SHA-256). */
  public Path object(Release r) {
    return root.resolve("objects").resolve("sha256").resolve(r.sha256());
  }

  private Path serviceDir(String service) {
    return root.resolve("services").resolve(service);
  }

  /**
   * What to accept.
   *
   * @param allowModified record a binary built from a checkout with uncommitted changes
   * @param allowNoBuildInfo record a binary without a VCS stamp, or without Go build info at all
   */
  public record Options(boolean allowModified, boolean allowNoBuildInfo) {}

  /**
   * The outcome of {@link #record}.
   *
   * @param release the release
   * @param added false when this binary was already recorded for the service
   */
  public record Recorded(Release release, boolean added) {}

  /**
   * Copies {@code binary} into the store as a release of {@code service} and records a {@code
   * release-record} ledger entry (undone when the entry cannot be written). Recording the same
   * binary again changes nothing.
   */
  public Recorded record(
      Path binary,
      ServiceName service,
      Options options,
      String operator,
      Instant now,
      ChangeRecorder recorder,
      String reason) {
    String subject = "service:" + service;
    recorder.precheck(new Change("release-record", subject, null, null, reason, null));
    if (!Files.isRegularFile(binary)) {
      throw GovernException.notFound("no such file: " + binary, null);
    }
    Path objects = root.resolve("objects").resolve("sha256");
    FileLocks.Held lock = FileLocks.exclusive(root.resolve(".lock"));
    try {
      Files.createDirectories(objects);
      Path tmp = objects.resolve(".tmp-" + UUID.randomUUID());
      try {
        HashingCopy.Copied copied = HashingCopy.copy(binary, tmp, () -> {});
        Optional<BinaryFacts> facts = facts(binary, tmp, options);
        Release r =
            Release.of(
                service,
                copied.sha256(),
                copied.size(),
                binary.getFileName().toString(),
                facts,
                now,
                operator,
                binary.toAbsolutePath().normalize().toString());
        Path json = serviceDir(service.value()).resolve(r.id() + ".json");
        Optional<Release> existing = readIfPresent(json);
        if (existing.isPresent() && !existing.get().sha256().equals(r.sha256())) {
          throw GovernException.precondition(
              json
                  + " holds another binary with the same id "
                  + r.id()
                  + " ("
                  + existing.get().sha256()
                  + ")",
              "remove one of them from the store");
        }
        placeObject(tmp, object(r), r);
        if (existing.isPresent()) {
          return new Recorded(existing.get(), false);
        }
        AtomicFiles.write(json, r.toJson());
        try {
          recorder.record(
              new Change(
                  "release-record",
                  subject,
                  null,
                  r.id(),
                  reason,
                  Evidence.of("govern release record " + binary, 0, describe(r))));
        } catch (RuntimeException e) {
          Files.deleteIfExists(json);
          throw e;
        }
        return new Recorded(r, true);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot record " + binary + " in " + root + ": " + e.getMessage(), e);
    } finally {
      lock.close();
    }
  }

  private static Optional<BinaryFacts> facts(Path binary, Path copy, Options options) {
    BinaryFacts f;
    try {
      f = BinaryFacts.read(copy, binary.toString());
    } catch (NotAGoBinaryException e) {
      if (options.allowNoBuildInfo()) {
        return Optional.empty();
      }
      throw GovernException.precondition(
          e.getMessage(), "--allow-no-buildinfo records it by its SHA-256 alone");
    }
    if (f.revision().isEmpty() && !options.allowNoBuildInfo()) {
      throw GovernException.precondition(
          binary
              + ": its build info has no vcs.revision (built outside a checkout, or with -buildvcs=false)",
          "build it in its git checkout, or pass --allow-no-buildinfo");
    }
    if (Boolean.TRUE.equals(f.modified()) && !options.allowModified()) {
      throw GovernException.precondition(
          binary + ": built from a checkout with uncommitted changes (vcs.modified=true)",
          "commit and rebuild, or pass --allow-modified");
    }
    return Optional.of(f);
  }

  /** Moves the verified copy into place, or checks the object already there. */
  private static void placeObject(Path tmp, Path object, Release r) throws IOException {
    if (Files.exists(object)) {
      String actual = Digests.sha256(object);
      if (!actual.equals(r.sha256())) {
        throw Tampering.mismatch(r, "the stored binary " + object, actual);
      }
      return;
    }
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r-xr-xr-x"));
    AtomicFiles.moveAtomically(tmp, object);
    AtomicFiles.fsyncDirectory(object.getParent());
  }

  /** The text of a release for evidence and {@code show}. */
  public static String describe(Release r) {
    return "sha256 "
        + r.sha256()
        + "\nsize "
        + r.size()
        + "\ngo "
        + (r.goVersion().isEmpty() ? "(no build info)" : r.goVersion())
        + "\nmodule "
        + r.module()
        + " "
        + r.moduleVersion()
        + "\nrevision "
        + r.revision()
        + "\nrevision time "
        + r.revisionTime()
        + "\nmodified "
        + (r.modified() == null ? "(not stamped)" : r.modified())
        + "\nbuild id "
        + r.buildId()
        + "\n";
  }

  /** The releases of {@code service}, oldest recorded first. */
  public List<Release> releases(ServiceName service) {
    Path dir = serviceDir(service.value());
    List<Release> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || !name.endsWith(".json")) {
          continue;
        }
        Release r = read(p);
        if (!r.service().equals(service.value()) || !name.equals(r.id() + ".json")) {
          throw GovernException.invalidInput(
              p + ": not a release record: it describes " + r.service() + " " + r.id());
        }
        out.add(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    out.sort(Comparator.comparing(Release::recordedInstant).thenComparing(Release::id));
    return out;
  }

  /** The services with at least one release folder, by name. */
  public List<ServiceName> services() {
    Path dir = root.resolve("services");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(ReleaseStore::isServiceName)
          .sorted()
          .map(ServiceName::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Every release of every service. */
  public List<Release> all() {
    List<Release> out = new ArrayList<>();
    for (ServiceName s : services()) {
      out.addAll(releases(s));
    }
    return out;
  }

  /**
   * Checks that the stored binary of {@code r} is still what was recorded; a missing or changed
   * binary is reported as tampering (exit 4).
   */
  public Path verify(Release r) {
    Path object = object(r);
    if (!Files.isRegularFile(object)) {
      throw Tampering.missing(r, "the stored binary " + object);
    }
    String actual = Digests.sha256(object);
    if (!actual.equals(r.sha256())) {
      throw Tampering.mismatch(r, "the stored binary " + object, actual);
    }
    return object;
  }

  private static boolean isServiceName(String name) {
    try {
      ServiceName.parse(name);
      return true;
    } catch (GovernException e) {
      return false;
    }
  }

  static Release read(Path json) {
    try {
      return Release.parse(Files.readAllBytes(json), json.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + json + ": " + e.getMessage(), e);
    }
  }

  private static Optional<Release> readIfPresent(Path json) {
    try {
      return Optional.of(Release.parse(Files.readAllBytes(json), json.toString()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + json + ": " + e.getMessage(), e);
    }
  }
}
