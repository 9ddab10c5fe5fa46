package dev.govern.cli.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The published JSON Schema accepts the commented example and rejects what the loader rejects. */
class GovernanceSchemaTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  private JsonSchema schema() throws Exception {
    JsonNode s = new ObjectMapper().readTree(ROOT.resolve("docs/governance.schema.json").toFile());
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(s);
  }

  @Test
  void theExampleIsValidAgainstTheSchema() throws Exception {
    JsonNode example = yaml.readTree(Files.readString(ROOT.resolve("examples/govern.yaml")));
    assertThat(schema().validate(example)).isEmpty();
  }

  @Test
  void theSchemaRejectsUnknownKeysBadLevelsAndBadStatuses() throws Exception {
    JsonSchema schema = schema();
    assertThat(schema.validate(yaml.readTree("polcy: {}\n"))).isNotEmpty();
    assertThat(schema.validate(yaml.readTree("policy: {supported: sometimes}\n"))).isNotEmpty();
    assertThat(schema.validate(yaml.readTree("policy: {colour: red}\n"))).isNotEmpty();
    assertThat(
            schema.validate(
                yaml.readTree("environments: {prod: {version: go1.22.4, status: asleep}}\n")))
        .isNotEmpty();
    assertThat(schema.validate(yaml.readTree("classes: {red: [purple]}\n"))).isNotEmpty();
    assertThat(
            schema.validate(yaml.readTree("policy: {environments: {prod: {max_patch_lag: 1}}}\n")))
        .isEmpty();
  }
}
