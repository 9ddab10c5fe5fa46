package dev.govern.cli.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.RealGo;
import dev.govern.core.upgrade.GodebugHistory;
import dev.govern.core.upgrade.GodebugSetting;
import dev.govern.core.vuln.SharedVulnDb;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code govern impact} on real modules and on binaries built by the machine's Go: the TLS and HTTP
 * settings whose defaults change between two go lines (as the real go list says) are reported as
 * imported or linked for code that uses net/http and crypto/tls, and as not used for code that does
 * not.
 */
class ImpactCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String WEB =
      "package main\n\nimport (\n\t\"crypto/tls\"\n\t\"fmt\"\n\t\"net/http\"\n)\n\n"
          + "func main() {\n\tc := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}}\n"
          + "\tr, err := c.Get(\"https://example.com\")\n\tfmt.Println(r, err)\n"
          + "\tl, _ := tls.Listen(\"tcp\", \":0\", &tls.Config{})\n\tfmt.Println(l)\n}\n";
  static final String PLAIN =
      "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n";

  @TempDir static Path tmp;

  static Path web;
  static Path plain;

  @BeforeAll
  static void modules() throws IOException {
    web = module("web", "1.21", WEB);
    plain = module("plain", "1.21", PLAIN);
  }

  static Path module(String name, String goLine, String main) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(
        dir.resolve("go.mod"), "module example.com/" + name + "\n\ngo " + goLine + "\n");
    Files.writeString(dir.resolve("main.go"), main);
    return dir;
  }

  static CliRunner govern() {
    return new CliRunner(tmp).env("GOMODCACHE", tmp.resolve("modcache").toString());
  }

  static JsonNode impact(Path target, String to, String... more) throws IOException {
    String[] args = new String[6 + more.length];
    args[0] = "impact";
    args[1] = target.toString();
    args[2] = "--to=" + to;
    args[3] = "--json";
    args[4] = "--as-of=2026-08-21";
    args[5] = "--vulndb=" + SharedVulnDb.osvDir();
    System.arraycopy(more, 0, args, 6, more.length);
    CliRunner.Result r = govern().run(args);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  /**
   * The TLS and HTTP settings whose default the real Go gives differently to go line {@code a} and
   * go line {@code b}: the keys of one DefaultGODEBUG that the other lacks or sets otherwise.
   */
  static Set<String> tlsHttpChangesPerRealGo(String a, String b) throws IOException {
    Map<String, String> da = defaultGodebug(module("probe-" + a, a, PLAIN));
    Map<String, String> db = defaultGodebug(module("probe-" + b, b, PLAIN));
    Set<String> keys = new TreeSet<>(da.keySet());
    keys.addAll(db.keySet());
    keys.removeIf(k -> java.util.Objects.equals(da.get(k), db.get(k)));
    GodebugHistory h = GodebugHistory.builtIn();
    keys.removeIf(
        k -> {
          GodebugSetting s = h.find(k).orElseThrow();
          return !(s.pkg().startsWith("crypto/tls") || s.pkg().startsWith("net/http"));
        });
    return keys;
  }

  static Map<String, String> defaultGodebug(Path dir) {
    String out =
        RealGo.run(dir, Map.of(), "list", "-f", "{{.DefaultGODEBUG}}", ".").output().strip();
    Map<String, String> m = new HashMap<>();
    for (String kv : out.isEmpty() ? new String[0] : out.split(",")) {
      m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
    }
    return m;
  }

  static Map<String, String> exposures(JsonNode steps) {
    Map<String, String> m = new HashMap<>();
    steps.forEach(c -> m.put(c.path("setting").asText(), c.path("exposure").asText()));
    return m;
  }

  @Test
  void moduleUsingTlsAndHttpSeesTheirChangesAsImported() throws IOException {
    RealGo.require(23);
    Set<String> expected = tlsHttpChangesPerRealGo("1.21", "1.23");
    assertThat(expected).contains("tls10server", "httpmuxgo121");

    JsonNode doc = impact(web, "1.23");
    assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(doc.path("from").path("goLine").asText()).isEqualTo("1.21");
    Map<String, String> step2 = exposures(doc.path("goLineStep"));
    for (String s : expected) {
      assertThat(step2).as(s).containsEntry(s, "imported");
    }
    JsonNode tls10 = find(doc.path("goLineStep"), "tls10server");
    assertThat(tls10.path("before").asText()).isEqualTo("1");
    assertThat(tls10.path("after").asText()).isEqualTo("0");
    assertThat(tls10.path("keep").asText()).isEqualTo("godebug tls10server=1 (go.mod)");
    assertThat(tls10.path("metric").asText())
        .isEqualTo("/godebug/non-default-behavior/tls10server:events");
    assertThat(tls10.path("removal").asText()).isEqualTo("go1.27");
    assertThat(doc.path("imports").toString()).contains("crypto/tls", "net/http");

    JsonNode none = impact(plain, "1.23");
    Map<String, String> plainStep2 = exposures(none.path("goLineStep"));
    for (String s : expected) {
      assertThat(plainStep2).as(s).containsEntry(s, "not used");
    }
  }

  @Test
  @org.junit.jupiter.api.Tag("slow")
  void binaryLinkingTlsAndHttpSeesTheirChangesAsLinked() throws IOException {
    RealGo.require(23);
    Set<String> expected = tlsHttpChangesPerRealGo("1.21", "1.26");
    Path webBin = tmp.resolve("web.bin");
    Path plainBin = tmp.resolve("plain.bin");
    RealGo.run(web, Map.of(), "build", "-o", webBin.toString(), ".");
    RealGo.run(plain, Map.of(), "build", "-o", plainBin.toString(), ".");

    JsonNode doc = impact(webBin, "1.26");
    assertThat(doc.path("kind").asText()).isEqualTo("binary");
    assertThat(doc.path("from").path("goLine").asText()).isEqualTo("1.21");
    Map<String, String> step2 = exposures(doc.path("goLineStep"));
    for (String s : expected) {
      assertThat(step2).as(s).containsKey(s);
      assertThat(step2.get(s)).as(s).isIn("linked", "imported");
    }
    assertThat(step2).containsEntry("tls10server", "linked");
    JsonNode program = doc.path("programs").get(0);
    assertThat(program.path("before").asText())
        .isEqualTo(String.join(",", new TreeSet<>(defaultGodebugAsList(web))));

    Map<String, String> plainStep2 = exposures(impact(plainBin, "1.26").path("goLineStep"));
    for (String s : expected) {
      assertThat(plainStep2).as(s).containsEntry(s, "not used");
    }
  }

  private static Set<String> defaultGodebugAsList(Path dir) {
    Set<String> out = new TreeSet<>();
    defaultGodebug(dir).forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }

  static JsonNode find(JsonNode steps, String setting) {
    for (JsonNode c : steps) {
      if (c.path("setting").asText().equals(setting)) {
        return c;
      }
    }
    throw new AssertionError(setting + " not in " + steps);
  }
}
