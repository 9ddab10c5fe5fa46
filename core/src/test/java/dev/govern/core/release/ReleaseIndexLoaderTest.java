package dev.govern.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.govern.core.config.Settings;
import dev.govern.core.net.DocumentCache;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.testing.IndexJson;
import dev.govern.core.testing.MirrorServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseIndexLoaderTest {
  @TempDir Path tmp;
  private MirrorServer server;
  private Instant now = Instant.parse("2026-01-01T00:00:00Z");

  @BeforeEach
  void start() throws Exception {
    server = new MirrorServer();
    server.put("index.json", new IndexJson().release("go1.22.4", true, new byte[] {1}).bytes());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ReleaseIndexLoader loader() {
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    return new ReleaseIndexLoader(new DocumentCache(tmp.resolve("cache")), new UrlFetcher(), clock);
  }

  private ReleaseSources sources(boolean offline) {
    return ReleaseSources.from(
        new Settings(Map.of("GOVERN_HOME", tmp.toString()), tmp), server.base(), offline);
  }

  @Test
  void aFreshCachedIndexIsUsedWithoutTouchingTheNetwork() {
    ReleaseIndexLoader.Loaded first = loader().load(sources(false));
    assertThat(first.fromCache()).isFalse();
    now = now.plus(Duration.ofMinutes(10));
    ReleaseIndexLoader.Loaded second = loader().load(sources(false));
    assertThat(second.fromCache()).isTrue();
    assertThat(second.fetched()).isEqualTo(first.fetched());
    assertThat(server.countRequests("index.json")).isEqualTo(1);
  }

  @Test
  void anOldCachedIndexIsFetchedAgain() {
    loader().load(sources(false));
    now = now.plus(Duration.ofHours(2));
    ReleaseIndexLoader.Loaded again = loader().load(sources(false));
    assertThat(again.fromCache()).isFalse();
    assertThat(server.countRequests("index.json")).isEqualTo(2);
  }

  @Test
  void offlineNeverTouchesTheNetworkAndWarnsWhenStale() {
    loader().load(sources(false));
    now = now.plus(Duration.ofDays(3));
    ReleaseIndexLoader.Loaded l = loader().load(sources(true));
    assertThat(server.countRequests("index.json")).isEqualTo(1);
    assertThat(l.index().releases()).hasSize(1);
    assertThat(l.warnings()).containsExactly("offline: the release index is 3d old");
  }

  @Test
  void offlineWithoutACacheIsAPreconditionError() {
    assertThatThrownBy(() -> loader().load(sources(true)))
        .hasMessageContaining("no cached release index")
        .hasMessageContaining("--offline");
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void anUnreachableSourceFallsBackToTheStaleCacheWithAWarning() {
    loader().load(sources(false));
    ReleaseSources s = sources(false);
    server.close();
    now = now.plus(Duration.ofHours(5));
    ReleaseIndexLoader.Loaded l = loader().load(s);
    assertThat(l.fromCache()).isTrue();
    assertThat(l.warnings())
        .singleElement()
        .asString()
        .contains("cannot fetch")
        .contains("using the release index cached 5h ago");
  }

  @Test
  void mirrorSetsIndexAndArchiveLocationsAndFileUrlsWork() {
    ReleaseSources s = sources(false);
    assertThat(s.index().toString()).isEqualTo(server.base() + "index.json");
    assertThat(s.archive("go1.22.4.linux-amd64.tar.gz").toString())
        .isEqualTo(server.base() + "go1.22.4.linux-amd64.tar.gz");
    Settings env =
        new Settings(
            Map.of(
                "GOVERN_HOME", tmp.toString(),
                "GOVERN_INDEX_URL", "file:///srv/idx.json",
                "GOVERN_DOWNLOAD_BASE", "file:///srv/dl"),
            tmp);
    ReleaseSources fromEnv = ReleaseSources.from(env, null, false);
    assertThat(fromEnv.index().toString()).isEqualTo("file:///srv/idx.json");
    assertThat(Path.of(fromEnv.archive("a.tar.gz"))).isEqualTo(Path.of("/srv/dl/a.tar.gz"));
    assertThat(Path.of(ReleaseSources.from(env, "file:///m", false).index()))
        .isEqualTo(Path.of("/m/index.json"));
    Settings none = new Settings(Map.of("GOVERN_HOME", tmp.toString()), tmp);
    assertThat(ReleaseSources.from(none, null, false).index().toString())
        .isEqualTo("https://go.dev/dl/?mode=json&include=all");
  }
}
