package dev.govern.core.deploy;

import dev.govern.core.GovernException;
import dev.govern.core.artifact.binary.NotAGoBinaryException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Go processes running on this host, read from {@code /proc/PID/exe}: the executable each
 * process runs, even when its file was deleted or replaced since it started (the link still opens
 * the running inode). Each distinct executable is read once.
 */
public final class ProcessTable {
  private static final String DELETED = " (deleted)";

  private final Path proc;

  public ProcessTable(Path proc) {
    this.proc = proc;
  }

  /** This host's {@code /proc}. */
  public static ProcessTable system() {
    return new ProcessTable(Path.of("/proc"));
  }

  /**
   * A running Go process.
   *
   * @param pid its process id
   * @param exe the path it was started from (as the kernel names it)
   * @param deleted whether the running file's name has been removed since (the kernel's {@code
   *     (deleted)})
   * @param replaced whether another file is at that path now (a new build renamed over it)
   * @param size the size of the running executable
   * @param facts its build facts
   * @param exeFile the running executable ({@code /proc/PID/exe}), to hash it
   */
  public record Running(
      long pid,
      String exe,
      boolean deleted,
      boolean replaced,
      long size,
      BinaryFacts facts,
      Path exeFile) {}

  /**
   * One reading of the table.
   *
   * @param processes the Go processes, by pid
   * @param seen how many processes there were
   * @param unreadable how many could not be inspected (other users' processes, without root)
   */
  public record Snapshot(List<Running> processes, int seen, int unreadable) {}

  /** The identity of an executable file: same device and inode, size and time, same content. */
  private record FileKey(Object inode, long size, FileTime time) {}

  /** The Go processes now running. */
  public Snapshot read() {
    List<Long> pids = pids();
    Map<FileKey, Optional<BinaryFacts>> cache = new HashMap<>();
    List<Running> out = new ArrayList<>();
    int unreadable = 0;
    for (long pid : pids) {
      try {
        inspect(pid, cache).ifPresent(out::add);
      } catch (AccessDeniedException e) {
        unreadable++;
      } catch (IOException e) {
        // gone since the listing, a kernel thread or a zombie: nothing runs an executable
      }
    }
    return new Snapshot(List.copyOf(out), pids.size(), unreadable);
  }

  /** The Go process {@code pid}; fails when there is none or it does not run a Go binary. */
  public Running one(long pid) {
    if (!Files.isDirectory(proc.resolve(Long.toString(pid)))) {
      throw GovernException.notFound("no process " + pid + " on this host", null);
    }
    try {
      return inspect(pid, new HashMap<>())
          .orElseThrow(
              () ->
                  GovernException.precondition(
                      "process " + pid + " does not run a Go binary with build info", null));
    } catch (AccessDeniedException e) {
      throw GovernException.precondition(
          "cannot read " + proc.resolve(pid + "/exe") + ": permission denied",
          "the process belongs to another user; run as that user or root");
    } catch (IOException e) {
      throw GovernException.notFound(
          "process " + pid + " runs no executable (" + e.getMessage() + ")", null);
    }
  }

  private Optional<Running> inspect(long pid, Map<FileKey, Optional<BinaryFacts>> cache)
      throws IOException {
    Path link = proc.resolve(Long.toString(pid)).resolve("exe");
    String target = Files.readSymbolicLink(link).toString();
    boolean deleted = target.endsWith(DELETED);
    String exe = deleted ? target.substring(0, target.length() - DELETED.length()) : target;
    BasicFileAttributes a = Files.readAttributes(link, BasicFileAttributes.class);
    FileKey key = new FileKey(a.fileKey(), a.size(), a.lastModifiedTime());
    Optional<BinaryFacts> facts = cache.get(key);
    if (facts == null) {
      facts = read(link, exe);
      cache.put(key, facts);
    }
    if (facts.isEmpty()) {
      return Optional.empty();
    }
    // a file renamed or copied over the running one unlinks it too: deleted, and replaced
    boolean replaced = !same(Path.of(exe), a);
    return Optional.of(new Running(pid, exe, deleted, replaced, a.size(), facts.get(), link));
  }

  private static Optional<BinaryFacts> read(Path link, String exe) throws IOException {
    try {
      return Optional.of(BinaryFacts.read(link, exe));
    } catch (NotAGoBinaryException e) {
      return Optional.empty();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Whether {@code file} is still the running executable (or is gone: then nothing replaced it).
   */
  private static boolean same(Path file, BasicFileAttributes running) {
    try {
      Object now = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
      return now != null && now.equals(running.fileKey());
    } catch (IOException e) {
      return true;
    }
  }

  private List<Long> pids() {
    try (Stream<Path> s = Files.list(proc)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.isEmpty() && n.chars().allMatch(Character::isDigit) && n.length() < 19)
          .map(Long::parseLong)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + proc + ": " + e.getMessage(), e);
    }
  }
}
