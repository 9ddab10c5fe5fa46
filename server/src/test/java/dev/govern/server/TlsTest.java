package dev.govern.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.GovernException;
import dev.govern.server.auth.Authenticator;
import dev.govern.server.testing.TestServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files made by openssl at test time. */
class TlsTest {
  @Test
  void servesHttpsWithAPemCertificateAndKey(@TempDir Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    Process p =
        new ProcessBuilder(
                List.of(
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-keyout",
                    key.toString(),
                    "-out",
                    cert.toString(),
                    "-days",
                    "1",
                    "-subj",
                    "/CN=localhost",
                    "-addext",
                    "subjectAltName=IP:127.0.0.1,DNS:localhost"))
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("openssl (apt-get install -y openssl): %s", out).isZero();

    ServerConfig cfg =
        ServerConfig.of(
                "127.0.0.1:0",
                TestServer.database(dev.govern.server.db.DatabaseUrl.Kind.SQLITE, dir),
                dir.resolve("server"))
            .withTls(cert, key)
            .withAuthLimits(new Authenticator.Limits(100, 1000));
    try (GovernServer server =
        GovernServer.start(cfg, "test", new ServerLog(System.err, Clock.systemUTC()))) {
      assertThat(server.scheme()).isEqualTo("https");
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      try (InputStream in = Files.newInputStream(cert)) {
        trust.setCertificateEntry(
            "govern", CertificateFactory.getInstance("X.509").generateCertificate(in));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/healthz"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.uri().getScheme()).isEqualTo("https");
    }
  }

  @Test
  void aKeyInTheWrongFormatIsAClearError(@TempDir Path dir) throws Exception {
    Path cert = dir.resolve("cert.pem");
    Files.writeString(cert, "not a certificate");
    Path key = dir.resolve("key.pem");
    Files.writeString(
        key, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
    assertThatThrownBy(() -> ServerConfig.of("127.0.0.1:0", null, dir).withTls(cert, null))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("--tls-cert and --tls-key go together");
    ServerConfig cfg =
        ServerConfig.of("127.0.0.1:0", dir.resolve("g.db").toString(), dir.resolve("server"))
            .withTls(cert, key);
    assertThatThrownBy(
            () -> GovernServer.start(cfg, "test", new ServerLog(System.err, Clock.systemUTC())))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining(cert.toString());
  }
}
