package dev.govern.cli.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.TestBinaries;
import dev.govern.core.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate end to end: fixture repositories per rule and evidence source, real vulnerability data.
 */
class GateCommandTest {
  private static final String VULNDB = TestData.osvDir().toString();
  private static final String AS_OF = "2026-09-01";
  private static final String POLICY =
      String.join(
          "\n",
          "policy:",
          "  allow: \">=1.25.0\"",
          "  deny:",
          "    - versions: \"1.26.0 - 1.26.2\"",
          "      reason: \"net/http regression\"",
          "      advisories: [GO-2024-2687]",
          "  supported: fail",
          "  vulnerabilities: {stdlib: fail, toolchain: warn, modules: fail}",
          "  max_patch_lag: 2",
          "  consistency: warn",
          "  environments:",
          "    prod: {allow: \">=1.27.0\"}",
          "");

  @TempDir Path tmp;

  private Path repo(String... files) throws Exception {
    Path repo = Files.createTempDirectory(tmp, "repo");
    for (int i = 0; i < files.length; i += 2) {
      Path p = repo.resolve(files[i]);
      Files.createDirectories(p.getParent());
      Files.writeString(p, files[i + 1]);
    }
    Files.writeString(repo.resolve("govern.yaml"), POLICY);
    return repo;
  }

  private CliRunner.Result gate(Path repo, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "gate", repo.toString(), "--vulndb", VULNDB, "--as-of", AS_OF, "--format", "json"));
    args.addAll(List.of(extra));
    return new CliRunner(tmp).run(args.toArray(String[]::new));
  }

  private static JsonNode json(CliRunner.Result r) throws Exception {
    return new ObjectMapper().readTree(r.out());
  }

  private static List<String> rules(JsonNode doc, String severity) {
    List<String> out = new ArrayList<>();
    doc.path("findings")
        .forEach(
            f -> {
              if (f.path("severity").asText().equals(severity)) {
                out.add(
                    f.path("rule").asText()
                        + "@"
                        + f.path("file").asText()
                        + ":"
                        + f.path("line").asInt());
              }
            });
    return out;
  }

  @Test
  void aCurrentPinnedToolchainPasses() throws Exception {
    Path repo = repo("go.mod", "module example.com/ok\n\ngo 1.26.0\ntoolchain go1.26.7\n");
    CliRunner.Result r = gate(repo);
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(rules(json(r), "fail")).isEmpty();
    assertThat(json(r).path("passed").asBoolean()).isTrue();
  }

  @Test
  void eachRuleFailsOnItsFixtureWithFileLineAndFix() throws Exception {
    Path denied = repo("go.mod", "module m\n\ngo 1.26.0\ntoolchain go1.26.1\n");
    JsonNode d = json(gate(denied));
    assertThat(rules(d, "fail"))
        .contains("denied@go.mod:4", "patch-lag@go.mod:4", "vuln-stdlib@go.mod:4");
    assertThat(d.path("findings").toString())
        .contains("net/http regression", "raise the toolchain line to go1.26.7");

    Path old = repo(".go-version", "1.24.3\n");
    JsonNode o = json(gate(old));
    assertThat(rules(o, "fail")).contains("allowed@.go-version:1", "supported@.go-version:1");
    assertThat(o.path("findings").toString()).contains("pin 1.26.7 in .go-version");

    Path module =
        repo(
            "go.mod",
            "module m\n\ngo 1.26.0\ntoolchain go1.26.7\n\nrequire golang.org/x/net v0.17.0\n");
    JsonNode m = json(gate(module));
    assertThat(rules(m, "fail")).containsExactly("vuln-module@go.mod:6");
  }

  @Test
  void everyEvidenceSourceIsReadWithItsLine() throws Exception {
    Path repo =
        repo(
            "go.work",
            "go 1.26.0\n\nuse ./svc\n",
            "svc/go.mod",
            "module svc\n\ngo 1.26.0\n",
            ".tool-versions",
            "golang 1.25.1\n",
            "build/Dockerfile.api",
            "ARG GO=1.24.0\nFROM golang:${GO}-bookworm AS b\n",
            ".github/workflows/ci.yml",
            "jobs:\n  t:\n    steps:\n      - uses: actions/setup-go@v5\n        with:\n          go-version-file: svc/go.mod\n      - uses: actions/setup-go@v5\n        with:\n          go-version: '1.25.2'\n");
    JsonNode doc = json(gate(repo));
    String all = doc.path("findings").toString();
    assertThat(all)
        .contains(
            "\"file\":\".tool-versions\"",
            "\"file\":\"build/Dockerfile.api\"",
            "\"file\":\".github/workflows/ci.yml\"");
    assertThat(rules(doc, "fail"))
        .contains("supported@build/Dockerfile.api:2", "patch-lag@.github/workflows/ci.yml:9");
    assertThat(all)
        .contains("FROM golang:1.26.7-bookworm", "set go-version: '1.26.7' in actions/setup-go");
    // the go line of go.work is a minimum: the Dockerfile's 1.24 is below it
    assertThat(all).contains("older than the minimum go1.26.0");
  }

  @Test
  void theBinaryIsTheTruthAboutShippedCode() throws Exception {
    // an old go line (only a minimum) with a binary built by a current, patched Go: passes
    Path repo = repo("go.mod", "module example.com/fixtures/timeonly\n\ngo 1.16\n");
    Path patched = binaryClaiming("go1.26.7");
    CliRunner.Result pass = gate(repo, "--binary", patched.toString());
    assertThat(rules(json(pass), "fail")).as(pass.out()).isEmpty();
    assertThat(pass.exitCode()).isZero();

    // the reverse: a current toolchain line, but the shipped binary was built with go1.19.8
    Path current = repo("go.mod", "module m\n\ngo 1.26.0\ntoolchain go1.26.7\n");
    assertThat(gate(current).exitCode()).isZero();
    CliRunner.Result fail = gate(current, "--binary", TestBinaries.timeonly().file().toString());
    assertThat(fail.exitCode()).isEqualTo(4);
    assertThat(json(fail).path("findings").toString())
        .contains("binary build info go1.19.8 has", "rebuild with go1.26.7");
    assertThat(rules(json(fail), "fail")).anyMatch(s -> s.startsWith("vuln-stdlib@"));
  }

  @Test
  void environmentOverridesApply() throws Exception {
    Path repo = repo("go.mod", "module m\n\ngo 1.26.0\ntoolchain go1.26.7\n");
    assertThat(gate(repo).exitCode()).isZero();
    CliRunner.Result prod = gate(repo, "--env", "prod");
    assertThat(prod.exitCode()).isEqualTo(4);
    assertThat(rules(json(prod), "fail")).contains("allowed@go.mod:4");
    assertThat(gate(repo, "--env", "mars").exitCode()).isEqualTo(2);
  }

  @Test
  void warningsFailOnlyWithFailOnWarn() throws Exception {
    Path repo = repo("go.mod", "module m\n\ngo 1.26.0\n");
    CliRunner.Result r = gate(repo);
    assertThat(r.exitCode()).isZero();
    assertThat(rules(json(r), "warn")).contains("evidence@go.mod:3");
    assertThat(gate(repo, "--fail-on", "warn").exitCode()).isEqualTo(4);
  }

  @Test
  void offlineTheGateJudgesWithTheEmbeddedDatabaseAndSaysSo() throws Exception {
    Path repo = repo("go.mod", "module m\n\ngo 1.26.0\ntoolchain go1.26.2\n");
    CliRunner.Result r =
        new CliRunner(tmp)
            .run("gate", repo.toString(), "--offline", "--as-of", AS_OF, "--format", "json");
    assertThat(r.err()).startsWith("govern: warning: using the embedded database of 2026-08-21 (");
    assertThat(json(r).path("findings").toString()).doesNotContain("unknown: no data");
    // go1.26.2 has standard library vulnerabilities fixed by go1.26.7 in the 2026-08-21 data
    assertThat(rules(json(r), "fail")).anyMatch(s -> s.startsWith("vuln-stdlib@"));
  }

  @Test
  void badPoliciesAreUsageErrorsNamingFileLineAndColumn() throws Exception {
    String[][] cases = {
      {"policy:\n  allow: \">=banana\"\n", ":2:10: policy.allow: bad version range"},
      {"policy:\n  supported: sometimes\n", ":2:14: policy.supported: expected fail, warn or off"},
      {"policy:\n  max_patch_lag: -1\n", ":2:18: policy.max_patch_lag: expected a whole number"},
      {"policy:\n  colour: red\n", ":2:3: policy: unknown key \"colour\""},
      {"policy:\n  deny:\n    - versions: \"1.22\"\n", ":3:7: policy.deny[0]: missing reason"},
      {"classes:\n  red: [purple]\n", ":2:9: classes.red: unknown condition"},
      {"polcy: {}\n", ":1:1: unknown section \"polcy\""},
    };
    for (String[] c : cases) {
      Path repo = Files.createTempDirectory(tmp, "bad");
      Files.writeString(repo.resolve("govern.yaml"), c[0]);
      CliRunner.Result r = new CliRunner(tmp).run("gate", repo.toString(), "--offline");
      assertThat(r.exitCode()).as(c[0]).isEqualTo(2);
      assertThat(r.err()).as(c[0]).contains("govern.yaml" + c[1]);
      CliRunner.Result check =
          new CliRunner(tmp).run("policy", "check", repo.resolve("govern.yaml").toString());
      assertThat(check.exitCode()).as(c[0]).isEqualTo(2);
    }
  }

  @Test
  void policyCheckPrintsTheEffectiveRules() throws Exception {
    Path repo = repo();
    CliRunner.Result r =
        new CliRunner(tmp).run("policy", "check", repo.resolve("govern.yaml").toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode doc = json(r);
    assertThat(doc.path("effective").path("(default)").path("allow").asText())
        .isEqualTo(">=1.25.0");
    assertThat(doc.path("effective").path("prod").path("allow").asText()).isEqualTo(">=1.27.0");
    assertThat(doc.path("effective").path("prod").path("maxPatchLag").asInt()).isEqualTo(2);
    assertThat(doc.path("red").toString()).contains("unsupported");
  }

  @Test
  void theExampleGovernanceFileIsValid() {
    Path example =
        Path.of(System.getProperty("user.dir")).getParent().resolve("examples/govern.yaml");
    CliRunner.Result r = new CliRunner(tmp).run("policy", "check", example.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("valid", "prod:");
  }

  /**
   * A copy of a real binary (built by Go 1.19.8 at test time) whose build info names another Go
   * release (same length, so the varint-framed layout stays valid): stands in for a binary built
   * with a Go we cannot run.
   */
  private Path binaryClaiming(String version) throws Exception {
    byte[] data = TestBinaries.timeonly().bytes();
    byte[] from = ("\u0008go1.19.8").getBytes(StandardCharsets.ISO_8859_1);
    byte[] to = ("\u0008" + version).getBytes(StandardCharsets.ISO_8859_1);
    assertThat(to).hasSameSizeAs(from);
    int at = indexOf(data, from);
    assertThat(at).isPositive();
    System.arraycopy(to, 0, data, at, to.length);
    Path out = tmp.resolve("patched-" + version);
    Files.write(out, data);
    return out;
  }

  private static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i <= data.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
