package dev.govern.core.ledger;

import dev.govern.core.GovernException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The ledger file ({@code ledger.jsonl}) and its companions: {@code .lock} (held exclusively by
 * every writer, across processes, with {@link FileChannel#lock()}), {@code .checkpoints} (signed
 * head statements) and {@code .quarantine-*} (torn bytes moved aside by {@link #repair}).
 *
 * <p>An append locks, reads the last line by seeking from the end (constant work however long the
 * ledger is), writes one line, forces it to disk, and releases the lock.
 */
public final class Ledger {
  /** The time format of entries: UTC, RFC 3339, milliseconds. */
  public static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final int BLOCK = 8192;

  /** Called between the chunks of a slow write (a test hook to stop a writer mid-line). */
  @FunctionalInterface
  public interface WriteHook {
    void afterChunk(long seq, int written, int total) throws IOException;
  }

  /**
   * The end of the ledger as an append sees it.
   *
   * @param seq the seq of the last complete entry (0 when empty)
   * @param hash its hash ({@link LedgerEntry#GENESIS} when empty)
   * @param completeLength bytes up to and including the last newline
   * @param tornBytes bytes after the last newline: a torn line, 0 normally
   */
  public record Tail(long seq, String hash, long completeLength, long tornBytes) {}

  /** What a repair did. */
  public record Repair(long tornBytes, Path quarantine, LedgerEntry entry) {}

  private final Path file;
  private WriteHook hook;
  private int chunk;

  public Ledger(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  public Path file() {
    return file;
  }

  public Path lockFile() {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  public Path checkpointsFile() {
    return file.resolveSibling(file.getFileName() + ".checkpoints");
  }

  /** Writes lines in chunks of {@code chunkBytes}, calling {@code hook} after each (tests). */
  public Ledger withWriteHook(int chunkBytes, WriteHook writeHook) {
    this.chunk = chunkBytes;
    this.hook = writeHook;
    return this;
  }

  /** Work done while holding the ledger's exclusive lock. */
  @FunctionalInterface
  interface LockedWork<T> {
    T run(FileChannel ledger) throws IOException;
  }

  <T> T locked(LockedWork<T> work) {
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
    jvmLock.lock();
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel lockCh =
              FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = lockCh.lock();
          FileChannel ch =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE)) {
        T result = work.run(ch);
        held.release();
        return result;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write ledger " + file + ": " + e.getMessage(), e);
    } finally {
      jvmLock.unlock();
    }
  }

  /** Appends one entry; signs it when {@code key} is given; checkpoints every N entries. */
  public LedgerEntry append(
      Change change, String operator, SigningKey key, int checkpointEvery, Instant now) {
    return locked(
        ch -> {
          Tail tail = readTail(ch);
          refuseTorn(tail);
          LedgerEntry e = entry(tail, change, operator, key, now);
          writeLine(ch, tail.completeLength(), e.seq(), e.toLine());
          if (checkpointEvery > 0 && e.seq() % checkpointEvery == 0) {
            writeCheckpoint(e.seq(), e.hash(), operator, key, now);
          }
          return e;
        });
  }

  /** Writes a checkpoint of the current head. */
  public Checkpoint checkpoint(String operator, SigningKey key, Instant now) {
    return locked(
        ch -> {
          Tail tail = readTail(ch);
          refuseTorn(tail);
          if (tail.seq() == 0) {
            throw GovernException.precondition("the ledger " + file + " is empty", null);
          }
          return writeCheckpoint(tail.seq(), tail.hash(), operator, key, now);
        });
  }

  /**
   * Moves a torn last line to a quarantine file and appends a {@code ledger-repair} entry naming
   * it. Returns empty when the ledger ends cleanly.
   */
  public java.util.Optional<Repair> repair(String operator, SigningKey key, Instant now) {
    return locked(
        ch -> {
          Tail tail = readTail(ch);
          if (tail.tornBytes() == 0) {
            return java.util.Optional.<Repair>empty();
          }
          ByteBuffer torn = ByteBuffer.allocate((int) tail.tornBytes());
          while (torn.hasRemaining()) {
            if (ch.read(torn, tail.completeLength() + torn.position()) < 0) {
              break;
            }
          }
          torn.flip();
          String stamp = TIME.format(now).replace(":", "").replace(".", "");
          Path q = file.resolveSibling(file.getFileName() + ".quarantine-" + stamp);
          try (FileChannel qc =
              FileChannel.open(q, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] raw = new byte[torn.remaining()];
            torn.get(raw);
            ByteBuffer b = ByteBuffer.wrap(raw);
            while (b.hasRemaining()) {
              qc.write(b);
            }
            qc.force(true);
            String digest = java.util.HexFormat.of().formatHex(LedgerEntry.sha256().digest(raw));
            dev.govern.core.io.AtomicFiles.fsyncDirectory(file.getParent());
            ch.truncate(tail.completeLength());
            ch.force(true);
            Change c =
                new Change(
                    "ledger-repair",
                    "ledger:" + file.getFileName(),
                    null,
                    null,
                    "torn tail: "
                        + raw.length
                        + " bytes of seq "
                        + (tail.seq() + 1)
                        + " (sha256 "
                        + digest
                        + ") moved to "
                        + q.getFileName(),
                    null);
            LedgerEntry e = entry(tail, c, operator, key, now);
            writeLine(ch, tail.completeLength(), e.seq(), e.toLine());
            return java.util.Optional.of(new Repair(raw.length, q, e));
          }
        });
  }

  private LedgerEntry entry(Tail tail, Change c, String operator, SigningKey key, Instant now) {
    return LedgerChain.next(tail.seq(), tail.hash(), c, operator, key, now);
  }

  private void refuseTorn(Tail tail) {
    if (tail.tornBytes() > 0) {
      throw GovernException.precondition(
          "the ledger "
              + file
              + " ends with a torn line ("
              + tail.tornBytes()
              + " bytes of seq "
              + (tail.seq() + 1)
              + " after a crash)",
          "run 'govern audit repair' to quarantine it and record the repair");
    }
  }

  private void writeLine(FileChannel ch, long at, long seq, String line) throws IOException {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    if (hook == null) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      long pos = at;
      while (b.hasRemaining()) {
        pos += ch.write(b, pos);
      }
    } else {
      int written = 0;
      while (written < bytes.length) {
        int n = Math.min(chunk, bytes.length - written);
        ByteBuffer b = ByteBuffer.wrap(bytes, written, n);
        while (b.hasRemaining()) {
          ch.write(b, at + written + (n - b.remaining()));
        }
        written += n;
        ch.force(false);
        hook.afterChunk(seq, written, bytes.length);
      }
    }
    ch.force(false);
  }

  private Checkpoint writeCheckpoint(
      long seq, String hash, String operator, SigningKey key, Instant now) throws IOException {
    Checkpoint cp = LedgerChain.checkpoint(seq, hash, operator, key, now);
    byte[] line = (cp.toLine() + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel c =
        FileChannel.open(
            checkpointsFile(),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.APPEND)) {
      ByteBuffer b = ByteBuffer.wrap(line);
      while (b.hasRemaining()) {
        c.write(b);
      }
      c.force(false);
    }
    return cp;
  }

  /** Reads the tail of the ledger through an open channel, seeking from the end. */
  static Tail readTail(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0) {
      return new Tail(0, LedgerEntry.GENESIS, 0, 0);
    }
    long lastNl = lastNewlineBefore(ch, size);
    long complete = lastNl + 1;
    long torn = size - complete;
    if (lastNl < 0) {
      return new Tail(0, LedgerEntry.GENESIS, 0, size);
    }
    long prevNl = lastNewlineBefore(ch, lastNl);
    int len = (int) (lastNl - prevNl - 1);
    ByteBuffer line = ByteBuffer.allocate(len);
    while (line.hasRemaining()) {
      if (ch.read(line, prevNl + 1 + line.position()) < 0) {
        break;
      }
    }
    LedgerEntry last;
    try {
      last = LedgerEntry.fromMap(CanonicalJson.parseObject(line.array(), 0, len));
    } catch (IllegalArgumentException e) {
      throw new GovernException(
          dev.govern.core.ErrorCode.CHECK_FAILED,
          "the last line of the ledger is not a valid entry: " + e.getMessage(),
          "run 'govern audit verify' to see what is wrong");
    }
    return new Tail(last.seq(), last.hash(), complete, torn);
  }

  /** The offset of the last '\n' strictly before {@code end}, or -1. */
  private static long lastNewlineBefore(FileChannel ch, long end) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(BLOCK);
    long pos = end;
    while (pos > 0) {
      long start = Math.max(0, pos - BLOCK);
      buf.clear().limit((int) (pos - start));
      while (buf.hasRemaining()) {
        if (ch.read(buf, start + buf.position()) < 0) {
          break;
        }
      }
      for (int i = (int) (pos - start) - 1; i >= 0; i--) {
        if (buf.get(i) == '\n') {
          return start + i;
        }
      }
      pos = start;
    }
    return -1;
  }

  /** The ledger's bytes and checkpoint lines, read together under a shared lock. */
  public record Snapshot(byte[] bytes, List<String> checkpointLines) {}

  /**
   * Reads the ledger and its checkpoints while holding a shared lock, so a concurrent append is
   * never seen half-written. Without a lock file (nothing was ever appended here, or read-only
   * storage) it reads without one.
   */
  public Snapshot snapshot() {
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
    jvmLock.lock();
    try {
      if (Files.isReadable(lockFile())) {
        try (FileChannel lockCh = FileChannel.open(lockFile(), StandardOpenOption.READ);
            FileLock held = lockCh.lock(0, Long.MAX_VALUE, true)) {
          Snapshot s = new Snapshot(readBytes(), checkpointLines());
          held.release();
          return s;
        } catch (IOException e) {
          // cannot lock (e.g. a file system without locks): read as is
        }
      }
      return new Snapshot(readBytes(), checkpointLines());
    } finally {
      jvmLock.unlock();
    }
  }

  /** The whole ledger file's bytes (empty when it does not exist), without locking. */
  public byte[] readBytes() {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new byte[0];
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ledger " + file + ": " + e.getMessage(), e);
    }
  }

  /** The checkpoints file's lines, parsed; unreadable lines are reported by the verifier. */
  public List<String> checkpointLines() {
    try {
      return new ArrayList<>(Files.readAllLines(checkpointsFile(), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return new ArrayList<>();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + checkpointsFile() + ": " + e.getMessage(), e);
    }
  }

  /** The complete entries, in file order; a torn tail and malformed lines are left out. */
  public LedgerRead read() {
    byte[] bytes = snapshot().bytes();
    List<LedgerEntry> entries = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int start = 0;
    int lineNo = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        lineNo++;
        try {
          entries.add(LedgerEntry.fromMap(CanonicalJson.parseObject(bytes, start, i - start)));
        } catch (IllegalArgumentException e) {
          problems.add("line " + lineNo + ": " + e.getMessage());
        }
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      problems.add("torn last line: " + (bytes.length - start) + " bytes");
    }
    return new LedgerRead(entries, problems);
  }

  /** The readable entries of a ledger and what could not be read. */
  public record LedgerRead(List<LedgerEntry> entries, List<String> problems) {}
}
