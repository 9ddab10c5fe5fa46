package dev.govern.core.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.evidence.RepositoryEvidence;
import dev.govern.core.facts.HistoryReleaseFacts;
import dev.govern.core.facts.ReleaseFacts;
import dev.govern.core.facts.VulnFacts;
import dev.govern.core.governance.policy.Denial;
import dev.govern.core.governance.policy.Policy;
import dev.govern.core.governance.policy.RuleLevel;
import dev.govern.core.release.ReleaseHistory;
import dev.govern.core.version.VersionRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTest {
  private static final LocalDate AS_OF = LocalDate.parse("2024-09-01");
  private static final ReleaseFacts RELEASES =
      new HistoryReleaseFacts(ReleaseHistory.builtIn(), AS_OF);

  @TempDir Path repo;

  private final Gate gate = new Gate(RELEASES, VulnFacts.NONE, AS_OF);

  private void write(String name, String text) throws Exception {
    Path p = repo.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  private static Policy policy(String allow, Denial deny, RuleLevel supported, Integer lag) {
    return new Policy(
        Optional.ofNullable(allow).map(VersionRange::parse),
        deny == null ? List.of() : List.of(deny),
        Optional.ofNullable(supported),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        lag == null ? OptionalInt.empty() : OptionalInt.of(lag),
        Optional.empty(),
        Optional.empty(),
        Map.of());
  }

  private GateReport judge(Policy p) {
    return gate.judge(
        repo, null, p.effective(), RepositoryEvidence.scan(repo).evidence(), List.of());
  }

  @Test
  void aGoLineIsAMinimumAndIsNotJudgedAsTheVersionThatBuilds() throws Exception {
    write("go.mod", "module example.com/svc\n\ngo 1.22.1\n");
    Denial deny =
        new Denial(
            VersionRange.parse("1.22.0 - 1.22.4"), "net/http regression", List.of("GO-2024-2687"));
    GateReport r = judge(policy(null, deny, RuleLevel.FAIL, null));
    assertThat(r.count(Severity.FAIL)).isZero();
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("evidence");
              assertThat(f.message()).contains("only a minimum");
              assertThat(f.line()).isEqualTo(3);
            });
    assertThat(r.passed(false)).isTrue();
    assertThat(r.passed(true)).isFalse();
  }

  @Test
  void aDeniedToolchainLineFailsWithTheReasonAndAConcreteFix() throws Exception {
    write("go.mod", "module example.com/svc\n\ngo 1.22.0\ntoolchain go1.22.2\n");
    Denial deny =
        new Denial(
            VersionRange.parse("1.22.0 - 1.22.4"), "net/http regression", List.of("GO-2024-2687"));
    GateReport r = judge(policy(">=1.22.5 || 1.21.x", deny, RuleLevel.FAIL, null));
    Finding f =
        r.findings().stream().filter(x -> x.rule().equals("denied")).findFirst().orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.FAIL);
    assertThat(f.message()).contains("go1.22.2", "net/http regression");
    assertThat(f.advisories()).containsExactly("GO-2024-2687");
    assertThat(f.location()).endsWith("go.mod:4");
    // newest 1.22 patch as of the test date's data set, allowed and supported
    assertThat(f.fix())
        .hasValueSatisfying(
            fix -> assertThat(fix).matches("raise the toolchain line to go1\\.22\\.\\d+"));
    assertThat(r.passed(false)).isFalse();
  }

  @Test
  void anEndOfLifeDockerBaseFailsWhenPolicySaysSoAndTheFixKeepsTheVariant() throws Exception {
    write("Dockerfile", "FROM golang:1.20.14-alpine AS build\nRUN go build\n");
    GateReport r = judge(policy(null, null, RuleLevel.FAIL, null));
    Finding f =
        r.findings().stream().filter(x -> x.rule().equals("supported")).findFirst().orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.FAIL);
    assertThat(f.message()).contains("end of life since 2024-02-06");
    assertThat(f.fix())
        .hasValueSatisfying(fix -> assertThat(fix).matches("FROM golang:1\\.22\\.\\d+-alpine"));
  }

  @Test
  void unmentionedRulesOnlyWarn() throws Exception {
    write("Dockerfile", "FROM golang:1.19.1\n");
    GateReport r = judge(Policy.empty());
    assertThat(r.count(Severity.FAIL)).isZero();
    assertThat(r.findings())
        .extracting(Finding::rule)
        .contains("supported", "patch-lag", "vuln-stdlib");
    assertThat(r.findings())
        .filteredOn(f -> f.rule().equals("vuln-stdlib"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("unknown: no data"));
  }

  @Test
  void patchLagBeyondTheLimitFails() throws Exception {
    write(".go-version", "1.22.1\n");
    GateReport r = judge(policy(null, null, null, 2));
    Finding f =
        r.findings().stream().filter(x -> x.rule().equals("patch-lag")).findFirst().orElseThrow();
    assertThat(f.severity()).isEqualTo(Severity.FAIL);
    assertThat(f.message())
        .containsPattern("is \\d+ patch releases behind go1\\.22\\.\\d+ \\(allowed: 2\\)");
    assertThat(f.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith("pin 1.22."));
  }

  @Test
  void aFloatingPinIsJudgedAsTheNewestPatchOfItsLine() throws Exception {
    write(
        ".github/workflows/ci.yml",
        "jobs:\n  t:\n    steps:\n      - uses: actions/setup-go@v5\n        with:\n          go-version: '1.22'\n");
    GateReport r = judge(policy(null, null, null, 0));
    assertThat(r.findings()).noneMatch(f -> f.rule().equals("patch-lag"));
    assertThat(r.findings()).noneMatch(f -> f.rule().equals("supported"));
  }

  @Test
  void aBuilderOlderThanTheGoLineIsInconsistent() throws Exception {
    write("go.mod", "module m\n\ngo 1.22.0\n");
    write("build/Dockerfile", "FROM golang:1.21.5\n");
    GateReport r = judge(Policy.empty());
    Finding f =
        r.findings().stream().filter(x -> x.rule().equals("consistency")).findFirst().orElseThrow();
    assertThat(f.message()).contains("older than the minimum go1.22.0");
    assertThat(f.location()).endsWith("Dockerfile:1");
    assertThat(f.fix()).contains("FROM golang:1.22.0");
  }

  @Test
  void disagreeingPinsAreReported() throws Exception {
    write(".go-version", "1.22.6\n");
    write("Dockerfile", "FROM golang:1.21.13\n");
    GateReport r = judge(Policy.empty());
    assertThat(r.findings())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("consistency");
              assertThat(f.message()).contains("disagrees with");
            });
  }

  @Test
  void anEmptyRepositoryWarnsThatThereIsNoEvidence() {
    GateReport r = judge(Policy.empty());
    assertThat(r.findings())
        .anySatisfy(f -> assertThat(f.message()).contains("no Go version evidence"));
  }
}
