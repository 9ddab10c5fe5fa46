package dev.govern.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.testing.TestBinaries;
import dev.govern.core.testing.TestData;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the shaded jar as users run it (a new JVM, only the jar on the class path), one command of
 * each capability. In-process tests use Maven's class path and cannot see a class missing from the
 * jar; this one can (it caught CycloneDX's JSON writer losing json-schema-validator).
 */
class PackagedJarIT {
  private static final Path JAR = Path.of(System.getProperty("govern.jar", "target/govern.jar"));
  private static final String BIN = TestBinaries.moddep().file().toString();
  private static final String NETHTTP = TestBinaries.nethttp().file().toString();

  /** The folder of binaries Go 1.19 built for the tests. */
  private static final String FIXTURES = TestBinaries.moddep().file().getParent().toString();

  private static final String VULNDB = TestData.osvDir().toString();
  private static final String EXAMPLE =
      Path.of(System.getProperty("govern.examples", "../examples"), "govern.yaml").toString();

  @TempDir Path home;

  static Stream<Arguments> commands() {
    return Stream.of(
        run(0, "--version"),
        run(0, "--help"),
        run(0, "version-info", "--json", "go1.21rc2"),
        run(0, "inspect", "--json", BIN),
        run(0, "sbom", BIN),
        run(0, "sbom", "--format", "cyclonedx-xml", BIN),
        run(0, "vulns", "--json", NETHTTP, "--vulndb", VULNDB),
        run(0, "advise", "go1.21.3", "--as-of", "2026-08-21", "--vulndb", VULNDB),
        run(0, "vulns", "go1.21.3", "--offline"),
        run(0, "releases", "--json", "--as-of", "2026-08-21"),
        run(0, "policy", "check", EXAMPLE),
        run(0, "envs", "list", "--governance", EXAMPLE, "--as-of", "2024-07-01"),
        run(0, "scan", FIXTURES, "--vulndb", VULNDB, "--format", "json"),
        run(
            0,
            "impact",
            "--json",
            BIN,
            "--to",
            "1.23",
            "--vulndb",
            VULNDB,
            "--as-of",
            "2026-08-21"),
        run(0, "decide", BIN, "--vulndb", VULNDB, "--as-of", "2026-08-21"),
        run(0, "completion", "bash"),
        run(0, "audit", "verify"),
        run(0, "list", "--json"),
        run(0, "ps", "--json"),
        run(0, "release", "list", "hello", "--json"),
        run(3, "current"),
        run(2, "inspect", "--no-such-flag"));
  }

  private static Arguments run(int exit, String... args) {
    return Arguments.of(exit, List.of(args));
  }

  @ParameterizedTest(name = "govern {1} exits {0}")
  @MethodSource("commands")
  void eachCapabilityRunsFromTheShadedJar(int exit, List<String> args) throws Exception {
    assertThat(JAR).as("mvn package builds the shaded jar first").exists();
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("GOVERN_HOME", home.resolve(".govern").toString());
    pb.environment().put("HOME", home.toString());
    Path out = home.resolve("out.txt");
    Path err = home.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(nullFile());
    int code = pb.start().waitFor();
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(stderr).doesNotContain("Exception").doesNotContain("Error:").doesNotContain("SLF4J");
    assertThat(code).as("exit code; stderr: %s", stderr).isEqualTo(exit);
    if (exit == 0) {
      assertThat(Files.size(out)).as("something on stdout").isPositive();
    }
  }

  @org.junit.jupiter.api.Test
  void serveStartsFromTheShadedJarAndStopsOnSigterm() throws Exception {
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            JAR.toString(),
            "serve",
            "--listen",
            "127.0.0.1:0");
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("GOVERN_HOME", home.resolve(".govern").toString());
    Path err = home.resolve("serve-err.txt");
    pb.redirectError(err.toFile()).redirectInput(nullFile());
    Process p = pb.start();
    try (java.io.BufferedReader out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String url = out.readLine();
      assertThat(url)
          .as("the URL on stdout; stderr: %s", Files.readString(err))
          .startsWith("http://127.0.0.1:");
      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      java.net.http.HttpResponse<String> ready =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/readyz")).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).isEqualTo(200);
      java.net.http.HttpResponse<String> denied =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/api/v1/fleet"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(denied.statusCode()).isEqualTo(401);
      assertThat(denied.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(stderr)
        .contains("govern serve: listening on")
        .doesNotContain("Exception")
        .doesNotContain("SLF4J");
    assertThat(home.resolve(".govern/server/govern.db")).exists();
  }

  @ParameterizedTest(name = "govern {0} loads no server class")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"--help", "version-info go1.22.4", "audit verify", "list --json"})
  void otherCommandsLoadNoServerClass(String args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-verbose:class");
    cmd.add("-jar");
    cmd.add(JAR.toString());
    cmd.addAll(List.of(args.split(" ")));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("GOVERN_HOME", home.resolve(".govern").toString());
    Path out = home.resolve("classes.txt");
    pb.redirectOutput(out.toFile())
        .redirectError(home.resolve("err.txt").toFile())
        .redirectInput(nullFile());
    pb.start().waitFor();
    List<String> loaded = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(loaded).anyMatch(l -> l.contains("dev.govern.cli.Main"));
    assertThat(loaded)
        .noneMatch(
            l ->
                l.contains(" dev.govern.server.")
                    || l.contains(" io.javalin.")
                    || l.contains(" org.eclipse.jetty.")
                    || l.contains(" org.jdbi.")
                    || l.contains(" org.flywaydb.")
                    || l.contains(" com.zaxxer."));
  }

  private static File nullFile() throws IOException {
    return new File("/dev/null");
  }
}
