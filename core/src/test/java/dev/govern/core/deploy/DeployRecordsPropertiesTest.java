package dev.govern.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The release record and the target state come from shared folders and hosts: truncated, garbled or
 * random bytes give one clear error naming the file, never another exception.
 */
class DeployRecordsPropertiesTest {
  private static final String SHA =
      "e7e9d5bbc7ff48483f8153d0035d358c61aca14d771088891423ff09c05c3fb3";

  private static final Release RELEASE =
      Release.of(
          ServiceName.parse("hello"),
          SHA,
          8355885,
          "hello",
          Optional.empty(),
          Instant.parse("2026-01-01T00:00:00Z"),
          "alice@ci",
          "/builds/hello");

  private static final TargetState STATE =
      TargetState.fresh(ServiceName.parse("hello"))
          .withChecks("systemctl restart hello", "http://127.0.0.1:8080/health", null, 30_000L)
          .finished(
              List.of(
                  new TargetState.Deployment(
                      "e7e9d5bbc7ff", "deploy", "2026-01-01T00:00:00Z", "healthy", "alice")))
          .withPending(
              new TargetState.Pending(
                  "deploy", "e7e9d5bbc7ff", "0123456789ab", "2026-01-01T00:00:01Z", 42));

  /** Parses, and says how it failed: null when it parsed. */
  private static GovernException failure(Runnable parse) {
    Throwable t = catchThrowable(parse::run);
    if (t == null) {
      return null;
    }
    assertThat(t).isInstanceOf(GovernException.class);
    GovernException e = (GovernException) t;
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_INPUT);
    assertThat(e.getMessage()).startsWith("f.json: not a ").doesNotContain("\n");
    assertThat(e.getMessage().length()).isLessThan(400);
    return e;
  }

  @Example
  void bothRoundTrip() {
    assertThat(Release.parse(RELEASE.toJson(), "f.json")).isEqualTo(RELEASE);
    assertThat(TargetState.parse(STATE.toJson(), "f.json")).isEqualTo(STATE);
  }

  @Property(tries = 300)
  void everyTruncationOfAReleaseRecordIsAClearError(
      @ForAll @IntRange(min = 0, max = 10_000) int cut) {
    byte[] all = RELEASE.toJson();
    byte[] part = Arrays.copyOf(all, Math.min(cut, all.length - 2));
    assertThat(failure(() -> Release.parse(part, "f.json"))).isNotNull();
  }

  @Property(tries = 300)
  void everyTruncationOfATargetStateIsAClearError(
      @ForAll @IntRange(min = 0, max = 10_000) int cut) {
    byte[] all = STATE.toJson();
    byte[] part = Arrays.copyOf(all, Math.min(cut, all.length - 2));
    assertThat(failure(() -> TargetState.parse(part, "f.json"))).isNotNull();
  }

  @Provide
  Arbitrary<byte[]> garbled() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(4000);
    Arbitrary<byte[]> edited =
        Arbitraries.integers()
            .between(0, 600)
            .list()
            .ofMinSize(1)
            .ofMaxSize(8)
            .map(
                positions -> {
                  byte[] b = RELEASE.toJson().clone();
                  for (int p : positions) {
                    b[p % b.length] = (byte) "{}[]\":,0x \\9".charAt(p % 12);
                  }
                  return b;
                });
    Arbitrary<byte[]> deep =
        Arbitraries.integers()
            .between(1, 50_000)
            .map(n -> "[".repeat(n).getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(random, edited, deep);
  }

  @Property(tries = 500)
  void randomAndGarbledBytesParseOrFailClearly(@ForAll("garbled") byte[] bytes) {
    GovernException release = failure(() -> Release.parse(bytes, "f.json"));
    if (release == null) {
      // what parses passed every check: its id is still the start of its SHA-256
      Release r = Release.parse(bytes, "f.json");
      assertThat(r.sha256()).startsWith(r.id());
    }
    failure(() -> TargetState.parse(bytes, "f.json"));
  }

  @Example
  void aRecordWhoseIdIsNotItsHashIsRejected() {
    String json =
        new String(RELEASE.toJson(), StandardCharsets.UTF_8)
            .replace("\"id\" : \"e7e9d5bbc7ff\"", "\"id\" : \"000000000000\"");
    assertThat(failure(() -> Release.parse(json.getBytes(StandardCharsets.UTF_8), "f.json")))
        .hasMessage(
            "f.json: not a release record: id \"000000000000\" is not the start of its sha256");
  }
}
