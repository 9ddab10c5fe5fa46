package dev.govern.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import dev.govern.core.testing.GoToolchains;
import dev.govern.core.testing.TestBinaries;
import dev.govern.core.testing.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command: a scan of {@code examples/fleet} with the embedded database. The test
 * build compiles the fleet's one real program ({@code examples/fleet/inventory/bin/inventory},
 * ignored by git) so that the scan also reads a binary.
 */
class ExampleFleetTest {
  static final String FIRST_COMMAND = "./govern scan examples/fleet --offline";

  @TempDir Path home;

  private static Path fleet() {
    return TestData.root().resolve("examples/fleet");
  }

  @BeforeAll
  static void buildTheInventoryBinary() {
    Path src = fleet().resolve("inventory");
    TestBinaries.buildProgram(GoToolchains.debian119(), src, src.resolve("bin/inventory"));
  }

  @Test
  void theReadmeStartsWithThisCommand() throws Exception {
    String readme = Files.readString(TestData.root().resolve("README.md"));
    String firstBlock = readme.substring(readme.indexOf("```sh\n") + 6);
    assertThat(firstBlock.lines().findFirst().orElse("")).startsWith(FIRST_COMMAND + " ");
  }

  @Test
  void theFleetScanShowsEveryClassWithSupportVulnerabilitiesAndFixes() throws Exception {
    CliRunner govern = new CliRunner(home).cwd(TestData.root());
    CliRunner.Result table = govern.run("scan", "examples/fleet", "--offline");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.err())
        .startsWith("govern: warning: using the embedded database of 2026-08-21 (")
        .endsWith(" instead of https://vuln.go.dev; offline\n");
    assertThat(table.out().lines().findFirst().orElse(""))
        .contains("class", "service", "go", "supported", "stdlib", "fix", "why");
    assertThat(table.out()).contains("4 services: 2 red, 1 yellow, 1 green");

    CliRunner.Result json = govern.run("scan", "examples/fleet", "--offline", "--format", "json");
    Map<String, JsonNode> s = new HashMap<>();
    new ObjectMapper()
        .readTree(json.out())
        .get("services")
        .forEach(n -> s.put(n.get("name").asText(), n));
    JsonNode payments = s.get("example.com/fleet/payments");
    assertThat(payments.get("riskClass").asText()).isEqualTo("green");
    assertThat(payments.get("supported").asBoolean()).isTrue();
    assertThat(payments.get("fix").isNull()).isTrue();

    JsonNode search = s.get("example.com/fleet/search");
    assertThat(search.get("riskClass").asText()).isEqualTo("yellow");
    assertThat(search.get("go").asText()).isEqualTo("go1.26.2");
    assertThat(search.get("stdlib").size()).isPositive();
    assertThat(search.get("modules").size()).isPositive(); // golang.org/x/net v0.17.0
    assertThat(search.get("fix").asText()).isEqualTo("go1.26.7");

    JsonNode billing = s.get("example.com/fleet/billing");
    assertThat(billing.get("riskClass").asText()).isEqualTo("red");
    assertThat(billing.get("supported").asBoolean()).isFalse();
    assertThat(billing.get("fix").asText()).startsWith("go1.2");

    JsonNode inventory = s.get("example.com/fleet/inventory");
    assertThat(inventory.get("riskClass").asText()).isEqualTo("red");
    assertThat(inventory.get("go").asText()).isEqualTo("go1.19.8");
    assertThat(inventory.get("goFrom").asText()).isEqualTo("binary build info");
  }
}
