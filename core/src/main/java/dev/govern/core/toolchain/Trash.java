package dev.govern.core.toolchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * Makes trees disappear at once and deletes them later: a tree is renamed to {@code .trash-<id>}
 * beside it (one atomic step, so it is no longer listed), and {@link #empty()} deletes what is in
 * the trash when nothing waits for it. Deleting a large tree is slow and, on some disks, slows down
 * writing a new one, so it stays off the install's critical path.
 */
public final class Trash {
  static final String PREFIX = ".trash-";

  private final Path dir;

  public Trash(Path dir) {
    this.dir = dir;
  }

  /** Renames {@code tree} (inside {@link #dir}) into the trash; a missing tree is fine. */
  public void discard(Path tree) {
    try {
      Files.move(tree, dir.resolve(PREFIX + UUID.randomUUID()), StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + tree + " aside: " + e.getMessage(), e);
    }
  }

  /** Deletes every tree in the trash; trees other processes delete at the same time are fine. */
  public void empty() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*")) {
      for (Path p : ds) {
        deleteTree(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty the trash in " + dir, e);
    }
  }

  /** Whether anything is waiting in the trash. */
  public boolean isEmpty() {
    if (!Files.isDirectory(dir)) {
      return true;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*")) {
      return !ds.iterator().hasNext();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** Deletes a tree without following symbolic links; entries that vanish meanwhile are fine. */
  public static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
            if (exc instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw exc;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            if (exc != null && !(exc instanceof NoSuchFileException)) {
              throw exc;
            }
            Files.deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
