package dev.govern.core.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.govern.core.testing.RealGo;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The GODEBUG history govern carries against the table in the Go sources of the machine's Go
 * ({@code $(go env GOROOT)/src/internal/godebugs/table.go}): the settings that toolchain knows,
 * their packages, the go line that changed each default and the old value; and its removed list.
 */
class GodebugHistoryTableTest {
  private static final Pattern ENTRY =
      Pattern.compile("^\\s*\\{Name: \"(\\w+)\", Package: \"([^\"]+)\"(.*)\\},", Pattern.MULTILINE);
  private static final Pattern CHANGED = Pattern.compile("Changed: (\\d+)");
  private static final Pattern OLD = Pattern.compile("Old: \"([^\"]*)\"");
  private static final Pattern REMOVED = Pattern.compile("\\{Name: \"(\\w+)\", Removed: (\\d+)\\}");

  record Row(String pkg, Optional<Integer> changed, Optional<String> old) {}

  @Test
  void carriedHistoryMatchesTheTableOfTheMachinesGo() throws IOException {
    GoVersion go = RealGo.require(21);
    String table = Files.readString(RealGo.goroot().resolve("src/internal/godebugs/table.go"));
    String all = table.substring(table.indexOf("var All"), table.indexOf("type RemovedInfo"));
    Map<String, Row> real = new TreeMap<>();
    Matcher m = ENTRY.matcher(all);
    while (m.find()) {
      Matcher c = CHANGED.matcher(m.group(3));
      Matcher o = OLD.matcher(m.group(3));
      real.put(
          m.group(1),
          new Row(
              m.group(2),
              c.find() ? Optional.of(Integer.parseInt(c.group(1))) : Optional.empty(),
              o.find() ? Optional.of(o.group(1)) : Optional.empty()));
    }
    assertThat(real).hasSizeGreaterThan(30);

    Map<String, Row> carried = new TreeMap<>();
    for (GodebugSetting s : GodebugHistory.builtIn().table(go).values()) {
      carried.put(
          s.name(),
          new Row(s.pkg(), s.changedMinor(), s.changed().isPresent() ? s.old() : Optional.empty()));
    }
    assertThat(carried).isEqualTo(real);
  }

  @Test
  void removedSettingsMatchTheRemovedListOfTheMachinesGo() throws IOException {
    GoVersion go = RealGo.require(21);
    String table = Files.readString(RealGo.goroot().resolve("src/internal/godebugs/table.go"));
    Map<String, Integer> real = new LinkedHashMap<>();
    Matcher m = REMOVED.matcher(table);
    while (m.find()) {
      real.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    GodebugHistory h = GodebugHistory.builtIn();
    for (Map.Entry<String, Integer> e : real.entrySet()) {
      GodebugSetting s = h.find(e.getKey()).orElseThrow();
      assertThat(s.removed()).as(e.getKey()).contains(GoVersion.parse("go1." + e.getValue()));
      assertThat(s.inTable(go)).isFalse();
      assertThat(h.rejects(go, e.getKey()))
          .hasValueSatisfying(r -> assertThat(r).startsWith("removed"));
    }
  }

  @Test
  void everySettingHasWhatImpactReportsNeed() {
    for (GodebugSetting s : GodebugHistory.builtIn().all()) {
      assertThat(s.pkg()).as(s.name()).isNotBlank();
      assertThat(s.summary()).as(s.name()).isNotBlank();
      if (!s.opaque()) {
        assertThat(s.metricToWatch())
            .contains("/godebug/non-default-behavior/" + s.name() + ":events");
      }
      if (s.changed().isPresent()) {
        assertThat(s.old()).as(s.name() + " old").isPresent();
        assertThat(s.newValue()).as(s.name() + " new").isPresent();
        assertThat(s.changed().get().isLanguageVersion() || s.changed().get().isRelease()).isTrue();
      }
    }
  }
}
