package dev.govern.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.server.ServerConfig;
import dev.govern.server.auth.Role;
import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.notify.Backoff;
import dev.govern.server.testing.Http;
import dev.govern.server.testing.ScanDocs;
import dev.govern.server.testing.TestServer;
import java.io.File;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The dashboard in a real headless Chromium (Debian's chromium and chromedriver, driven by
 * Selenium) with JavaScript switched off: a requester logs in with a token and files a request, two
 * other users approve it, and the environment and the ledger show the change. Every page is saved
 * as a screenshot under {@code target/screenshots}, and any browser console error fails the test.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
  static final Path SHOTS = Path.of("target", "screenshots");

  TestServer server;
  ChromeDriver browser;
  final List<String> consoleErrors = new ArrayList<>();

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    Path gov = dir.resolve("govern.yaml");
    Files.writeString(gov, "approvals:\n  prod:\n    required: 2\n    groups: [sre]\n");
    server =
        TestServer.start(
            DatabaseUrl.Kind.SQLITE,
            dir,
            new ServerConfig.Workflow(gov, null, Duration.ofHours(1), Backoff.DEFAULT));
    Http admin = server.admin();
    assertThat(
            admin
                .put(
                    "/api/v1/environments/prod",
                    "{\"version\":\"go1.22.0\",\"status\":\"live\",\"reason\":\"start\"}",
                    "If-None-Match",
                    "*")
                .status())
        .isEqualTo(201);
    Http ci = server.http(server.token("ci", Role.CI));
    for (int i = 0; i < 3; i++) {
      ci.put(
          "/api/v1/scans/dash-" + i,
          ScanDocs.json(
              ScanDocs.document(
                  "dash", 12, i, Instant.parse("2024-06-0" + (i + 1) + "T00:00:00Z"))));
    }
    Files.createDirectories(SHOTS);
    ChromeOptions o = new ChromeOptions();
    o.setBinary("/usr/bin/chromium");
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000");
    o.setExperimentalOption(
        "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, o);
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    server.close();
  }

  void open(String path) {
    browser.get(server.base() + path);
  }

  void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        consoleErrors.add(name + ": " + e.getMessage());
      }
    }
    assertThat(consoleErrors).as("browser console errors").isEmpty();
  }

  void login(String token) {
    open("/");
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    WebElement field = browser.findElement(By.id("token"));
    assertThat(browser.findElement(By.cssSelector("label[for=token]")).getText())
        .isEqualTo("Token");
    field.sendKeys(token);
    browser.findElement(By.cssSelector("form[action='/login'] button")).click();
    // the click returns once the form is sent; wait for the answer page before going on
    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d ->
                !d.getCurrentUrl().endsWith("/login")
                    || !d.findElements(By.cssSelector("[role=alert]")).isEmpty());
  }

  void logout() {
    browser.findElement(By.cssSelector("form.logout button")).click();
    new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> d.getCurrentUrl().endsWith("/login"));
  }

  @Test
  void aRequesterFilesARequestTwoOthersApproveItAndTheEnvironmentAndLedgerShowIt()
      throws Exception {
    String rita = server.token("rita", Role.APPROVER, "dev");
    String alice = server.token("alice", Role.APPROVER, "sre");
    String bob = server.token("bob", Role.APPROVER, "sre");

    open("/");
    shot("01-login");
    login("gvn_not-a-token");
    assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("not valid");
    // the one console error this test expects: the refused login answered 401
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .singleElement()
        .satisfies(e -> assertThat(e.getMessage()).contains("/login").contains("401"));

    login(rita);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Fleet");
    assertThat(browser.findElements(By.cssSelector("svg polyline"))).hasSize(3);
    assertThat(browser.findElement(By.cssSelector("svg polyline.red")).getDomAttribute("points"))
        .contains(",");
    shot("02-fleet");
    Cookie session = browser.manage().getCookieNamed(Dashboard.COOKIE);
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");

    // a form post without the CSRF token is refused, even with the session cookie
    Http.Response forged =
        new Http(Http.newClient(), server.base(), null)
            .send(
                HttpRequest.newBuilder(URI.create(server.base() + "/requests"))
                    .header("Cookie", Dashboard.COOKIE + "=" + session.getValue())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "environment=prod&version=go1.22.9&reason=x")));
    assertThat(forged.status()).isEqualTo(403);

    open("/services?class=red");
    assertThat(browser.findElements(By.cssSelector("tbody tr"))).isNotEmpty();
    browser.findElement(By.cssSelector("tbody tr a")).click();
    assertThat(browser.findElement(By.tagName("caption")).getText()).contains("History");
    shot("03-service");

    open("/environments");
    browser.findElement(By.id("environment")).sendKeys("prod");
    browser.findElement(By.id("version")).sendKeys("go1.22.5");
    browser.findElement(By.id("reason")).sendKeys("CVE-2024-24790 <script>alert(1)</script>");
    browser.findElement(By.id("attachment")).sendKeys("Decision: upgrade prod.");
    browser.findElement(By.cssSelector("form[action='/requests'] button")).click();
    String requestUrl = browser.getCurrentUrl();
    assertThat(requestUrl).matches(".*/requests/[0-9a-f]{12}\\?msg=.*");
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
        .contains("Request filed (pending)");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("<script>alert(1)</script>");
    assertThat(browser.findElements(By.cssSelector("form[action$='/approve']")))
        .isEmpty(); // not for the requester
    shot("04-request-filed");
    logout();

    login(alice);
    browser.get(requestUrl.substring(0, requestUrl.indexOf('?')));
    browser.findElement(By.id("approve-comment")).sendKeys("evidence read");
    browser.findElement(By.cssSelector("form[action$='/approve'] button")).click();
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
        .contains("Recorded: approved");
    shot("05-approved-once");
    logout();

    login(bob);
    browser.get(requestUrl.substring(0, requestUrl.indexOf('?')));
    shot("06-second-approver");
    browser.findElement(By.cssSelector("form[action$='/approve'] button")).click();
    assertThat(browser.findElement(By.cssSelector("[role=status]")).getText())
        .contains("Recorded: applied");
    assertThat(browser.findElement(By.cssSelector(".state")).getText()).isEqualTo("applied");
    shot("07-applied");

    open("/environments");
    assertThat(browser.findElement(By.cssSelector("td.version")).getText()).isEqualTo("go1.22.5");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("No open change requests.");
    shot("08-environments");

    open("/ledger");
    assertThat(browser.findElement(By.id("verification")).getText())
        .startsWith("The chain verifies");
    String ledger = browser.findElement(By.tagName("tbody")).getText();
    assertThat(ledger).contains("env-set").contains("env:prod").contains("go1.22.0 → go1.22.5");
    shot("09-ledger");

    open("/notifications");
    assertThat(browser.findElement(By.tagName("tbody")).getText()).contains("request.applied");
    shot("10-notifications");
    logout();
  }
}
