package dev.govern.core.artifact.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real binaries cross-built by Go 1.19 (see src/test/resources/crossbuilt/build.sh) for the
 * containers the shared fixtures lack, checked against what Go's own tools reported for them.
 */
class CrossBuiltBinariesTest {
  static byte[] resource(String name) {
    try (InputStream in = CrossBuiltBinariesTest.class.getResourceAsStream("/crossbuilt/" + name)) {
      if (in == null) {
        return null;
      }
      return name.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "tiny-linux-ppc64, ELF, ppc64, BIG_ENDIAN, 8",
    "tiny-linux-mips, ELF, mips, BIG_ENDIAN, 4",
    "tiny-windows-386, PE, 386, LITTLE_ENDIAN, 4",
    "tiny-aix-ppc64, XCOFF, ppc64, BIG_ENDIAN, 8",
    "tiny-plan9-386, PLAN9, 386, LITTLE_ENDIAN, 4"
  })
  void crossBuiltBinaryReadsLikeGoReadsIt(
      String name, ExecutableFormat format, String arch, String order, int ptr) {
    byte[] bytes = resource(name + ".gz");
    try (GoBinary b = GoBinary.of(new ArrayByteSource(name, bytes))) {
      assertThat(b.container().format()).isEqualTo(format);
      assertThat(b.container().architecture()).isEqualTo(arch);
      assertThat(b.container().byteOrder().toString()).isEqualTo(order);
      assertThat(b.container().pointerSize()).isEqualTo(ptr);
      byte[] expected = resource(name + ".expected.txt");
      if (expected != null) {
        assertThat(b.buildInfo().goVersionM(name))
            .isEqualTo(new String(expected, StandardCharsets.UTF_8));
      } else {
        // go version -m (1.19) cannot read this container; check the facts we know it holds
        assertThat(b.buildInfo().goVersion()).isEqualTo("go1.19.8");
        assertThat(b.buildInfo().path()).isEqualTo("example.com/tiny");
        assertThat(b.buildInfo().setting("GOARCH")).contains(arch);
      }
      String id = new String(resource(name + ".buildid.txt"), StandardCharsets.UTF_8).strip();
      assertThat(b.buildId()).contains(id);
      PclnTable t = b.functionTable().orElseThrow();
      assertThat(t.layout()).isEqualTo(PclnTable.Layout.GO118);
      assertThat(t.byteOrder()).isEqualTo(b.container().byteOrder());
      assertThat(b.linkage("main.main")).isEqualTo(FunctionLinkage.FUNCTION);
      assertThat(b.linkage("runtime.main")).isEqualTo(FunctionLinkage.FUNCTION);
      assertThat(b.linkage("net/http.(*Client).Do")).isEqualTo(FunctionLinkage.ABSENT);
    }
  }
}
