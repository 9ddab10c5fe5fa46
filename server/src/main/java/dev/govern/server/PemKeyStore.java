package dev.govern.server;

import dev.govern.core.GovernException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;

/** A key store for Jetty from PEM files: a certificate chain and a PKCS#8 private key. */
final class PemKeyStore {
  static final char[] PASSWORD = "govern".toCharArray();

  private PemKeyStore() {}

  static KeyStore load(Path certFile, Path keyFile) {
    try {
      Collection<? extends Certificate> chain;
      try (var in = Files.newInputStream(certFile)) {
        chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
      } catch (GeneralSecurityException e) {
        throw GovernException.invalidInput(certFile + ": not a PEM certificate: " + e.getMessage());
      }
      if (chain.isEmpty()) {
        throw GovernException.invalidInput(certFile + ": no certificate in it");
      }
      PrivateKey key = privateKey(keyFile);
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("govern", key, PASSWORD, chain.toArray(new Certificate[0]));
      return ks;
    } catch (IOException e) {
      throw GovernException.notFound("cannot read " + e.getMessage(), null);
    } catch (GeneralSecurityException e) {
      throw GovernException.invalidInput("cannot use the TLS key pair: " + e.getMessage());
    }
  }

  private static PrivateKey privateKey(Path keyFile) throws IOException {
    String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
      throw new GovernException(
          dev.govern.core.ErrorCode.INVALID_INPUT,
          keyFile + ": a PKCS#1/SEC1 key; govern reads PKCS#8 (BEGIN PRIVATE KEY)",
          "convert it: openssl pkcs8 -topk8 -nocrypt -in " + keyFile + " -out key.pem");
    }
    int b = pem.indexOf("-----BEGIN PRIVATE KEY-----");
    int e = pem.indexOf("-----END PRIVATE KEY-----");
    if (b < 0 || e < b) {
      throw GovernException.invalidInput(
          keyFile + ": no PEM private key (BEGIN PRIVATE KEY) in it");
    }
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.substring(b + "-----BEGIN PRIVATE KEY-----".length(), e));
    for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException ignored) {
        // try the next algorithm
      }
    }
    throw GovernException.invalidInput(keyFile + ": not an RSA, EC or Ed25519 private key");
  }
}
