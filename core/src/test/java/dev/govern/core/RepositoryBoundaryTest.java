package dev.govern.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fresh clone must pass on its own: no test source (anything under a module's {@code src/test})
 * and no POM may name a path outside the repository. Flagged: the old shared-data property and
 * folder, relative paths that climb out of the repository (from the module folder, where tests run,
 * or from the file's own folder), and absolute paths under folders where data outside a clone lives
 * (home folders, {@code /work}, mounts, Go's installed sources). Programs the tests run ({@code
 * /usr/lib/go-1.19/bin/go}, {@code /usr/bin/chromium}) are not data and are allowed.
 */
class RepositoryBoundaryTest {
  /** Built from parts so that this file does not name what it forbids. */
  private static final List<String> FORBIDDEN_WORDS =
      List.of("govern" + ".shared", "/work/" + "shared", ".." + "/shared");

  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
  private static final Pattern ELEMENT = Pattern.compile(">([^<>\\n]+)<");

  /** Absolute locations of data outside a clone. */
  private static final Pattern OUTSIDE_DATA =
      Pattern.compile(
          "^(~/|/(work|home|root|mnt|media)(/|$)|/usr/(share|src)/|/usr/(local/)?(lib/)?go[^/]*/(src|test|misc|lib|pkg|api|doc)(/|$))");

  @Test
  void noTestSourceOrPomNamesAPathOutsideTheRepository() throws IOException {
    Path root = TestData.root();
    List<String> problems = new ArrayList<>();
    for (Path file : filesToCheck(root)) {
      problems.addAll(check(root, file));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theGuardFindsEveryKindOfEscape() throws IOException {
    Path root = TestData.root();
    Path module = root.resolve("core");
    Path file = module.resolve("src/test/java/Example.java");
    assertThat(problems(root, module, file, "x = \"../../sha" + "red/data\";")).hasSize(1);
    assertThat(problems(root, module, file, "System.getProperty(\"govern" + ".shared\")"))
        .hasSize(1);
    assertThat(problems(root, module, file, "Path.of(\"/work/data/file\")")).hasSize(1);
    assertThat(problems(root, module, file, "Path.of(\"/usr/lib/go-1.19/src/x\")")).hasSize(1);
    assertThat(problems(root, module, file, "Path.of(\"/root/.netrc\")")).hasSize(1);
    Path pom = module.resolve("pom.xml");
    assertThat(problems(root, module, pom, "<directory>../../elsewhere</directory>")).hasSize(1);
    assertThat(problems(root, module, pom, "<d>${project.basedir}/../../elsewhere</d>")).hasSize(1);
    assertThat(problems(root, module, pom, "<d>${project.basedir}/../testdata</d>")).isEmpty();
    // inside the repository, or a program the tests run: fine
    assertThat(problems(root, module, file, "Path.of(\"../testdata/go\")")).isEmpty();
    assertThat(problems(root, module, file, "Path.of(\"/usr/lib/go-1.19/bin/go\")")).isEmpty();
    assertThat(problems(root, module, file, "Path.of(\"/usr/bin/chromium\")")).isEmpty();
    assertThat(problems(root, module, file, "\"../../x\" is inside src/test")).isEmpty();
  }

  private static List<String> problems(Path root, Path module, Path file, String text) {
    return scan(root, module, file, List.of(text));
  }

  private static List<Path> filesToCheck(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile)
          .filter(p -> !isSkipped(root.relativize(p)))
          .filter(
              p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                return rel.endsWith("pom.xml") || rel.contains("/src/test/");
              })
          .forEach(out::add);
    }
    return out;
  }

  private static boolean isSkipped(Path rel) {
    for (Path part : rel) {
      String n = part.toString();
      if (n.equals("target") || n.equals(".git") || n.equals("node_modules")) {
        return true;
      }
    }
    return false;
  }

  private static List<String> check(Path root, Path file) throws IOException {
    if (file.endsWith("RepositoryBoundaryTest.java")) {
      return List.of(); // this file spells out what it looks for
    }
    byte[] bytes = Files.readAllBytes(file);
    if (!isText(bytes)) {
      return List.of();
    }
    Path module = moduleOf(root, file).orElse(root);
    List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
    return scan(root, module, file, lines);
  }

  private static List<String> scan(Path root, Path module, Path file, List<String> lines) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String where = root.relativize(file) + ":" + (i + 1) + ": ";
      for (String w : FORBIDDEN_WORDS) {
        if (line.contains(w)) {
          problems.add(where + "names " + w);
        }
      }
      for (String path : pathsIn(line)) {
        if (OUTSIDE_DATA.matcher(path).find()) {
          problems.add(where + "names " + path + ", outside the repository");
        } else if (path.contains("..")
            && escapes(root, module, path)
            && escapes(root, file.getParent(), path)) {
          problems.add(where + "names " + path + ", which leaves the repository");
        }
      }
    }
    return problems;
  }

  /** String literals and XML element texts that look like paths. */
  private static List<String> pathsIn(String line) {
    List<String> out = new ArrayList<>();
    for (Pattern p : List.of(QUOTED, ELEMENT)) {
      Matcher m = p.matcher(line);
      while (m.find()) {
        String s = m.group(1).strip();
        if (s.contains("/") && !s.contains("://") && !s.contains(" ")) {
          out.add(s);
        }
      }
    }
    return out;
  }

  private static boolean escapes(Path root, Path base, String path) {
    String p = path;
    if (p.startsWith("${maven.multiModuleProjectDirectory}")) {
      base = root;
    }
    p = p.replaceAll("\\$\\{[^}]*}/?", "");
    if (p.startsWith("/")) {
      return false;
    }
    return !base.resolve(p).normalize().startsWith(root);
  }

  private static Optional<Path> moduleOf(Path root, Path file) {
    for (Path p = file.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("pom.xml"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static boolean isText(byte[] bytes) {
    int n = Math.min(bytes.length, 8000);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    return true;
  }
}
