package dev.govern.cli.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.goproxy.ToolchainModule;
import dev.govern.core.ledger.Change;
import dev.govern.core.release.Platform;
import dev.govern.core.testing.GoProxyServer;
import dev.govern.core.testing.TestToolchainCache;
import dev.govern.core.toolchain.ProcessRun;
import dev.govern.core.version.GoVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install --source proxy} and {@code list-remote --source proxy} against a real Go module
 * proxy layout (the test cache, served on 127.0.0.1) with the real sum.golang.org key: every zip is
 * proven by the checksum database's signed tree and its h1: hash must be the go command's.
 */
class ProxyInstallCommandsTest {
  @TempDir Path tmp;
  GoProxyServer proxy;
  GoVersion newest;
  final List<Change> recorded = new ArrayList<>();

  @BeforeEach
  void serveTheCache() throws Exception {
    proxy = new GoProxyServer(TestToolchainCache.proxyFolder());
    List<GoVersion> all = TestToolchainCache.toolchains(Platform.current(null, null));
    newest = all.get(all.size() - 1);
  }

  @AfterEach
  void stop() {
    proxy.close();
  }

  CliRunner govern() {
    return new CliRunner(tmp)
        .env("GOPROXY", proxy.url())
        .env("GOENV", "off")
        .env("HOME", tmp.toString())
        .env("HOSTNAME", "test")
        .recorder(recorded::add);
  }

  String ziphash(GoVersion v) throws Exception {
    String mv = ToolchainModule.version(v, Platform.current(null, null));
    return Files.readString(
        TestToolchainCache.proxyFolder().resolve("golang.org/toolchain/@v/" + mv + ".ziphash"));
  }

  @Test
  void installsThroughTheProxyWithTheHashTheGoCommandComputedProvenInTheSignedTree()
      throws Exception {
    CliRunner.Result r = govern().run("install", newest.bare(), "--source", "proxy", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertThat(doc.get("h1").asText()).isEqualTo(ziphash(newest));
    assertThat(doc.get("checksumDatabase").asText())
        .matches("sum\\.golang\\.org record \\d+ in the signed tree of size \\d+");
    assertThat(doc.get("source").asText()).isEqualTo("proxy " + proxy.url());
    Path root = tmp.resolve(".govern/toolchains/" + newest);
    ProcessRun v =
        ProcessRun.run(
            List.of(root.resolve("bin/go").toString(), "version"),
            tmp,
            Map.of("PATH", "/usr/bin:/bin", "HOME", tmp.toString(), "GOTOOLCHAIN", "local"),
            Duration.ofSeconds(60));
    assertThat(v.output()).startsWith("go version " + newest + " ");
    assertThat(root.resolve("src/go.mod")).exists();
    assertThat(root.resolve("src/_go.mod")).doesNotExist();
    assertThat(recorded)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.action()).isEqualTo("install");
              assertThat(c.evidence().head())
                  .contains("h1 " + ziphash(newest), "checksum database sum.golang.org record");
            });
    assertThat(proxy.requests())
        .contains("/sumdb/sum.golang.org/supported", "/sumdb/sum.golang.org/latest");

    CliRunner.Result again = govern().run("install", newest.bare(), "--source", "proxy");
    assertThat(again.out()).isEqualTo(newest + " is already installed in " + root + "\n");
  }

  @Test
  void governSourceChoosesTheProxyAndListRemoteShowsWhatItLists() throws Exception {
    CliRunner.Result list = govern().env("GOVERN_SOURCE", "proxy").run("list-remote", "--json");
    assertThat(list.exitCode()).as(list.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(list.out());
    assertThat(doc.get("source").asText()).isEqualTo("GOPROXY=" + proxy.url());
    List<String> versions = new ArrayList<>();
    doc.get("releases").forEach(n -> versions.add(n.get("version").asText()));
    List<String> cached = new ArrayList<>();
    TestToolchainCache.toolchains(Platform.current(null, null))
        .forEach(v -> cached.add(0, v.toString()));
    assertThat(versions).containsExactlyElementsOf(cached);
    assertThat(doc.get("releases").get(0).get("module").asText())
        .isEqualTo(
            "golang.org/toolchain@"
                + ToolchainModule.version(newest, Platform.current(null, null)));
    assertThat(proxy.requests()).containsExactly("/golang.org/toolchain/@v/list");
  }

  @Test
  void aLineResolvesToItsNewestPatchOnTheProxy() throws Exception {
    String line = "1." + newest.minor();
    CliRunner.Result r = govern().run("install", line, "--source", "proxy");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("installed " + newest + " in ")
        .contains(ziphash(newest) + " proven by sum.golang.org record");
  }

  @Test
  void badSourcesAndMissingVersionsFailWithOneLine() {
    CliRunner.Result bad = govern().run("install", "1.22.4", "--source", "github");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).startsWith("govern: error: unknown source \"github\"");
    CliRunner.Result missing = govern().run("install", "1.22.99", "--source", "proxy");
    assertThat(missing.exitCode()).isEqualTo(3);
    assertThat(missing.err())
        .startsWith("govern: error: cannot find go1.22.99 for ")
        .contains("no proxy in GOPROXY=" + proxy.url() + " has it (not found: ");
    CliRunner.Result direct =
        govern()
            .env("GOPROXY", proxy.url() + ",direct")
            .run("install", "1.22.99", "--source", "proxy");
    assertThat(direct.exitCode()).isEqualTo(3);
    assertThat(direct.err())
        .contains("direct is not a source of toolchains")
        .contains("hint: install from go.dev (--source go.dev)");
    CliRunner.Result mirror =
        govern().run("install", "1.22.4", "--source", "proxy", "--mirror", "http://x/");
    assertThat(mirror.exitCode()).isEqualTo(2);
  }
}
