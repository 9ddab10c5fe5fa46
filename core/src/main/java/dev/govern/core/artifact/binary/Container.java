package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * A parsed executable header: the regions it maps and where the Go data lives. Subclasses read only
 * the headers they need; section contents are read on demand through {@link #source()}.
 */
public abstract class Container {
  protected final ByteSource source;

  protected Container(ByteSource source) {
    this.source = source;
  }

  public ByteSource source() {
    return source;
  }

  public abstract ExecutableFormat format();

  /** The target's byte order. */
  public abstract ByteOrder byteOrder();

  /** 4 or 8. */
  public abstract int pointerSize();

  /** The GOARCH-style architecture name, or the raw machine code when unknown. */
  public abstract String architecture();

  /** The regions used to translate virtual addresses (segments when there are any). */
  public abstract List<Region> addressMap();

  /** Where the build-info blob should be (the Go section, or the first writable data region). */
  public abstract Optional<Region> buildInfoWindow();

  /** Further writable regions to search when the window holds no blob. */
  public abstract List<Region> writableRegions();

  /** The function table located by section name or symbols, if there is one. */
  public abstract Optional<Region> pclntabRegion();

  /** Regions in which to scan for a function-table header when there is no section or symbol. */
  public abstract List<Region> pclntabScanRegions();

  /** The Go build ID: the ELF note, or the marker at the start of the text. */
  public Optional<String> buildId() {
    return BuildIdReader.fromTextMarker(source, textRegion());
  }

  /** The start of the text, searched for the build-ID marker when it is not in the first 32 KiB. */
  protected Optional<Region> textRegion() {
    return Optional.empty();
  }

  /**
   * Up to {@code max} bytes at virtual address {@code addr} from the file-backed region holding it
   * (never across regions), or empty when no region maps it.
   */
  public Optional<ByteBuffer> readAddress(long addr, int max) {
    for (Region r : addressMap()) {
      if (r.contains(addr)) {
        long rel = addr - r.address();
        long n = Math.min(max, r.fileSize() - rel);
        return Optional.of(source.read(r.offset() + rel, (int) n).order(byteOrder()));
      }
    }
    return Optional.empty();
  }
}
