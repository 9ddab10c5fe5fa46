package dev.govern.server.ledger;

import dev.govern.core.io.FileLocks;
import dev.govern.core.ledger.Ed25519Keys;
import dev.govern.core.ledger.KeyFolder;
import dev.govern.core.ledger.SigningKey;
import java.nio.file.Path;

/**
 * The key this server process signs its ledger entries and witness countersignatures with: {@code
 * $GOVERN_HOME/server/keys/govern-server.key}, made on first start (mode 600). Its public half is
 * registered in the database, so entries signed by any server process verify everywhere.
 */
public final class ServerKey {
  /** The operator name the server's keys are registered under. */
  public static final String OPERATOR = "govern-server";

  private ServerKey() {}

  /** Loads the key from {@code keysDir}, making it first if there is none. */
  @SuppressWarnings("try") // the lock is held for the block, not used in it
  public static SigningKey loadOrCreate(Path keysDir) {
    KeyFolder folder = new KeyFolder(keysDir);
    try (FileLocks.Held held = FileLocks.exclusive(keysDir.resolve(".keys.lock"))) {
      return folder.signingKey(OPERATOR).orElseGet(() -> folder.generate(OPERATOR, false));
    }
  }

  /** The raw public key in base64, as the governance file's {@code keys:} list writes keys. */
  public static String publicBase64(SigningKey key) {
    return Ed25519Keys.rawBase64(key.publicKey());
  }
}
