package dev.govern.core.vuln;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.release.ReleaseHistory;
import dev.govern.core.version.GoVersion;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpgradeAdvisorTest {
  private static final LocalDate SNAPSHOT = LocalDate.parse("2026-08-21");

  private static UpgradeAdvisor.Advice advise(VulnDatabase db, String version) {
    return new UpgradeAdvisor(ReleaseHistory.builtIn(), new VulnMatcher(db))
        .advise(GoVersion.parse(version), SNAPSHOT);
  }

  private static OsvEntry stdlibEntry(String id, String... events) {
    List<OsvRange.Event> ev = new java.util.ArrayList<>();
    for (int i = 0; i < events.length; i += 2) {
      ev.add(
          OsvRange.Event.of(
              events[i].equals("introduced") ? OsvRange.Kind.INTRODUCED : OsvRange.Kind.FIXED,
              events[i + 1]));
    }
    AffectedModule m =
        new AffectedModule(
            VulnDatabase.STDLIB,
            List.of(new OsvRange(ev)),
            List.of(),
            List.of(new AffectedPackage("net/http", List.of("Client.Do"), List.of(), List.of())));
    return new OsvEntry(
        id,
        List.of(),
        "test " + id,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(m),
        "");
  }

  @Test
  void supportedLineGetsItsNewestPatchWhenThatIsClean() {
    UpgradeAdvisor.Advice a = advise(SharedVulnDb.get(), "go1.26.2");
    assertThat(a.currentSupport().orElseThrow().supported()).isTrue();
    assertThat(a.currentFindings()).isNotEmpty();
    UpgradeAdvisor.Candidate pick = a.recommended().orElseThrow();
    assertThat(pick.version()).hasToString("go1.26.7");
    assertThat(pick.sameLine()).isTrue();
    assertThat(pick.fixes())
        .containsExactlyElementsOf(a.currentFindings().stream().map(Finding::id).toList());
  }

  @Test
  void endOfLifeLineGetsTheOldestSupportedCleanLine() {
    UpgradeAdvisor.Advice a = advise(SharedVulnDb.get(), "go1.21.3");
    assertThat(a.currentSupport().orElseThrow().supported()).isFalse();
    assertThat(a.candidates())
        .extracting(c -> c.version().toString())
        .containsExactly("go1.26.7", "go1.27.0");
    assertThat(a.recommended().orElseThrow().version()).hasToString("go1.26.7");
  }

  @Test
  void uncleanNewestPatchFallsThroughToTheNextSupportedLine() {
    VulnDatabase db =
        VulnDatabase.of(
            List.of(stdlibEntry("GO-TEST-1", "introduced", "1.26.0-0", "fixed", "1.26.8")),
            Optional.empty());
    UpgradeAdvisor.Advice a = advise(db, "go1.26.2");
    assertThat(a.candidates()).hasSize(2);
    assertThat(a.candidates().get(0).clean()).isFalse();
    assertThat(a.candidates().get(0).fixes()).isEmpty();
    assertThat(a.recommended().orElseThrow().version()).hasToString("go1.27.0");
    assertThat(a.recommended().orElseThrow().fixes()).containsExactly("GO-TEST-1");
  }

  @Test
  void noRecommendationWhenEverySupportedReleaseIsAffected() {
    VulnDatabase db =
        VulnDatabase.of(List.of(stdlibEntry("GO-TEST-2", "introduced", "0")), Optional.empty());
    UpgradeAdvisor.Advice a = advise(db, "go1.26.2");
    assertThat(a.recommended()).isEmpty();
    assertThat(a.candidates()).allMatch(c -> !c.clean());
  }

  @Test
  void newestCleanPatchIsItsOwnAdvice() {
    UpgradeAdvisor.Advice a = advise(SharedVulnDb.get(), "go1.27.0");
    assertThat(a.currentFindings()).isEmpty();
    assertThat(a.recommended().orElseThrow().version()).hasToString("go1.27.0");
  }
}
