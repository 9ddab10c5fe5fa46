package dev.govern.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.cli.remote.ServerClient;
import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import dev.govern.core.ledger.CanonicalJson;
import dev.govern.core.ledger.Checkpoint;
import dev.govern.core.ledger.Ed25519Keys;
import dev.govern.core.ledger.Ledger;
import dev.govern.core.ledger.LedgerEntry;
import dev.govern.core.ledger.TrustedKey;
import dev.govern.core.ledger.TrustedKeys;
import dev.govern.core.ledger.WitnessStatement;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The team server as a witness of this ledger: {@code audit checkpoint --push} sends checkpoints
 * there, {@code audit verify --witness} fetches what it countersigned (checking each
 * countersignature against the server's published keys) so that a tail cut after the last local
 * checkpoint, or a rewritten history, no longer verifies. A ledger is named by the hash of its
 * first entry.
 */
final class Witness {
  /** The server's operator name for its keys (dev.govern.server.ledger.ServerKey). */
  static final String SERVER_OPERATOR = "govern-server";

  /** A checkpoint the witness countersigned. */
  record Witnessed(Checkpoint checkpoint, String witnessedAt, String witnessKeyId) {}

  private final ServerClient client;

  Witness(String url, Settings settings) {
    this.client = ServerClient.of(url, settings);
  }

  String url() {
    return client.base().toString();
  }

  /** The hash of the ledger's first entry; a precondition error for an empty ledger. */
  static String ledgerId(Ledger ledger) {
    try (BufferedReader r = Files.newBufferedReader(ledger.file(), StandardCharsets.UTF_8)) {
      String first = r.readLine();
      if (first == null || first.isBlank()) {
        throw GovernException.precondition("the ledger " + ledger.file() + " is empty", null);
      }
      return LedgerEntry.fromMap(CanonicalJson.parseObject(first)).hash();
    } catch (NoSuchFileException e) {
      throw GovernException.precondition("the ledger " + ledger.file() + " does not exist", null);
    } catch (IOException e) {
      throw GovernException.runtime("cannot read " + ledger.file() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new GovernException(
          ErrorCode.CHECK_FAILED,
          "the first line of " + ledger.file() + " is not a ledger entry: " + e.getMessage(),
          "run 'govern audit verify'");
    }
  }

  /**
   * Refuses to extend what the witness saw with a ledger that no longer contains it: every
   * checkpoint the witness holds must match the local entry at its seq.
   */
  void checkConsistent(String ledgerId, Ledger ledger) {
    List<LedgerEntry> entries = ledger.read().entries();
    for (Witnessed w : fetch(ledgerId)) {
      long seq = w.checkpoint().seq();
      if (seq > entries.size()) {
        throw new GovernException(
            ErrorCode.CHECK_FAILED,
            "the witness saw seq "
                + seq
                + " of this ledger on "
                + w.witnessedAt()
                + " but it ends at seq "
                + entries.size()
                + ": entries were cut off",
            "run 'govern audit verify --witness " + url() + "'");
      }
      if (!entries.get((int) seq - 1).hash().equals(w.checkpoint().hash())) {
        throw new GovernException(
            ErrorCode.CHECK_FAILED,
            "seq "
                + seq
                + " differs from the head the witness saw on "
                + w.witnessedAt()
                + ": the ledger was forked or rewritten",
            "run 'govern audit verify --witness " + url() + "'");
      }
    }
  }

  /** Sends a checkpoint; returns what the witness stored. */
  Witnessed push(String ledgerId, Checkpoint cp) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("seq", cp.seq());
    c.put("hash", cp.hash());
    c.put("time", cp.time());
    c.put("operator", cp.operator());
    if (cp.sig() != null) {
      c.put("sig", cp.sig());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ledgerId", ledgerId);
    body.put("checkpoint", c);
    JsonNode r = client.post("/api/v1/witness/checkpoints", ServerClient.json(body), true).json();
    return verified(ledgerId, r, keys()).get(0);
  }

  /** Every checkpoint the witness holds for this ledger, each countersignature checked. */
  List<Witnessed> fetch(String ledgerId) {
    JsonNode list =
        client.get("/api/v1/witness/" + ledgerId + "/checkpoints").json().path("checkpoints");
    List<Witnessed> out = new ArrayList<>();
    TrustedKeys keys = keys();
    for (JsonNode n : list) {
      out.addAll(verified(ledgerId, n, keys));
    }
    return out;
  }

  private TrustedKeys keys() {
    List<TrustedKey> keys = new ArrayList<>();
    for (JsonNode k : client.get("/api/v1/ledger/keys").json().path("keys")) {
      keys.add(
          new TrustedKey(
              SERVER_OPERATOR,
              Ed25519Keys.publicKey(
                  k.path("ed25519").asText(), url() + " key " + k.path("keyId").asText()),
              url()));
    }
    return new TrustedKeys(keys);
  }

  private List<Witnessed> verified(String ledgerId, JsonNode n, TrustedKeys keys) {
    JsonNode c = n.path("checkpoint");
    Checkpoint cp =
        new Checkpoint(
            c.path("seq").asLong(),
            c.path("hash").asText(),
            c.path("time").asText(),
            c.path("operator").asText(),
            c.hasNonNull("sig") ? c.get("sig").asText() : null);
    WitnessStatement st = new WitnessStatement(ledgerId, cp, n.path("witnessedAt").asText());
    TrustedKeys.Status s = st.check(n.path("witnessSig").asText(), keys, SERVER_OPERATOR);
    if (s != TrustedKeys.Status.VALID) {
      throw new GovernException(
          ErrorCode.CHECK_FAILED,
          "the witness's countersignature of seq "
              + cp.seq()
              + " does not verify ("
              + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + ")",
          "the answer did not come from the server that witnessed it");
    }
    return List.of(
        new Witnessed(cp, n.path("witnessedAt").asText(), n.path("witnessKeyId").asText()));
  }
}
