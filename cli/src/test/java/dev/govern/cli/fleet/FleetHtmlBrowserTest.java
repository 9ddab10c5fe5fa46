package dev.govern.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.cli.CliRunner;
import dev.govern.core.testing.RequiredPrograms;
import dev.govern.core.testing.TestBinaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML fleet report in headless Chromium (Debian's chromium package, installed by
 * dev/test-setup), saves a screenshot under target/screenshots/ and reads back the rendered DOM.
 */
@Tag("slow")
class FleetHtmlBrowserTest {

  @TempDir Path tmp;

  @Test
  void theReportRendersInAHeadlessBrowser() throws Exception {
    RequiredPrograms.chromium();
    Path fleet = tmp.resolve("fleet");
    Files.createDirectories(fleet.resolve("a"));
    Files.writeString(
        fleet.resolve("a/go.mod"), "module example.com/a\n\ngo 1.26.0\ntoolchain go1.26.7\n");
    Files.createDirectories(fleet.resolve("b"));
    Files.writeString(fleet.resolve("b/go.mod"), "module example.com/b\n\ngo 1.24\n");
    Files.copy(TestBinaries.moddep().file(), fleet.resolve("moddep"));
    Path html = tmp.resolve("fleet.html");
    CliRunner.Result r =
        new CliRunner(tmp)
            .run(
                "scan",
                fleet.toString(),
                "--vulndb",
                ScanCommandTest.VULNDB,
                "--as-of",
                ScanCommandTest.AS_OF,
                "--format",
                "html",
                "--out",
                html.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();

    Path shots = Path.of("target", "screenshots").toAbsolutePath();
    Files.createDirectories(shots);
    Path png = shots.resolve("fleet-report.png");
    Files.deleteIfExists(png);
    run(
        List.of("--screenshot=" + png, "--window-size=1280,800", html.toUri().toString()),
        tmp.resolve("shot.log"));
    assertThat(png).exists();
    byte[] head = Files.readAllBytes(png);
    assertThat(head.length).isGreaterThan(10_000);
    assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");

    Path dom = tmp.resolve("dom.html");
    run(List.of("--dump-dom", html.toUri().toString()), dom);
    String rendered = Files.readString(dom);
    assertThat(rendered)
        .contains("example.com/a", "example.com/b", "example.com/fixtures/moddep", "<svg");
  }

  private void run(List<String> args, Path output) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                RequiredPrograms.chromium().toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(tmp, "chrome")));
    cmd.addAll(args);
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(false)
            .redirectOutput(output.toFile())
            .redirectError(tmp.resolve("chrome.err").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("chrome.err"))).isZero();
  }
}
