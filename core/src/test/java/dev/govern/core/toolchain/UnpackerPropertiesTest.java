package dev.govern.core.toolchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.GovernException;
import dev.govern.core.archive.TarReader;
import dev.govern.core.archive.UnpackLimits;
import dev.govern.core.archive.Unpacker;
import dev.govern.core.testing.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/** Properties of the tar reader and unpacker over generated archives. */
class UnpackerPropertiesTest {
  private Path dir;

  @BeforeTry
  void makeDir() throws IOException {
    dir = Files.createTempDirectory("unpack-prop");
  }

  @AfterTry
  void removeDir() throws IOException {
    Trash.deleteTree(dir);
  }

  @Provide
  Arbitrary<Map<String, String>> trees() {
    Arbitrary<String> segment =
        Arbitraries.strings()
            .withChars("abcxyz019_-.")
            .ofMinLength(1)
            .ofMaxLength(40)
            .filter(s -> !s.equals(".") && !s.equals(".."));
    Arbitrary<String> path =
        segment.list().ofMinSize(1).ofMaxSize(6).map(l -> "go/" + String.join("/", l));
    Arbitrary<String> content = Arbitraries.strings().ofMaxLength(2000);
    return Arbitraries.maps(path, content).ofMinSize(1).ofMaxSize(12).filter(this::noFileIsAFolder);
  }

  private boolean noFileIsAFolder(Map<String, String> files) {
    for (String a : files.keySet()) {
      for (String b : files.keySet()) {
        if (!a.equals(b) && b.startsWith(a + "/")) {
          return false;
        }
      }
    }
    return true;
  }

  @Property(tries = 60)
  void everyFileOfAWellFormedArchiveIsUnpackedExactly(@ForAll("trees") Map<String, String> files)
      throws IOException {
    TarBuilder b = new TarBuilder();
    files.forEach((name, content) -> b.file(name, content, 0644));
    unpack(b.tar());
    Map<String, String> found = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        found.put(dir.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    assertThat(found).isEqualTo(new TreeMap<>(files));
  }

  @Property(tries = 60)
  void anyParentReferenceIsRefusedWhereverItIs(
      @ForAll("trees") Map<String, String> files, @ForAll("positions") int position) {
    List<String> names = new ArrayList<>(files.keySet());
    String victim = names.get(position % names.size());
    String[] parts = victim.split("/");
    int at = 1 + position % parts.length;
    List<String> hostile = new ArrayList<>(List.of(parts));
    hostile.add(Math.min(at, hostile.size()), "..");
    TarBuilder b = new TarBuilder();
    files.forEach(
        (name, content) ->
            b.file(name.equals(victim) ? String.join("/", hostile) : name, content, 0644));
    assertThatThrownBy(() -> unpack(b.tar()))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("refers to a parent folder (..)");
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 1000);
  }

  private void unpack(byte[] tar) throws IOException {
    new Unpacker(dir, "go", "prop.tar", UnpackLimits.defaults(), () -> {})
        .unpack(new TarReader(new ByteArrayInputStream(tar)));
  }
}
