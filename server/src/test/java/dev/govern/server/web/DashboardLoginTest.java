package dev.govern.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.server.db.DatabaseUrl;
import dev.govern.server.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login form's CSRF token (double submit: a cookie scoped to /login and a form field). */
class DashboardLoginTest {
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> post(TestServer s, String cookie, String form) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(s.base() + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aLoginWithoutTheFormsTokenIsRefusedAndWithItOpensASession(@TempDir Path dir)
      throws Exception {
    try (TestServer s = TestServer.start(DatabaseUrl.Kind.SQLITE, dir)) {
      String token = "token=" + URLEncoder.encode(s.adminToken(), StandardCharsets.UTF_8);
      HttpResponse<String> form =
          http.send(
              HttpRequest.newBuilder(URI.create(s.base() + "/login")).build(),
              HttpResponse.BodyHandlers.ofString());
      String setCookie = form.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(setCookie)
          .contains("HttpOnly")
          .contains("SameSite=Strict")
          .contains("Path=/login");
      String cookie = setCookie.substring(0, setCookie.indexOf(';'));
      Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
      assertThat(m.find()).as(form.body()).isTrue();
      String csrf = m.group(1);
      assertThat(cookie).isEqualTo("govern_login=" + csrf);

      assertThat(post(s, null, token).statusCode()).isEqualTo(403);
      assertThat(post(s, cookie, token).statusCode()).isEqualTo(403);
      assertThat(post(s, null, "csrf=" + csrf + "&" + token).statusCode()).isEqualTo(403);
      HttpResponse<String> forged = post(s, "govern_login=forged", "csrf=forged2&" + token);
      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(forged.body()).contains("CSRF");
      assertThat(forged.headers().firstValue("Set-Cookie")).isEmpty();

      HttpResponse<String> ok = post(s, cookie, "csrf=" + csrf + "&" + token);
      assertThat(ok.statusCode()).isEqualTo(303);
      assertThat(ok.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("govern_session=");
    }
  }
}
