package dev.govern.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding releases by id, prefix, revision and Go line; the previous healthy deployment. */
class ReleaseRefTest {
  private static Release release(String sha, String revision, String go, int second) {
    return new Release(
        1,
        sha.substring(0, 12),
        "hello",
        sha,
        1000,
        "hello",
        go,
        "example.com/hello",
        "(devel)",
        "example.com/hello",
        revision,
        "",
        false,
        "bid-" + sha.substring(0, 4),
        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second).toString(),
        "t",
        "/b");
  }

  private static final String REV1 = "0f851fdb419a2c276ff61758a48eabbd96c09fac";
  private static final String REV2 = "ad9e1bc6e8b9699b8303d26ba21b30a0b226427d";
  private static final Release OLD_GO = release("a1".repeat(32), REV1, "go1.19.8", 1);
  private static final Release V1 = release("b2".repeat(32), REV1, "go1.22.4", 2);
  private static final Release V2 = release("c3".repeat(32), REV2, "go1.22.5", 3);
  private static final List<Release> ALL = List.of(OLD_GO, V1, V2);

  @Test
  void idsPrefixesAndRevisionsFindOneRelease() {
    assertThat(ReleaseRef.find(ALL, V2.id())).isEqualTo(V2);
    assertThat(ReleaseRef.find(ALL, "c3c3")).isEqualTo(V2);
    assertThat(ReleaseRef.find(ALL, "AD9E1B")).isEqualTo(V2);
    assertThat(ReleaseRef.find(ALL, V2.sha256())).isEqualTo(V2);
  }

  @Test
  void aRefMatchingSeveralReleasesListsThem() {
    assertThatThrownBy(() -> ReleaseRef.find(ALL, "0f851f"))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
        .hasMessage(
            "\"0f851f\" matches 2 releases: hello a1a1a1a1a1a1 (rev 0f851fdb419a, go1.19.8); "
                + "hello b2b2b2b2b2b2 (rev 0f851fdb419a, go1.22.4)");
  }

  @Test
  void shortNonHexAndUnknownRefsAreClearErrors() {
    assertThatThrownBy(() -> ReleaseRef.find(ALL, "c3c"))
        .hasMessageStartingWith("not a release reference: \"c3c\"");
    assertThatThrownBy(() -> ReleaseRef.find(ALL, "main"))
        .hasMessageStartingWith("not a release reference");
    assertThatThrownBy(() -> ReleaseRef.find(ALL, "ffff"))
        .isInstanceOfSatisfying(
            GovernException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND))
        .hasMessage("no release matches \"ffff\"");
  }

  @Test
  void goLinesPickTheNewestBuildOnThatLine() {
    assertThat(ReleaseRef.newestOnGo(ALL, "1.22")).isEqualTo(V2);
    assertThat(ReleaseRef.newestOnGo(ALL, "go1.19")).isEqualTo(OLD_GO);
    assertThat(ReleaseRef.newestOnGo(ALL, "1.22.4")).isEqualTo(V1);
    assertThatThrownBy(() -> ReleaseRef.newestOnGo(ALL, "1.21"))
        .hasMessage("no release built with Go 1.21 is recorded");
    assertThatThrownBy(() -> ReleaseRef.newestOnGo(ALL, "one"))
        .hasMessageStartingWith("not a Go version");
  }

  @Test
  void thePreviousHealthyDeploymentSkipsTheLiveOneAndUnhealthyOnes() {
    TargetState s =
        TargetState.fresh(ServiceName.parse("hello"))
            .finished(
                List.of(
                    new TargetState.Deployment("aaaaaaaaaaaa", "deploy", "t1", "healthy", "o"),
                    new TargetState.Deployment("bbbbbbbbbbbb", "deploy", "t2", "unchecked", "o"),
                    new TargetState.Deployment("cccccccccccc", "deploy", "t3", "unhealthy", "o"),
                    new TargetState.Deployment("bbbbbbbbbbbb", "revert", "t4", "healthy", "o")));
    assertThat(s.previousHealthy("bbbbbbbbbbbb")).contains("aaaaaaaaaaaa");
    assertThat(s.previousHealthy("aaaaaaaaaaaa")).contains("bbbbbbbbbbbb");
    assertThat(TargetState.fresh(ServiceName.parse("x")).previousHealthy(null)).isEmpty();
  }

  @Test
  void serviceNamesAreFileNames() {
    assertThat(ServiceName.parse("api-gateway_2.v1").value()).isEqualTo("api-gateway_2.v1");
    for (String bad : new String[] {"", ".", "..", "../x", "a/b", "-x", "a b", "x".repeat(65)}) {
      assertThatThrownBy(() -> ServiceName.parse(bad))
          .as(bad)
          .hasMessageStartingWith("not a service name");
    }
  }
}
