package dev.govern.core.artifact.binary;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks a directory the way {@code go version <dir>} does: depth first, entries in byte order of
 * their names, symbolic links to directories not followed, symbolic links to regular files
 * followed, and only executable regular files considered (on Windows: names ending in {@code
 * .exe}). Paths are written as Go's {@code filepath.Join} writes them.
 */
public final class ExecutableWalk {
  private static final boolean WINDOWS =
      System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private ExecutableWalk() {}

  /**
   * A file met by the walk.
   *
   * @param name the path as Go would print it
   * @param path the file
   * @param skipped why it is not read ({@code null} when it should be)
   */
  public record Entry(String name, Path path, String skipped) {
    public boolean candidate() {
      return skipped == null;
    }
  }

  /** Calls {@code sink} for every regular file and file symlink under {@code root}, in order. */
  public static void walk(Path root, String rootName, Consumer<Entry> sink) {
    walkDir(root, rootName, sink);
  }

  private static void walkDir(Path dir, String dirName, Consumer<Entry> sink) {
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        children.add(p);
      }
    } catch (IOException e) {
      sink.accept(new Entry(dirName, dir, "cannot read directory: " + e.getMessage()));
      return;
    }
    children.sort((a, b) -> compareBytes(a.getFileName().toString(), b.getFileName().toString()));
    for (Path child : children) {
      String name = GoPaths.join(dirName, child.getFileName().toString());
      BasicFileAttributes attrs;
      try {
        attrs = readAttributes(child, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        sink.accept(new Entry(name, child, e.getMessage()));
        continue;
      }
      if (attrs.isDirectory()) {
        walkDir(child, name, sink);
      } else if (attrs.isRegularFile()) {
        sink.accept(new Entry(name, child, executableReason(name, attrs)));
      } else if (attrs.isSymbolicLink()) {
        BasicFileAttributes target;
        try {
          target = readAttributes(child);
        } catch (IOException e) {
          sink.accept(new Entry(name, child, "symlink"));
          continue;
        }
        if (!target.isRegularFile()) {
          sink.accept(new Entry(name, child, "symlink"));
        } else {
          sink.accept(new Entry(name, child, executableReason(name, target)));
        }
      }
    }
  }

  private static BasicFileAttributes readAttributes(Path p, LinkOption... options)
      throws IOException {
    if (WINDOWS) {
      return Files.readAttributes(p, BasicFileAttributes.class, options);
    }
    return Files.readAttributes(p, PosixFileAttributes.class, options);
  }

  /** Null when the file counts as executable, else the reason Go gives. */
  private static String executableReason(String name, BasicFileAttributes attrs) {
    if (WINDOWS) {
      return name.toLowerCase(Locale.ROOT).endsWith(".exe") ? null : "not executable file";
    }
    Set<PosixFilePermission> perms = ((PosixFileAttributes) attrs).permissions();
    boolean exec =
        perms.contains(PosixFilePermission.OWNER_EXECUTE)
            || perms.contains(PosixFilePermission.GROUP_EXECUTE)
            || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
    return exec ? null : "not executable file";
  }

  /** Go sorts names by their UTF-8 bytes. */
  static int compareBytes(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }
}
