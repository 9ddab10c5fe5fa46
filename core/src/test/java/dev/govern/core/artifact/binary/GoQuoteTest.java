package dev.govern.core.artifact.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class GoQuoteTest {
  @Test
  void quoteEscapesLikeStrconvQuote() {
    assertThat(GoQuote.quote("a \"b\" \\ c\t\n\u0007\u007f\u00e9\u200b\ud83d\ude00"))
        .isEqualTo("\"a \\\"b\\\" \\\\ c\\t\\n\\a\\x7f\u00e9\\u200b\ud83d\ude00\"");
  }

  @Test
  void unquoteHandlesEveryEscapeAndRawStrings() {
    assertThat(GoQuote.unquote("\"\\x41\\101\\u00e9\\U0001F600\\\\\\\"\""))
        .isEqualTo("AA\u00e9\ud83d\ude00\\\"");
    assertThat(GoQuote.unquote("`raw \\n\r`")).isEqualTo("raw \\n");
    assertThatThrownBy(() -> GoQuote.unquote("\"bad \\q\""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GoQuote.unquote("\"\\ud800\""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quotedPrefixFindsTheEndOfTheQuotedString() {
    assertThat(GoQuote.quotedPrefix("\"a\\\"b\"=rest")).isEqualTo(6);
    assertThat(GoQuote.quotedPrefix("`a`=x")).isEqualTo(3);
    assertThat(GoQuote.quotedPrefix("\"open")).isEqualTo(-1);
    assertThat(GoQuote.quotedPrefix("plain")).isEqualTo(-1);
  }

  @Property(tries = 1000)
  void unquoteInvertsQuote(@ForAll String s) {
    String wellFormed = s.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF) ? "x" : s;
    String q = GoQuote.quote(wellFormed);
    assertThat(GoQuote.unquote(q)).isEqualTo(wellFormed);
    assertThat(GoQuote.quotedPrefix(q + "tail")).isEqualTo(q.length());
  }
}
