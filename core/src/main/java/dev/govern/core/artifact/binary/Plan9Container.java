package dev.govern.core.artifact.binary;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * Plan 9 a.out (386, amd64, arm). Text follows the header in the file, data follows the text; load
 * addresses follow the Go linker's defaults.
 */
final class Plan9Container extends Container {
  static final int MAGIC_386 = 0x1EB;
  static final int MAGIC_AMD64 = 0x8A97;
  static final int MAGIC_ARM = 0x647;

  private final int magic;
  private final Region text;
  private final Region data;

  Plan9Container(ByteSource src) {
    super(src);
    ByteBuffer h = src.read(0, 32);
    magic = h.getInt(0);
    long hdr = (magic & 0x8000) != 0 ? 40 : 32;
    long textSize = Integer.toUnsignedLong(h.getInt(4));
    long dataSize = Integer.toUnsignedLong(h.getInt(8));
    // the Go linker's defaults: text at INITTEXT (the header shares its first page), data on the
    // next INITRND boundary; only the data start's alignment matters for the build-info search
    long base = magic == MAGIC_AMD64 ? 0x200000 : 0x1000;
    long round = magic == MAGIC_AMD64 ? 0x200000 : 0x1000;
    long textAddr = base + hdr;
    long dataAddr = (textAddr + textSize + round - 1) / round * round;
    text = new Region("text", textAddr, hdr, textSize, false, true);
    data = new Region("data", dataAddr, hdr + textSize, dataSize, true, false);
    src.checkRange(hdr, textSize + dataSize);
  }

  static boolean sniff(int be) {
    return be == MAGIC_386 || be == MAGIC_AMD64 || be == MAGIC_ARM;
  }

  @Override
  public ExecutableFormat format() {
    return ExecutableFormat.PLAN9;
  }

  @Override
  public ByteOrder byteOrder() {
    return ByteOrder.LITTLE_ENDIAN;
  }

  @Override
  public int pointerSize() {
    return magic == MAGIC_AMD64 ? 8 : 4;
  }

  @Override
  public String architecture() {
    return switch (magic) {
      case MAGIC_386 -> "386";
      case MAGIC_AMD64 -> "amd64";
      default -> "arm";
    };
  }

  @Override
  public List<Region> addressMap() {
    return List.of(text, data);
  }

  @Override
  public Optional<Region> buildInfoWindow() {
    return Optional.of(data);
  }

  @Override
  public List<Region> writableRegions() {
    return List.of(data);
  }

  @Override
  public Optional<Region> pclntabRegion() {
    return Optional.empty();
  }

  @Override
  public List<Region> pclntabScanRegions() {
    return List.of(data, text);
  }

  @Override
  protected Optional<Region> textRegion() {
    return Optional.of(text);
  }
}
