package dev.govern.cli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated class that carries the model compiles and gives back every text unchanged. */
class JavaSourceTest {
  @Test
  @SuppressWarnings("unchecked")
  void theGeneratedLookupReturnsEveryTextUnchanged(@TempDir Path dir) throws Exception {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("/", "plain");
    texts.put("a/b", "quote \" backslash \\ \\u0041 tab\tnewline\n");
    texts.put("ünï", "non-ASCII é ✓ and a lone surrogate \ud800 end");
    texts.put("", "");
    Path src = dir.resolve("p/Lookup.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, JavaSource.lookup("p.Lookup", texts));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(null, null, null, "-encoding", "UTF-8", "-d", dir.toString(), src.toString());
    assertThat(rc).isZero();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()})) {
      Function<String, String> lookup =
          (Function<String, String>)
              loader.loadClass("p.Lookup").getDeclaredConstructor().newInstance();
      texts.forEach((k, v) -> assertThat(lookup.apply(k)).isEqualTo(v));
      assertThat(lookup.apply("missing")).isNull();
    }
  }

  @Test
  void aTextTooLongForOneConstantStopsTheBuild() {
    Map<String, String> texts = Map.of("big", "x".repeat(70_000));
    assertThatThrownBy(() -> JavaSource.lookup("p.Lookup", texts))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the text of big is too long for one Java string constant");
  }
}
