package dev.govern.core.sumdb;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opens a signed note (Go's {@code golang.org/x/mod/sumdb/note}): UTF-8 text without control
 * characters other than newline, a blank line, and signature lines {@code — <name> <base64>} whose
 * decoded bytes are the signer's 4-byte key hash followed by the signature of the text (everything
 * up to and including the newline before the blank line). Signatures by unknown keys are skipped;
 * at least one must be by the given key, and every one by that key must verify.
 */
public final class SignedNote {
  private static final String SIGNATURE_PREFIX = "\u2014 ";
  private static final int MAX_SIGNATURES = 100;

  private SignedNote() {}

  /**
   * The text of {@code note} once a signature by {@code key} is verified.
   *
   * @throws VerificationFailed naming why the note is refused
   */
  public static String open(byte[] note, NoteKey key) {
    String msg;
    try {
      msg =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(note))
              .toString();
    } catch (CharacterCodingException e) {
      throw new VerificationFailed("malformed signed note: not UTF-8");
    }
    for (int i = 0; i < msg.length(); i++) {
      char c = msg.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new VerificationFailed("malformed signed note: control character at offset " + i);
      }
    }
    int split = msg.lastIndexOf("\n\n");
    if (split < 0) {
      throw new VerificationFailed("malformed signed note: no blank line before the signatures");
    }
    String text = msg.substring(0, split + 1);
    String sigs = msg.substring(split + 2);
    if (sigs.isEmpty() || !sigs.endsWith("\n")) {
      throw new VerificationFailed("malformed signed note: the signatures do not end a line");
    }
    byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
    boolean verified = false;
    int count = 0;
    for (String line : sigs.substring(0, sigs.length() - 1).split("\n", -1)) {
      if (!line.startsWith(SIGNATURE_PREFIX)) {
        throw new VerificationFailed(
            "malformed signed note: a signature line does not start with —");
      }
      if (++count > MAX_SIGNATURES) {
        throw new VerificationFailed("malformed signed note: more than 100 signatures");
      }
      String rest = line.substring(SIGNATURE_PREFIX.length());
      int space = rest.indexOf(' ');
      String name = space < 0 ? rest : rest.substring(0, space);
      String b64 = space < 0 ? "" : rest.substring(space + 1);
      byte[] sig;
      try {
        sig = Base64.getDecoder().decode(b64);
      } catch (IllegalArgumentException e) {
        sig = new byte[0];
      }
      if (!NoteKey.validName(name) || b64.isEmpty() || sig.length < 5) {
        throw new VerificationFailed("malformed signed note: bad signature line for " + name);
      }
      int hash = ByteBuffer.wrap(sig, 0, 4).getInt();
      if (!name.equals(key.name()) || hash != key.keyHash()) {
        continue; // another signer's: not ours to check
      }
      byte[] raw = java.util.Arrays.copyOfRange(sig, 4, sig.length);
      if (!key.verifies(textBytes, raw)) {
        throw new VerificationFailed("the signed note's signature by " + key.id() + " is invalid");
      }
      verified = true;
    }
    if (!verified) {
      throw new VerificationFailed("the signed note has no signature by " + key.id());
    }
    return text;
  }
}
