package dev.govern.core.archive;

/**
 * One entry of an archive, as read from its header.
 *
 * @param name the path inside the archive, as written (not yet checked)
 * @param type what the entry is
 * @param size the data size in bytes (regular files only)
 * @param mode the Unix permission bits (0 when the archive has none)
 * @param mtimeSeconds modification time in seconds since the epoch, or -1
 * @param link the target of a symbolic or hard link, else empty
 */
public record ArchiveEntry(
    String name, Type type, long size, int mode, long mtimeSeconds, String link) {

  /** The kinds of entries archives hold. */
  public enum Type {
    FILE,
    DIRECTORY,
    SYMLINK,
    HARDLINK,
    /** Character or block device, FIFO: never unpacked. */
    SPECIAL,
    /** An entry type this reader does not know. */
    UNKNOWN
  }
}
