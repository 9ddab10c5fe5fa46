package dev.govern.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.GovernException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
  @TempDir Path dir;

  private static final Instant T0 = Instant.parse("2024-06-15T10:20:30.123Z");

  private Change change(int i) {
    return new Change(
        "use-default",
        "host:build-" + i,
        "go1.22." + i,
        "go1.22." + (i + 1),
        "reason \"" + i + "\"\nwith a newline and é",
        Evidence.of("go version", 0, "go version go1.22." + (i + 1) + " linux/amd64\n"));
  }

  @Test
  void appendsChainEachEntryToItsPredecessorAndVerifyIntact() {
    Ledger ledger = new Ledger(dir.resolve("ledger.jsonl"));
    LedgerEntry a = ledger.append(change(1), "alice@ci", null, 0, T0);
    LedgerEntry b = ledger.append(change(2), "alice@ci", null, 0, T0.plusSeconds(1));
    assertThat(a.seq()).isEqualTo(1);
    assertThat(a.prev()).isEqualTo(LedgerEntry.GENESIS);
    assertThat(b.seq()).isEqualTo(2);
    assertThat(b.prev()).isEqualTo(a.hash());
    assertThat(a.time()).isEqualTo("2024-06-15T10:20:30.123Z");
    Verification v = new LedgerVerifier(TrustedKeys.none(), LedgerPolicy.DEFAULT).verify(ledger);
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(2);
    assertThat(v.unsigned()).containsExactly(1L, 2L);
    assertThat(v.head()).isEqualTo(b.hash());
  }

  @Test
  void linesReadBackAsTheEntriesWritten() {
    Ledger ledger = new Ledger(dir.resolve("ledger.jsonl"));
    LedgerEntry a = ledger.append(change(1), "alice@ci", null, 0, T0);
    assertThat(ledger.read().entries()).containsExactly(a);
    assertThat(ledger.read().problems()).isEmpty();
  }

  @Test
  void hashIsOverPrevAndTheCanonicalBodyWithSortedKeys() {
    Map<String, Object> body =
        CanonicalJson.parseObject(
            "{\"seq\":1,\"time\":\"t\",\"operator\":\"o\",\"action\":\"a\",\"subject\":\"s\",\"prev\":\"p\"}");
    byte[] canonical = CanonicalJson.canonicalBytes(body);
    assertThat(new String(canonical, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"action\":\"a\",\"operator\":\"o\",\"prev\":\"p\",\"seq\":1,\"subject\":\"s\",\"time\":\"t\"}");
    String expected = LedgerEntry.hashOf("p", canonical);
    assertThat(LedgerEntry.hashOf(body)).isEqualTo(expected).hasSize(64);
  }

  @Test
  void canonicalFormEscapesOnlyWhatJsonRequires() {
    StringBuilder sb = new StringBuilder();
    CanonicalJson.writeString("a\"b\\c\n\u0001é😀/", sb);
    assertThat(sb.toString()).isEqualTo("\"a\\\"b\\\\c\\n\\u0001é😀/\"");
  }

  @Test
  void canonicalParserRejectsDuplicateKeysAndFractions() {
    assertThatThrownBy(() -> CanonicalJson.parseObject("{\"a\":1,\"a\":2}"))
        .hasMessageContaining("duplicate");
    assertThatThrownBy(() -> CanonicalJson.parseObject("{\"a\":1.5}"))
        .hasMessageContaining("integer");
  }

  @Test
  void signedEntriesVerifyAgainstTheTrustedKey() {
    KeyFolder keys = new KeyFolder(dir.resolve("keys"));
    SigningKey key = keys.generate("alice@ci", false);
    Ledger ledger = new Ledger(dir.resolve("ledger.jsonl"));
    for (int i = 0; i < 5; i++) {
      ledger.append(change(i), "alice@ci", key, 0, T0);
    }
    LedgerPolicy strict = new LedgerPolicy(true, Set.of(), 0);
    Verification v = new LedgerVerifier(new TrustedKeys(keys.trusted()), strict).verify(ledger);
    assertThat(v.intact()).as("%s", v.problem()).isTrue();
    assertThat(v.unsigned()).isEmpty();
    Verification untrusted = new LedgerVerifier(TrustedKeys.none(), strict).verify(ledger);
    assertThat(untrusted.problem().kind()).isEqualTo(Tamper.FORGED);
    assertThat(untrusted.problem().seq()).isEqualTo(1);
  }

  @Test
  void privateKeyFileIsOnlyReadableByItsOwner() throws Exception {
    KeyFolder keys = new KeyFolder(dir.resolve("keys"));
    keys.generate("alice@ci", false);
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(keys.privateKeyFile("alice@ci"))))
        .isEqualTo("rw-------");
    assertThat(keys.signingKey("alice@ci")).isPresent();
    assertThatThrownBy(() -> keys.generate("alice@ci", false))
        .isInstanceOf(GovernException.class)
        .hasMessageContaining("already exists");
  }

  @Test
  void replacingAKeyKeepsTheOldPublicKeySoOldEntriesStillVerify() {
    KeyFolder keys = new KeyFolder(dir.resolve("keys"));
    SigningKey first = keys.generate("alice@ci", false);
    Ledger ledger = new Ledger(dir.resolve("ledger.jsonl"));
    ledger.append(change(1), "alice@ci", first, 0, T0);
    SigningKey second = keys.generate("alice@ci", true);
    ledger.append(change(2), "alice@ci", second, 0, T0);
    assertThat(keys.trusted()).hasSize(2);
    Verification v =
        new LedgerVerifier(new TrustedKeys(keys.trusted()), new LedgerPolicy(true, Set.of(), 0))
            .verify(ledger);
    assertThat(v.intact()).as("%s", v.problem()).isTrue();
  }

  @Test
  void unsignedEntriesFailWhenSignaturesAreRequired() {
    Ledger ledger = new Ledger(dir.resolve("ledger.jsonl"));
    ledger.append(change(1), "alice@ci", null, 0, T0);
    Verification v =
        new LedgerVerifier(TrustedKeys.none(), new LedgerPolicy(true, Set.of(), 0)).verify(ledger);
    assertThat(v.problem().kind()).isEqualTo(Tamper.UNSIGNED);
  }

  @Test
  void automaticCheckpointsEveryNEntriesDetectTruncation() throws Exception {
    Ledger ledger = new Ledger(dir.resolve("ledger.jsonl"));
    for (int i = 0; i < 7; i++) {
      ledger.append(change(i), "alice@ci", null, 3, T0);
    }
    assertThat(ledger.checkpointLines()).hasSize(2);
    List<String> lines = Files.readAllLines(ledger.file());
    Files.write(ledger.file(), lines.subList(0, 5));
    Verification v = new LedgerVerifier(TrustedKeys.none(), LedgerPolicy.DEFAULT).verify(ledger);
    assertThat(v.problem().kind()).isEqualTo(Tamper.TRUNCATED);
    assertThat(v.problem().seq()).isEqualTo(6);
  }

  @Test
  void tornTailIsReportedRefusedByAppendAndRepairedIntoQuarantine() throws Exception {
    Ledger ledger = new Ledger(dir.resolve("ledger.jsonl"));
    ledger.append(change(1), "alice@ci", null, 0, T0);
    ledger.append(change(2), "alice@ci", null, 0, T0);
    byte[] partial = "{\"seq\":3,\"time\":\"2024".getBytes(StandardCharsets.UTF_8);
    Files.write(ledger.file(), partial, java.nio.file.StandardOpenOption.APPEND);
    LedgerVerifier verifier = new LedgerVerifier(TrustedKeys.none(), LedgerPolicy.DEFAULT);
    Verification v = verifier.verify(ledger);
    assertThat(v.problem().kind()).isEqualTo(Tamper.TORN_TAIL);
    assertThat(v.problem().seq()).isEqualTo(3);
    assertThatThrownBy(() -> ledger.append(change(3), "alice@ci", null, 0, T0))
        .hasMessageContaining("torn");
    Ledger.Repair r = ledger.repair("alice@ci", null, T0).orElseThrow();
    assertThat(Files.readAllBytes(r.quarantine())).isEqualTo(partial);
    assertThat(r.entry().seq()).isEqualTo(3);
    assertThat(r.entry().action()).isEqualTo("ledger-repair");
    assertThat(verifier.verify(ledger).intact()).isTrue();
    assertThat(ledger.repair("alice@ci", null, T0)).isEmpty();
  }
}
