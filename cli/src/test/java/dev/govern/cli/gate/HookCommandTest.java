package dev.govern.cli.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookCommandTest {
  @TempDir Path tmp;

  @Test
  void installsAnExecutableHookThatRunsTheGate() throws Exception {
    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve(".git/hooks"));
    Files.createDirectories(repo.resolve("sub"));
    CliRunner.Result r =
        new CliRunner(tmp)
            .env("GOVERN_LAUNCHER", "/opt/my govern/govern")
            .run("hook", "install", "--dir", repo.resolve("sub").toString(), "--env", "prod");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path hook = repo.resolve(".git/hooks/pre-commit");
    assertThat(Files.isExecutable(hook)).isTrue();
    assertThat(Files.readString(hook))
        .startsWith("#!/bin/sh\n")
        .contains("exec '/opt/my govern/govern' gate . --env prod");
  }

  @Test
  void refusesToReplaceAForeignHookUnlessForced() throws Exception {
    Path repo = tmp.resolve("r2");
    Files.createDirectories(repo.resolve(".git/hooks"));
    Files.writeString(repo.resolve(".git/hooks/pre-commit"), "#!/bin/sh\nmake lint\n");
    CliRunner.Result r = new CliRunner(tmp).run("hook", "install", "--dir", repo.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("was not written by govern").contains("--force");
    assertThat(Files.readString(repo.resolve(".git/hooks/pre-commit"))).contains("make lint");
    assertThat(
            new CliRunner(tmp)
                .run("hook", "install", "--dir", repo.toString(), "--force")
                .exitCode())
        .isZero();
    assertThat(new CliRunner(tmp).run("hook", "install", "--dir", repo.toString()).exitCode())
        .isZero();
  }

  @Test
  void withoutDirItInstallsIntoTheRepositoryItRunsInAndReportsJson() throws Exception {
    Path repo = tmp.resolve("r3");
    Files.createDirectories(repo.resolve(".git/hooks"));
    Files.createDirectories(repo.resolve("pkg"));
    CliRunner.Result r =
        new CliRunner(tmp)
            .env("GOVERN_LAUNCHER", "/opt/govern/govern")
            .cwd(repo.resolve("pkg"))
            .run("hook", "install", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode d = new ObjectMapper().readTree(r.out());
    assertThat(d.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(d.path("hook").asText()).isEqualTo(repo.resolve(".git/hooks/pre-commit").toString());
    assertThat(d.path("command").asText()).isEqualTo("/opt/govern/govern gate .");
  }

  @Test
  void outsideARepositoryItSaysSo() {
    CliRunner.Result r = new CliRunner(tmp).run("hook", "install", "--dir", tmp.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).contains("is not inside a git repository");
  }
}
