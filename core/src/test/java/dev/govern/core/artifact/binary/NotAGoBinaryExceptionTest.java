package dev.govern.core.artifact.binary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotAGoBinaryExceptionTest {
  @Test
  void aNameReadFromADamagedFileCannotBreakTheOneLineMessage() {
    String garbage = "go.buildinfo\n\tsection\u0000" + "x".repeat(5000);
    NotAGoBinaryException e =
        new NotAGoBinaryException("bin/app", NotAGoBinaryException.Problem.TRUNCATED, garbage);
    assertThat(e.getMessage())
        .startsWith("bin/app: truncated (go.buildinfo??section?xxx")
        .doesNotContain("\n")
        .endsWith("…)");
    assertThat(e.getMessage().length())
        .isLessThan("bin/app: truncated ()".length() + NotAGoBinaryException.MAX_DETAIL + 2);
  }

  @Test
  void anOrdinaryDetailIsKeptAsItIs() {
    NotAGoBinaryException e =
        new NotAGoBinaryException(
            "a", NotAGoBinaryException.Problem.CORRUPT, "needs bytes 10..20 of a 15-byte file");
    assertThat(e.getMessage()).isEqualTo("a: corrupt (needs bytes 10..20 of a 15-byte file)");
  }
}
