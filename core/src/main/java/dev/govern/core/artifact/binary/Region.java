package dev.govern.core.artifact.binary;

/**
 * A named range of an executable with both its load address and its place in the file: an ELF
 * segment or section, a PE section, a Mach-O segment or section.
 *
 * @param name the section or segment name ({@code .go.buildinfo}, {@code PT_LOAD}, {@code __DATA})
 * @param address the virtual address it is loaded at
 * @param offset where its bytes start in the file
 * @param fileSize how many of its bytes are in the file (0 for bss-like ranges)
 * @param writable whether it is mapped writable
 * @param executable whether it is mapped executable
 */
public record Region(
    String name, long address, long offset, long fileSize, boolean writable, boolean executable) {

  /** Whether {@code addr} falls inside the file-backed part. */
  public boolean contains(long addr) {
    return fileSize > 0
        && Long.compareUnsigned(addr, address) >= 0
        && Long.compareUnsigned(addr - address, fileSize) < 0;
  }
}
