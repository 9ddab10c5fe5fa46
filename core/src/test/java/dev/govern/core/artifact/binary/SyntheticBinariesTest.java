package dev.govern.core.artifact.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.testing.TestBinary;
import dev.govern.core.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticBinariesTest {
  private static final String MOD_TEXT =
      "path\texample.com/old\nmod\texample.com/old\t(devel)\t\n"
          + "dep\texample.com/dep\tv1.2.3\th1:abc=\n"
          + "dep\texample.com/r\tv1.0.0\n=>\t../r\t(devel)\t\n\n";

  private static final List<Synth.Func> FUNCS =
      List.of(
          new Synth.Func("internal/cpu.Initialize", 0x401000),
          new Synth.Func("example.com/dotted/yaml%2ev2.Marshal", 0x401100),
          new Synth.Func("main.main", 0x401200));

  private static final List<String> INLINED = List.of("net/http.(*Client).Do");

  /** A pre-1.18 blob: header with two pointers to Go string headers, strings after it. */
  private static byte[] pointerSection(long base, int ptr, ByteOrder order, String v, byte[] mod) {
    Synth.Out o = new Synth.Out(order);
    int hdrs = 32;
    long vers = base + hdrs + 2L * ptr * 2;
    long modAt = vers + v.length();
    o.bytes(Synth.magic()).u8(ptr).u8(order == ByteOrder.BIG_ENDIAN ? 1 : 0);
    o.word(ptr, base + hdrs).word(ptr, base + hdrs + 2L * ptr);
    o.zeros(hdrs - o.pos());
    o.word(ptr, vers).word(ptr, v.length()).word(ptr, modAt).word(ptr, mod.length);
    o.str(v).bytes(mod);
    return o.pad(16).toArray();
  }

  @Test
  void pointerFormatBuildInfoIsReadOnBigEndian32BitElf() {
    long base = 0x10000 + 96; // ELF32 header + one program header, 16-aligned
    byte[] sect =
        pointerSection(base, 4, ByteOrder.BIG_ENDIAN, "go1.17.13", Synth.framed(MOD_TEXT));
    byte[] file =
        Synth.elf(
            false,
            ByteOrder.BIG_ENDIAN,
            8,
            List.of(new Synth.Section(".go.buildinfo", sect, true, false)),
            null,
            true);
    try (GoBinary b = GoBinary.of(new ArrayByteSource("old-mips", file))) {
      assertThat(b.container().architecture()).isEqualTo("mips");
      BuildInfo bi = b.buildInfo();
      assertThat(bi.goVersion()).isEqualTo("go1.17.13");
      assertThat(bi.goVersionM("old-mips"))
          .isEqualTo(
              "old-mips: go1.17.13\n\tpath\texample.com/old\n\tmod\texample.com/old\t(devel)\t\n"
                  + "\tdep\texample.com/dep\tv1.2.3\th1:abc=\n"
                  + "\tdep\texample.com/r\tv1.0.0\n\t=>\t../r\t(devel)\t\n\t\n");
      assertThat(bi.deps().get(1).replacedBy()).contains(ModuleInfo.of("../r", "(devel)", ""));
    }
  }

  @Test
  void pointerFormatBuildInfoIsReadOnLittleEndian64BitElf() {
    long base = 0x10000 + 128;
    byte[] sect =
        pointerSection(base, 8, ByteOrder.LITTLE_ENDIAN, "go1.16.15", Synth.framed(MOD_TEXT));
    byte[] file =
        Synth.elf(
            true,
            ByteOrder.LITTLE_ENDIAN,
            62,
            List.of(new Synth.Section(".go.buildinfo", sect, true, false)),
            null,
            true);
    try (GoBinary b = GoBinary.of(new ArrayByteSource("old-amd64", file))) {
      assertThat(b.buildInfo().goVersion()).isEqualTo("go1.16.15");
      assertThat(b.buildInfo().mainModule().orElseThrow().path()).isEqualTo("example.com/old");
    }
  }

  @Test
  void pointerToUnmappedAddressGivesEmptyStringsSoNotAGoExecutable() {
    byte[] sect = pointerSection(0x999999, 8, ByteOrder.LITTLE_ENDIAN, "go1.16", new byte[0]);
    byte[] file =
        Synth.elf(
            true,
            ByteOrder.LITTLE_ENDIAN,
            62,
            List.of(new Synth.Section(".go.buildinfo", sect, true, false)),
            null,
            true);
    assertThatThrownBy(() -> GoBinary.of(new ArrayByteSource("x", file)).buildInfo())
        .isInstanceOf(NotAGoBinaryException.class)
        .hasMessageStartingWith("x: not a Go executable");
  }

  @ParameterizedTest
  @EnumSource(PclnTable.Layout.class)
  void everyPclntabLayoutGivesFunctionsAndInlinedNamesInBothByteOrders(PclnTable.Layout layout) {
    for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
      for (int ptr : new int[] {4, 8}) {
        byte[] tab = Synth.pclntab(layout, order, ptr, FUNCS, INLINED);
        byte[] file =
            Synth.elf(
                ptr == 8,
                order,
                order == ByteOrder.BIG_ENDIAN ? 21 : 62,
                List.of(
                    new Synth.Section(".gopclntab", tab, false, false),
                    new Synth.Section(
                        ".go.buildinfo", Synth.inlineBlob(ptr, "go1.21.0", MOD_TEXT), true, false)),
                "a/b/c/d",
                true);
        try (GoBinary b = GoBinary.of(new ArrayByteSource("synth", file))) {
          PclnTable t = b.functionTable().orElseThrow();
          assertThat(t.layout()).isEqualTo(layout);
          assertThat(t.byteOrder()).isEqualTo(order);
          assertThat(b.functionNames())
              .containsExactly(
                  "internal/cpu.Initialize", "example.com/dotted/yaml%2ev2.Marshal", "main.main");
          assertThat(b.linkage("main.main")).isEqualTo(FunctionLinkage.FUNCTION);
          assertThat(b.linkage("example.com/dotted/yaml.v2.Marshal"))
              .isEqualTo(FunctionLinkage.FUNCTION);
          assertThat(b.linkage("net/http.(*Client).Do"))
              .isEqualTo(
                  layout == PclnTable.Layout.GO12
                      ? FunctionLinkage.ABSENT
                      : FunctionLinkage.INLINED);
          assertThat(b.linkage("time.Now")).isEqualTo(FunctionLinkage.ABSENT);
          assertThat(b.buildId()).contains("a/b/c/d");
          assertThat(b.buildInfo().goVersion()).isEqualTo("go1.21.0");
        }
      }
    }
  }

  @Test
  void tableIsFoundByScanningWhenThereAreNoSectionHeaders() {
    byte[] tab = Synth.pclntab(PclnTable.Layout.GO120, ByteOrder.LITTLE_ENDIAN, 8, FUNCS, INLINED);
    byte[] file =
        Synth.elf(
            true,
            ByteOrder.LITTLE_ENDIAN,
            62,
            List.of(
                new Synth.Section(".rodata", tab, false, false),
                new Synth.Section(
                    ".go.buildinfo", Synth.inlineBlob(8, "go1.22.4", MOD_TEXT), true, false)),
            null,
            false);
    try (GoBinary b = GoBinary.of(new ArrayByteSource("stripped", file))) {
      assertThat(b.buildInfo().goVersion()).isEqualTo("go1.22.4"); // first RW PT_LOAD
      assertThat(b.functionTable().orElseThrow().layout()).isEqualTo(PclnTable.Layout.GO120);
      assertThat(b.linkage("net/http.(*Client).Do")).isEqualTo(FunctionLinkage.INLINED);
    }
  }

  @Test
  void withoutAFunctionTableLinkageIsUnknown() {
    byte[] file =
        Synth.elf(
            true,
            ByteOrder.LITTLE_ENDIAN,
            62,
            List.of(
                new Synth.Section(
                    ".go.buildinfo", Synth.inlineBlob(8, "go1.22.4", MOD_TEXT), true, false)),
            null,
            true);
    try (GoBinary b = GoBinary.of(new ArrayByteSource("notab", file))) {
      assertThat(b.linkage("main.main")).isEqualTo(FunctionLinkage.UNKNOWN);
      assertThat(b.functionNames()).isEmpty();
    }
  }

  @Test
  void macho32ReadsBuildInfoTableAndTextMarkerBuildId() {
    byte[] file =
        Synth.macho32(
            List.of(
                new Synth.Section("__text", Synth.textMarker("abc/def/ghi/jkl"), false, true),
                new Synth.Section(
                    "__gopclntab",
                    Synth.pclntab(
                        PclnTable.Layout.GO120, ByteOrder.LITTLE_ENDIAN, 4, FUNCS, INLINED),
                    false,
                    false),
                new Synth.Section(
                    "__go_buildinfo", Synth.inlineBlob(4, "go1.20.14", MOD_TEXT), true, false)));
    try (GoBinary b = GoBinary.of(new ArrayByteSource("mac386", file))) {
      assertThat(b.container().format()).isEqualTo(ExecutableFormat.MACHO);
      assertThat(b.container().architecture()).isEqualTo("386");
      assertThat(b.container().pointerSize()).isEqualTo(4);
      assertThat(b.buildInfo().goVersion()).isEqualTo("go1.20.14");
      assertThat(b.buildId()).contains("abc/def/ghi/jkl");
      assertThat(b.functionTable().orElseThrow().layout()).isEqualTo(PclnTable.Layout.GO120);
    }
  }

  @Test
  void blobBeyondTheFirst64KiBAndAfterAMisalignedMagicIsFound() {
    Synth.Out o = new Synth.Out(ByteOrder.LITTLE_ENDIAN);
    o.zeros(5).bytes(Synth.magic()).zeros(40); // misaligned: skipped
    o.zeros(70_000 - o.pos()).pad(16);
    o.bytes(Synth.inlineBlob(8, "go1.23.1", MOD_TEXT));
    byte[] file =
        Synth.elf(
            true,
            ByteOrder.LITTLE_ENDIAN,
            62,
            List.of(new Synth.Section(".go.buildinfo", o.toArray(), true, false)),
            null,
            true);
    try (GoBinary b = GoBinary.of(new ArrayByteSource("late", file))) {
      assertThat(b.buildInfo().goVersion()).isEqualTo("go1.23.1");
    }
  }

  @Test
  void inlineStringRunningPastItsSectionIsCorruptBuildInfo() {
    byte[] blob = Synth.inlineBlob(8, "go1.22.0", MOD_TEXT);
    byte[] cut = java.util.Arrays.copyOf(blob, 60);
    byte[] file =
        Synth.elf(
            true,
            ByteOrder.LITTLE_ENDIAN,
            62,
            List.of(new Synth.Section(".go.buildinfo", cut, true, false)),
            null,
            true);
    assertThatThrownBy(() -> GoBinary.of(new ArrayByteSource("cut", file)).buildInfo())
        .isInstanceOf(NotAGoBinaryException.class)
        .hasMessageStartingWith("cut: corrupt Go build info");
  }

  @Test
  void universalMachOReadsTheFirstSlice() throws IOException {
    TestBinary darwin = Fixtures.darwinArm64();
    byte[] mac = darwin.bytes();
    for (boolean wide : new boolean[] {false, true}) {
      int align = 0x4000;
      int first = align;
      int second = (first + mac.length + align - 1) / align * align;
      Synth.Out o = new Synth.Out(ByteOrder.BIG_ENDIAN);
      o.u32(wide ? 0xcafebabfL : 0xcafebabeL).u32(2);
      for (int off : new int[] {first, second}) {
        o.u32(0x0100000c).u32(0);
        if (wide) {
          o.u64(off).u64(mac.length).u32(14).u32(0);
        } else {
          o.u32(off).u32(mac.length).u32(14);
        }
      }
      o.zeros(first - o.pos()).bytes(mac).zeros(second - first - mac.length).bytes(mac);
      try (GoBinary b = GoBinary.of(new ArrayByteSource("fat", o.toArray()))) {
        assertThat(b.universalArchitectures()).containsExactly("arm64", "arm64");
        assertThat(b.buildInfo().goVersionM(darwin.name())).isEqualTo(darwin.versionM().out());
        assertThat(b.buildId()).isPresent();
        assertThat(b.functionNames()).first().isEqualTo("go.buildid");
      }
    }
  }

  @Test
  void javaClassFileIsNotMistakenForAUniversalBinary() {
    byte[] cls =
        ByteBuffer.allocate(64).putInt(0xcafebabe).putShort((short) 0).putShort((short) 61).array();
    assertThatThrownBy(() -> GoBinary.of(new ArrayByteSource("A.class", cls)))
        .isInstanceOf(NotAGoBinaryException.class)
        .hasMessageContaining("unrecognized file format");
  }

  @Test
  void realGo115TableFromTheGoSourceTreeReadsInThe12Layout() throws Exception {
    Path gz = TestData.file("gosym/pcln115.gz"); // Go's own debug/gosym test data
    byte[] raw;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      raw = in.readAllBytes();
    }
    PclnTable t = parse(raw);
    assertThat(t.layout()).isEqualTo(PclnTable.Layout.GO12);
    assertThat(t.functionCount()).isEqualTo(1025);
    assertThat(t.entriesAscending()).isTrue();
    assertThat(t.functionNames()).contains("main.main", "runtime.main");
  }

  private static PclnTable parse(byte[] raw) {
    try {
      return PclnTable.parse(ByteBuffer.wrap(raw));
    } catch (PclnTable.InvalidTableException e) {
      throw new AssertionError(e);
    }
  }
}
