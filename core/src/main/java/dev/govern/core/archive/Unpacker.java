package dev.govern.core.archive;

import dev.govern.core.GovernException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unpacks archive entries under one destination folder, refusing anything that could write outside
 * it or is not a plain file tree: absolute names, {@code ..}, entries outside the top folder,
 * symbolic links whose target leaves the tree, entries reached through a symbolic link, hard links
 * to anything but an earlier file, devices and FIFOs, duplicates, and more data or entries than the
 * limits allow. Permission bits are kept (owner may always write directories); file modification
 * times are kept.
 *
 * <p>A rejected archive leaves a partly written destination: the caller owns it and discards it.
 */
public final class Unpacker {
  private static final int BUFFER = 1 << 16;
  private static final boolean POSIX =
      java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path dest;
  private final String top;
  private final String archiveName;
  private final UnpackLimits limits;
  private final Runnable perEntry;
  private final Map<String, ArchiveEntry.Type> made = new HashMap<>();
  private final byte[] buffer = new byte[BUFFER];
  private long bytes;
  private long entries;

  /**
   * @param dest the folder to unpack into (exists, empty)
   * @param top the one top-level folder every entry must be inside (e.g. {@code go})
   * @param archiveName the archive's name, for error messages
   * @param limits total size and entry count bounds
   * @param perEntry called after each entry (progress, fault injection in tests)
   */
  public Unpacker(
      Path dest, String top, String archiveName, UnpackLimits limits, Runnable perEntry) {
    this.dest = dest;
    this.top = top;
    this.archiveName = archiveName;
    this.limits = limits;
    this.perEntry = perEntry;
  }

  /** Unpacks every entry of {@code source}. */
  public void unpack(EntrySource source) throws IOException {
    ArchiveEntry e;
    boolean sawTop = false;
    while ((e = source.next()) != null) {
      if (++entries > limits.maxEntries()) {
        throw reject(
            "it has more than " + limits.maxEntries() + " entries (limit max-unpacked-entries)");
      }
      List<String> parts = clean(e.name());
      if (parts.isEmpty()) {
        continue; // "./" itself
      }
      sawTop = true;
      checkAncestors(e.name(), parts);
      String key = String.join("/", parts);
      Path target = dest.resolve(key);
      switch (e.type()) {
        case DIRECTORY -> directory(parts, e.mode());
        case FILE -> file(e, key, parts, target, source.data());
        case SYMLINK -> symlink(e, key, parts, target);
        case HARDLINK -> hardlink(e, key, parts, target);
        case SPECIAL ->
            throw reject(
                "entry \"" + e.name() + "\" is a device file or FIFO; a toolchain has none");
        case UNKNOWN ->
            throw reject("entry \"" + e.name() + "\" has an entry type govern does not unpack");
        default -> throw new IllegalStateException(e.type().toString());
      }
      perEntry.run();
    }
    if (!sawTop) {
      throw reject("it is empty");
    }
  }

  /** Total file bytes written so far. */
  public long bytes() {
    return bytes;
  }

  private List<String> clean(String raw) {
    if (raw.isEmpty() || raw.indexOf('\0') >= 0) {
      throw reject("an entry has an empty or binary name");
    }
    if (raw.startsWith("/") || raw.matches("^[A-Za-z]:.*")) {
      throw reject("entry \"" + raw + "\" has an absolute path");
    }
    if (raw.indexOf('\\') >= 0) {
      throw reject("entry \"" + raw + "\" contains a backslash");
    }
    List<String> parts = new ArrayList<>();
    for (String p : raw.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        throw reject("entry \"" + raw + "\" refers to a parent folder (..)");
      }
      parts.add(p);
    }
    if (!parts.isEmpty() && !parts.get(0).equals(top)) {
      throw reject("entry \"" + raw + "\" is outside the top folder " + top + "/");
    }
    return parts;
  }

  private void checkAncestors(String raw, List<String> parts) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.size() - 1; i++) {
      if (i > 0) {
        b.append('/');
      }
      b.append(parts.get(i));
      ArchiveEntry.Type t = made.get(b.toString());
      if (t != null && t != ArchiveEntry.Type.DIRECTORY) {
        throw reject("entry \"" + raw + "\" is inside \"" + b + "\", which is not a folder");
      }
    }
  }

  private void directory(List<String> parts, int mode) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        b.append('/');
      }
      b.append(parts.get(i));
      String key = b.toString();
      ArchiveEntry.Type t = made.get(key);
      if (t == null) {
        Path p = dest.resolve(key);
        int m = i == parts.size() - 1 && mode != 0 ? mode : 0755;
        if (POSIX) {
          Files.createDirectory(p, attribute((m & 0777) | 0700));
        } else {
          Files.createDirectory(p);
        }
        made.put(key, ArchiveEntry.Type.DIRECTORY);
      } else if (t != ArchiveEntry.Type.DIRECTORY) {
        throw reject("entry \"" + key + "\" is both a folder and a file or link");
      }
    }
  }

  private void parents(List<String> parts) throws IOException {
    if (parts.size() > 1) {
      directory(parts.subList(0, parts.size() - 1), 0);
    }
  }

  private void claim(String key) {
    if (made.putIfAbsent(key, ArchiveEntry.Type.FILE) != null) {
      throw reject("entry \"" + key + "\" appears twice");
    }
  }

  private void file(ArchiveEntry e, String key, List<String> parts, Path target, InputStream in)
      throws IOException {
    if (e.size() > limits.maxBytes() - bytes) {
      throw bomb();
    }
    parents(parts);
    claim(key);
    int mode = e.mode() == 0 ? 0644 : e.mode() & 0777;
    Set<StandardOpenOption> opts =
        EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    try (FileChannel ch =
        POSIX ? FileChannel.open(target, opts, attribute(mode)) : FileChannel.open(target, opts)) {
      ByteBuffer buf = ByteBuffer.wrap(buffer);
      int n;
      while ((n = in.read(buffer)) > 0) {
        bytes += n;
        if (bytes > limits.maxBytes()) {
          throw bomb();
        }
        buf.clear().limit(n);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
      }
    } catch (FileAlreadyExistsException ex) {
      throw reject("entry \"" + key + "\" appears twice");
    }
    if (e.mtimeSeconds() > 0) {
      Files.setLastModifiedTime(target, FileTime.fromMillis(e.mtimeSeconds() * 1000));
    }
  }

  private void symlink(ArchiveEntry e, String key, List<String> parts, Path target)
      throws IOException {
    String link = e.link();
    if (link.isEmpty()) {
      throw reject("symbolic link \"" + e.name() + "\" has no target");
    }
    if (link.startsWith("/") || link.matches("^[A-Za-z]:.*") || link.indexOf('\\') >= 0) {
      throw reject(
          "symbolic link \"" + e.name() + "\" points outside the tree (to \"" + link + "\")");
    }
    int depth = parts.size() - 1; // folders above the link, the top folder included
    boolean descending = false;
    for (String p : link.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (descending) {
          // "a/../.." resolves through a, which may itself be a link: refuse the ambiguity
          throw reject(
              "symbolic link \"" + e.name() + "\" has a target with .. after a name: " + link);
        }
        depth--;
        if (depth < 1) {
          throw reject(
              "symbolic link \"" + e.name() + "\" points outside the tree (to \"" + link + "\")");
        }
      } else {
        descending = true;
      }
    }
    parents(parts);
    claim(key);
    made.put(key, ArchiveEntry.Type.SYMLINK);
    Files.createSymbolicLink(target, Path.of(link));
  }

  private void hardlink(ArchiveEntry e, String key, List<String> parts, Path target)
      throws IOException {
    List<String> to;
    try {
      to = clean(e.link());
    } catch (GovernException ex) {
      throw reject("hard link \"" + e.name() + "\" points outside the tree");
    }
    String toKey = String.join("/", to);
    if (to.isEmpty() || made.get(toKey) != ArchiveEntry.Type.FILE) {
      throw reject("hard link \"" + e.name() + "\" does not point to an earlier file");
    }
    parents(parts);
    claim(key);
    Files.createLink(target, dest.resolve(toKey));
  }

  private GovernException bomb() {
    return reject(
        "it unpacks to more than "
            + limits.maxBytes()
            + " bytes (limit max-unpacked-size; a decompression bomb?)");
  }

  private GovernException reject(String why) {
    return GovernException.invalidInput("refusing to unpack " + archiveName + ": " + why);
  }

  private static FileAttribute<Set<PosixFilePermission>> attribute(int mode) {
    return PosixFilePermissions.asFileAttribute(permissions(mode));
  }

  /** The permission set of a Unix mode. */
  public static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_EXECUTE
    };
    for (int i = 0; i < 9; i++) {
      if ((mode & (0400 >> i)) != 0) {
        s.add(order[i]);
      }
    }
    return s;
  }
}
