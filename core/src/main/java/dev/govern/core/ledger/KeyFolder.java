package dev.govern.core.ledger;

import dev.govern.core.GovernException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code keys/} folder: {@code <operator>.key} (private, mode 600: {@code operator=} and {@code
 * ed25519-pkcs8=}) and {@code <operator>.pub} ({@code operator=} and {@code ed25519=} raw public
 * key in base64). Every {@code .pub} file in the folder is a trusted key.
 */
public final class KeyFolder {
  private final Path dir;

  public KeyFolder(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** The file name stem for an operator: characters outside {@code [A-Za-z0-9._@-]} become _. */
  static String stem(String operator) {
    return operator.replaceAll("[^A-Za-z0-9._@-]", "_");
  }

  public Path privateKeyFile(String operator) {
    return dir.resolve(stem(operator) + ".key");
  }

  public Path publicKeyFile(String operator) {
    return dir.resolve(stem(operator) + ".pub");
  }

  /** Generates a key pair for {@code operator}; refuses to replace one unless {@code force}. */
  public SigningKey generate(String operator, boolean force) {
    Path priv = privateKeyFile(operator);
    if (Files.exists(priv) && !force) {
      throw GovernException.precondition(
          "a signing key for " + operator + " already exists: " + priv,
          "use --force to replace it (entries it signed then need its .pub kept as trusted)");
    }
    if (Files.exists(priv) && Files.exists(publicKeyFile(operator))) {
      retirePublicKey(operator);
    }
    KeyPair kp = Ed25519Keys.generate();
    String privText =
        "operator="
            + operator
            + "\ned25519-pkcs8="
            + java.util.Base64.getEncoder().encodeToString(kp.getPrivate().getEncoded())
            + "\n";
    String pubText =
        "operator=" + operator + "\ned25519=" + Ed25519Keys.rawBase64(kp.getPublic()) + "\n";
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve("." + priv.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      try {
        Files.createFile(
            tmp,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(tmp);
      }
      Files.writeString(tmp, privText, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
      dev.govern.core.io.AtomicFiles.moveAtomically(tmp, priv);
      dev.govern.core.io.AtomicFiles.writeString(publicKeyFile(operator), pubText);
    } catch (FileAlreadyExistsException e) {
      throw GovernException.precondition("key file appeared meanwhile: " + e.getFile(), null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write key to " + dir + ": " + e.getMessage(), e);
    }
    return new SigningKey(operator, kp.getPrivate(), kp.getPublic());
  }

  /**
   * Keeps a replaced key's public half as {@code <operator>.<keyId>.pub}, so the entries it signed
   * still verify here.
   */
  private void retirePublicKey(String operator) {
    Path pub = publicKeyFile(operator);
    Properties q = load(pub);
    String id =
        Ed25519Keys.keyId(Ed25519Keys.publicKey(require(q, "ed25519", pub), pub.toString()));
    try {
      Files.move(
          pub,
          dir.resolve(stem(operator) + "." + id + ".pub"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot keep the old public key " + pub + ": " + e.getMessage(), e);
    }
  }

  /** The operator's signing key, if this folder has one. */
  public Optional<SigningKey> signingKey(String operator) {
    Path priv = privateKeyFile(operator);
    Path pub = publicKeyFile(operator);
    if (!Files.isRegularFile(priv)) {
      return Optional.empty();
    }
    Properties p = load(priv);
    String owner = p.getProperty("operator", operator).strip();
    PrivateKey pk = Ed25519Keys.privateKey(require(p, "ed25519-pkcs8", priv), priv.toString());
    if (!Files.isRegularFile(pub)) {
      throw GovernException.precondition(
          "signing key " + priv + " has no public half " + pub,
          "run 'govern audit keygen --force' to make a new pair");
    }
    Properties q = load(pub);
    PublicKey publicKey = Ed25519Keys.publicKey(require(q, "ed25519", pub), pub.toString());
    return Optional.of(new SigningKey(owner, pk, publicKey));
  }

  /** Every {@code .pub} file of the folder as a trusted key. */
  public List<TrustedKey> trusted() {
    List<TrustedKey> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.pub")) {
      for (Path f : ds) {
        Properties q = load(f);
        String op = require(q, "operator", f);
        out.add(
            new TrustedKey(
                op, Ed25519Keys.publicKey(require(q, "ed25519", f), f.toString()), f.toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    out.sort(java.util.Comparator.comparing(TrustedKey::source));
    return out;
  }

  private static Properties load(Path f) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
    return p;
  }

  private static String require(Properties p, String key, Path f) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) {
      throw GovernException.invalidInput(f + ": missing " + key + "=");
    }
    return v.strip();
  }
}
