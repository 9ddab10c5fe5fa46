package dev.govern.core.sumdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.GovernException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Lookup responses, notes, tree heads and keys come from the network: random, truncated and
 * bit-flipped input is refused with a one-line reason, never with another exception.
 */
class SumdbParsersPropertiesTest {
  private static final TestLog LOG = new TestLog("sum.example.org").fill(300);
  private static final byte[] GOOD = LOG.lookup(123);

  @Property(tries = 300)
  void randomBytesAreRefusedCleanly(@ForAll @Size(max = 400) byte[] data) {
    refusedOrProven(data);
  }

  @Property(tries = 300)
  void truncatedAndFlippedLookupsAreRefusedCleanly(
      @ForAll @IntRange(max = 2000) int cut,
      @ForAll @IntRange(max = 2000) int flip,
      @ForAll byte with) {
    byte[] d = Arrays.copyOf(GOOD, Math.min(cut, GOOD.length));
    if (d.length > 0) {
      d[flip % d.length] ^= with == 0 ? 1 : with;
    }
    refusedOrProven(d);
  }

  @Property(tries = 300)
  void treeHeadsParseOrAreEmpty(@ForAll String text, @ForAll @IntRange(max = 100) int cut) {
    String good = new TreeHead(5, LOG.treeHash(5)).text();
    TreeHead.parse(text);
    TreeHead.parse(good.substring(0, Math.min(cut, good.length())) + text);
    assertThat(TreeHead.parse(good)).contains(new TreeHead(5, LOG.treeHash(5)));
  }

  @Property(tries = 300)
  void keysParseOrFailWithOneLine(@ForAll String text) {
    for (String k : new String[] {text, LOG.verifierKey() + text, text + LOG.verifierKey()}) {
      try {
        NoteKey.parse(k);
      } catch (GovernException e) {
        assertThat(e.getMessage()).doesNotContain("\n");
      }
    }
  }

  private static void refusedOrProven(byte[] data) {
    try {
      LookupRecord r = LookupRecord.parse(data);
      String text = SignedNote.open(r.note(), LOG.key());
      assertThat(TreeHead.parse(text)).isPresent();
    } catch (VerificationFailed e) {
      assertThat(e.getMessage()).doesNotContain("\n").isNotBlank();
    }
  }

  @Property(tries = 50)
  void theGoodLookupOpens(@ForAll @IntRange(max = 299) int id) {
    LookupRecord r = LookupRecord.parse(LOG.lookup(id));
    assertThat(r.id()).isEqualTo(id);
    assertThat(SignedNote.open(r.note(), LOG.key())).startsWith("go.sum database tree\n300\n");
    assertThat(r.textBytes()).isEqualTo(LOG.records.get(id));
    assertThat(new String(r.textBytes(), StandardCharsets.UTF_8)).endsWith("\n");
  }
}
