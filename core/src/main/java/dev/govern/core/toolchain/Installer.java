package dev.govern.core.toolchain;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.archive.ArchiveFormatException;
import dev.govern.core.archive.TarReader;
import dev.govern.core.archive.UnpackLimits;
import dev.govern.core.archive.Unpacker;
import dev.govern.core.archive.ZipEntries;
import dev.govern.core.io.AtomicFiles;
import dev.govern.core.io.FileLocks;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.version.GoVersion;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Installs one toolchain: under the version's lock, streams the archive once (downloading it,
 * appending it to a resumable {@code downloads/<file>.partial}, hashing it and unpacking it in the
 * same pass) into a dot-named temp folder under {@code toolchains/}, checks the SHA-256 and {@code
 * go/VERSION}, then publishes it with one atomic rename to {@code toolchains/go1.22.4}. Anything
 * that fails leaves no visible trace; what a crashed install left behind is swept by the next one.
 *
 * <p>Zip archives are downloaded and verified first, then unpacked (their directory is at the end).
 */
public final class Installer {
  private static final int BUFFER = 1 << 16;

  private final ToolchainStore store;
  private final UrlFetcher fetcher;
  private final UnpackLimits limits;
  private final InstallProbe probe;
  private final DownloadProgress progress;
  private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;

  /** How long a download may receive nothing before it is abandoned (resumable). */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

  public Installer(
      ToolchainStore store,
      UrlFetcher fetcher,
      UnpackLimits limits,
      InstallProbe probe,
      DownloadProgress progress) {
    this.store = store;
    this.fetcher = fetcher;
    this.limits = limits;
    this.probe = probe;
    this.progress = progress;
  }

  /**
   * What an install did.
   *
   * @param version the installed version
   * @param root its GOROOT
   * @param alreadyInstalled true when it was there already (nothing was done)
   * @param sha256 the verified SHA-256 of the archive (null when already installed)
   * @param archive the archive's file name (null when already installed)
   * @param downloadedBytes bytes fetched over the network in this run
   * @param h1 the dirhash of a module zip (null for other archives and when already installed)
   */
  public record Result(
      GoVersion version,
      Path root,
      boolean alreadyInstalled,
      String sha256,
      String archive,
      long downloadedBytes,
      String h1) {
    /** The result of finding {@code version} installed already. */
    public static Result already(GoVersion version, Path root) {
      return new Result(version, root, true, null, null, 0, null);
    }
  }

  /** Sets how long a download may receive nothing before it fails (default 60 s). */
  public Installer idleTimeout(Duration timeout) {
    this.idleTimeout = timeout;
    return this;
  }

  /** Installs {@code version} from {@code origin}; returns at once if it is installed already. */
  public Result install(GoVersion version, ArchiveOrigin origin) {
    Path dir = store.home().toolchains();
    String name = version.toString();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    Trash trash = new Trash(dir);
    FileLocks.Held lock = VersionLock.acquire(VersionLock.fileOf(dir, name));
    try {
      probe.reached("locked");
      if (store.isInstalled(version)) {
        return Result.already(version, store.root(version));
      }
      sweep(dir, name, trash);
      probe.reached("swept");
      return installLocked(version, origin, dir, trash);
    } finally {
      lock.close();
    }
  }

  /** Deletes trees moved aside by installs and uninstalls (call once the result is reported). */
  public void cleanUp() {
    Path dir = store.home().toolchains();
    if (!Files.isDirectory(dir)) {
      return;
    }
    Trash trash = new Trash(dir);
    sweep(dir, null, trash);
    trash.empty();
  }

  /**
   * Moves aside temp folders of crashed installs: those of {@code ours} (whose lock the caller
   * holds; may be null), and others' whose lock is free.
   */
  private static void sweep(Path dir, String ours, Trash trash) {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp-*")) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        String owner = n.substring(1, n.indexOf(".tmp-"));
        if (owner.equals(ours)) {
          trash.discard(p);
        } else {
          Optional<FileLocks.Held> l = VersionLock.tryAcquire(VersionLock.fileOf(dir, owner));
          if (l.isPresent()) {
            try {
              trash.discard(p);
            } finally {
              l.get().close();
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private Result installLocked(GoVersion version, ArchiveOrigin origin, Path dir, Trash trash) {
    String name = version.toString();
    Path tmp =
        dir.resolve(
            "."
                + name
                + ".tmp-"
                + ProcessHandle.current().pid()
                + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
    try {
      Files.createDirectory(tmp);
      probe.reached("temp-created");
      Pass pass = fetchAndUnpack(origin, tmp, trash);
      Path goDir = tmp.resolve("go");
      checkVersionFile(goDir, version, origin.filename());
      probe.reached("version-checked");
      Path root = store.root(version);
      Files.move(goDir, root, StandardCopyOption.ATOMIC_MOVE);
      AtomicFiles.fsyncDirectory(dir);
      probe.reached("published");
      Files.deleteIfExists(tmp);
      return new Result(
          version, root, false, pass.sha256, origin.filename(), pass.downloaded, pass.h1);
    } catch (IOException e) {
      discardQuietly(trash, tmp);
      throw GovernException.runtime("cannot install " + name + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      discardQuietly(trash, tmp);
      throw e;
    }
  }

  private static void discardQuietly(Trash trash, Path tmp) {
    try {
      trash.discard(tmp);
    } catch (RuntimeException ignored) {
      // the next install sweeps it
    }
  }

  private record Pass(String sha256, long downloaded, String h1) {}

  private enum Format {
    TAR_GZ,
    ZIP,
    /** A toolchain module zip: streamed, renamed into go/, checked by its h1: dirhash. */
    MODULE_ZIP
  }

  /** An opened archive stream and what to do with its cached copy afterwards. */
  private interface Opened extends AutoCloseable {
    InputStream stream();

    /** True when bytes from an earlier run (cached or partial) are part of the stream. */
    boolean reused();

    long downloaded();

    /** True when the rest of the stream comes over the network (so a short stream is a cut). */
    default boolean fromNetwork() {
      return false;
    }

    /** The verified copy, where a zip can be unpacked from. */
    Path commit() throws IOException;

    void discard() throws IOException;

    @Override
    void close() throws IOException;
  }

  private Pass fetchAndUnpack(ArchiveOrigin origin, Path tmp, Trash trash) throws IOException {
    Format format = formatOf(origin);
    for (int attempt = 0; ; attempt++) {
      try (Opened o = open(origin, attempt > 0)) {
        progress.start(origin.filename(), sizeOf(origin));
        Sha256InputStream hashed = new Sha256InputStream(o.stream());
        Exception unpackFailure = null;
        ModuleZipEntries module = null;
        try {
          if (format == Format.TAR_GZ || format == Format.MODULE_ZIP) {
            try {
              if (format == Format.TAR_GZ) {
                unpackTarGz(hashed, tmp, origin.filename());
              } else {
                module =
                    new ModuleZipEntries(
                        hashed, ((ArchiveOrigin.ModuleZip) origin).prefix(), origin.filename());
                new Unpacker(tmp, "go", origin.filename(), limits, () -> probe.reached("entry"))
                    .unpack(module);
              }
            } catch (IOException | GovernException e) {
              if (e instanceof DownloadInterruptedException d) {
                throw d;
              }
              unpackFailure = e;
            }
          }
          hashed.drain();
        } catch (DownloadInterruptedException e) {
          throw new GovernException(
              ErrorCode.NETWORK,
              "download of " + origin.filename() + " interrupted: " + e.getMessage(),
              "run the same command again: it resumes where it stopped",
              e);
        } finally {
          progress.finish();
        }
        probe.reached("hashed");
        long expectedSize = sizeOf(origin);
        if (expectedSize > 0 && hashed.count() < expectedSize && o.fromNetwork()) {
          throw new GovernException(
              ErrorCode.NETWORK,
              "download of "
                  + origin.filename()
                  + " ended after "
                  + hashed.count()
                  + " of "
                  + expectedSize
                  + " bytes",
              "run the same command again: it resumes where it stopped");
        }
        String actual = hashed.hex();
        if (origin instanceof ArchiveOrigin.ModuleZip m) {
          String h1 = checkModule(m, module, unpackFailure, o, attempt);
          if (h1 == null) {
            trash.discard(tmp);
            Files.createDirectory(tmp);
            continue;
          }
          o.commit();
          probe.reached("verified");
          return new Pass(actual, o.downloaded(), h1);
        }
        if (!actual.equals(origin.sha256())) {
          o.discard();
          if (o.reused() && attempt == 0) {
            // a cached or partial copy was bad: throw it away and download afresh
            trash.discard(tmp);
            Files.createDirectory(tmp);
            continue;
          }
          throw new GovernException(
              ErrorCode.CHECKSUM_MISMATCH,
              "checksum mismatch for "
                  + origin.filename()
                  + ": expected sha256 "
                  + origin.sha256()
                  + ", got "
                  + actual
                  + (origin instanceof ArchiveOrigin.Remote ? "; the download was deleted" : ""),
              "the mirror or the file is corrupt or tampered with; check --mirror and the index");
        }
        Path verified = o.commit();
        probe.reached("verified");
        if (unpackFailure instanceof GovernException g) {
          throw g;
        }
        if (unpackFailure != null) {
          throw unpackError(origin.filename(), (IOException) unpackFailure);
        }
        if (format == Format.ZIP) {
          try (ZipEntries zip = ZipEntries.open(verified)) {
            new Unpacker(tmp, "go", origin.filename(), limits, () -> probe.reached("entry"))
                .unpack(zip);
          } catch (ArchiveFormatException | ZipException e) {
            throw unpackError(origin.filename(), e);
          }
        }
        return new Pass(actual, o.downloaded(), null);
      }
    }
  }

  /**
   * Checks a module zip after its pass: the unpack must have read it to its end and its dirhash
   * must be the checksum database's. Returns the dirhash, or null to try again with a fresh
   * download (when bytes of an earlier run were bad).
   */
  private static String checkModule(
      ArchiveOrigin.ModuleZip m,
      ModuleZipEntries module,
      Exception unpackFailure,
      Opened o,
      int attempt)
      throws IOException {
    if (unpackFailure != null) {
      o.discard();
      if (o.reused() && attempt == 0) {
        return null;
      }
      if (unpackFailure instanceof GovernException g) {
        throw g;
      }
      throw unpackError(m.filename(), (IOException) unpackFailure);
    }
    String h1 = module.h1();
    if (m.h1() != null && !h1.equals(m.h1())) {
      o.discard();
      if (o.reused() && attempt == 0) {
        return null;
      }
      throw new GovernException(
          ErrorCode.CHECKSUM_MISMATCH,
          "checksum mismatch for "
              + m.filename()
              + " from "
              + m.uri()
              + ": the checksum database has "
              + m.h1()
              + ", the download has "
              + h1
              + "; the download was deleted",
          "the proxy or the file is corrupt or tampered with; check GOPROXY");
    }
    return h1;
  }

  private static GovernException unpackError(String filename, IOException e) {
    return GovernException.invalidInput(
        "cannot unpack " + filename + ": " + (e.getMessage() == null ? e : e.getMessage()));
  }

  private void unpackTarGz(InputStream raw, Path tmp, String filename) throws IOException {
    GZIPInputStream gz;
    try {
      gz = new GZIPInputStream(raw, BUFFER);
    } catch (ZipException e) {
      throw new ArchiveFormatException(filename + " is not gzip-compressed: " + e.getMessage());
    }
    TarReader tar = new TarReader(new BufferedInputStream(gz, BUFFER));
    try {
      new Unpacker(tmp, "go", filename, limits, () -> probe.reached("entry")).unpack(tar);
      tar.drain();
    } catch (ZipException e) {
      throw new ArchiveFormatException("damaged gzip data in " + filename + ": " + e.getMessage());
    }
  }

  private static long sizeOf(ArchiveOrigin origin) {
    if (origin instanceof ArchiveOrigin.Remote r) {
      return r.size();
    }
    if (origin instanceof ArchiveOrigin.ModuleZip) {
      return -1;
    }
    try {
      return Files.size(((ArchiveOrigin.Local) origin).file());
    } catch (IOException e) {
      return -1;
    }
  }

  private static Format formatOf(ArchiveOrigin origin) throws IOException {
    if (origin instanceof ArchiveOrigin.ModuleZip) {
      return Format.MODULE_ZIP;
    }
    String n = origin.filename();
    if (n.endsWith(".zip")) {
      return Format.ZIP;
    }
    if (n.endsWith(".tar.gz") || n.endsWith(".tgz")) {
      return Format.TAR_GZ;
    }
    if (origin instanceof ArchiveOrigin.Local l) {
      byte[] magic;
      try (InputStream in = Files.newInputStream(l.file())) {
        magic = in.readNBytes(2);
      }
      if (magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
        return Format.TAR_GZ;
      }
      if (magic.length == 2 && magic[0] == 'P' && magic[1] == 'K') {
        return Format.ZIP;
      }
    }
    throw GovernException.invalidInput(
        "cannot tell the format of " + n + " (govern unpacks .tar.gz and .zip)");
  }

  private Opened open(ArchiveOrigin origin, boolean fresh) throws IOException {
    if (origin instanceof ArchiveOrigin.Local l) {
      if (!Files.isRegularFile(l.file())) {
        throw GovernException.notFound("no such archive: " + l.file(), null);
      }
      InputStream in = Files.newInputStream(l.file());
      return new Opened() {
        @Override
        public InputStream stream() {
          return in;
        }

        @Override
        public boolean reused() {
          return false;
        }

        @Override
        public long downloaded() {
          return 0;
        }

        @Override
        public Path commit() {
          return l.file();
        }

        @Override
        public void discard() {
          // never delete the user's own file
        }

        @Override
        public void close() throws IOException {
          in.close();
        }
      };
    }
    if (origin instanceof ArchiveOrigin.ModuleZip m) {
      return openRemote(m.uri(), m.filename(), -1, fresh);
    }
    ArchiveOrigin.Remote r = (ArchiveOrigin.Remote) origin;
    return openRemote(r.uri(), r.filename(), r.size(), fresh);
  }

  private Opened openRemote(URI uri, String filename, long size, boolean fresh) throws IOException {
    Path downloads = store.home().downloads();
    Files.createDirectories(downloads);
    Path done = downloads.resolve(filename);
    Path part = downloads.resolve(filename + ".partial");
    if (fresh) {
      Files.deleteIfExists(done);
      Files.deleteIfExists(part);
    }
    if (Files.isRegularFile(done)) {
      InputStream in = Files.newInputStream(done);
      return new Opened() {
        @Override
        public InputStream stream() {
          return in;
        }

        @Override
        public boolean reused() {
          return true;
        }

        @Override
        public long downloaded() {
          return 0;
        }

        @Override
        public Path commit() {
          return done;
        }

        @Override
        public void discard() throws IOException {
          in.close();
          Files.deleteIfExists(done);
        }

        @Override
        public void close() throws IOException {
          in.close();
        }
      };
    }
    long have = Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS) ? Files.size(part) : 0;
    if (size > 0 && have > size) {
      Files.delete(part);
      have = 0;
    }
    InputStream net;
    if (size > 0 && have == size) {
      net = InputStream.nullInputStream();
    } else {
      UrlFetcher.Body body = fetcher.open(uri, have);
      net = body.stream();
      if (have > 0 && net instanceof UrlFetcher.StartsAtZero) {
        have = 0; // the server ignored the range: start over
      }
    }
    probe.reached("connected");
    FileChannel sink = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    sink.truncate(have);
    sink.position(have);
    InputStream prefix =
        have > 0
            ? new BoundedInputStream(Files.newInputStream(part), have)
            : InputStream.nullInputStream();
    StallGuard guard = new StallGuard(idleTimeout, net);
    TeeInputStream tee =
        new TeeInputStream(net, sink, progress, have, () -> probe.reached("chunk"), guard);
    InputStream all = new java.io.SequenceInputStream(prefix, tee);
    boolean reused = have > 0;
    long start = have;
    return new Opened() {
      @Override
      public InputStream stream() {
        return all;
      }

      @Override
      public boolean reused() {
        return reused;
      }

      @Override
      public long downloaded() {
        return tee.done() - start;
      }

      @Override
      public boolean fromNetwork() {
        return true;
      }

      @Override
      public Path commit() throws IOException {
        sink.close();
        Files.move(part, done, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return done;
      }

      @Override
      public void discard() throws IOException {
        sink.close();
        Files.deleteIfExists(part);
      }

      @Override
      public void close() throws IOException {
        guard.close();
        try {
          sink.close();
        } finally {
          all.close();
        }
      }
    };
  }

  private static void checkVersionFile(Path goDir, GoVersion version, String archive)
      throws IOException {
    Path vf = goDir.resolve("VERSION");
    if (!Files.isRegularFile(vf, LinkOption.NOFOLLOW_LINKS)) {
      throw GovernException.invalidInput(
          archive + " has no go/VERSION file: it is not a Go distribution");
    }
    String first;
    try (BufferedReader r = Files.newBufferedReader(vf, StandardCharsets.UTF_8)) {
      first = r.readLine();
    }
    first = first == null ? "" : first.strip();
    if (!first.equals(version.toString())) {
      throw GovernException.invalidInput(
          archive
              + " holds "
              + (first.isEmpty() ? "no version" : first)
              + " (first line of go/VERSION), not the requested "
              + version);
    }
  }

  /** Reads at most {@code limit} bytes of a stream. */
  private static final class BoundedInputStream extends java.io.FilterInputStream {
    private long left;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
