package dev.govern.cli.deploy;

import dev.govern.core.GovernException;
import dev.govern.core.deploy.DeployTarget;
import dev.govern.core.deploy.Release;
import dev.govern.core.deploy.ReleaseRef;
import dev.govern.core.deploy.ReleaseStore;
import dev.govern.core.deploy.ServiceName;
import dev.govern.core.deploy.TargetState;
import java.util.List;

/**
 * Resolves what the release commands are given: {@code REF} (an id or prefix of an id, SHA-256 or
 * revision; {@code current}; {@code previous}) or {@code --go LINE}, among one service's releases
 * (or every service's, for ids and prefixes), relative to a target when one is named.
 */
final class ReleaseLookup {
  private final ReleaseSource store;

  ReleaseLookup(ReleaseStore store) {
    this(ReleaseSource.of(store));
  }

  ReleaseLookup(ReleaseSource source) {
    this.store = source;
  }

  /**
   * The release meant.
   *
   * @param service the service, or null (then only ids and prefixes work, across services)
   * @param target the target {@code current} and {@code previous} refer to, or null
   * @param ref the REF argument, or null
   * @param go the {@code --go} option, or null
   */
  Release find(ServiceName service, DeployTarget target, String ref, String go) {
    if ((ref == null) == (go == null)) {
      throw GovernException.usage("name a release: give REF or --go LINE (one of them)");
    }
    List<Release> candidates = service == null ? store.all() : store.releases(service);
    if (go != null) {
      if (service == null) {
        throw GovernException.usage("--go needs the service: --service NAME or --target DIR");
      }
      return ReleaseRef.newestOnGo(candidates, go);
    }
    if (!ReleaseRef.isRelative(ref)) {
      return ReleaseRef.find(candidates, ref);
    }
    if (service == null) {
      throw GovernException.usage(ref + " needs the service: --service NAME or --target DIR");
    }
    return target != null ? relativeTo(target, service, ref) : byAge(candidates, service, ref);
  }

  /**
   * {@code current}/{@code previous} of a target: its live release and the one a rollback picks.
   */
  private Release relativeTo(DeployTarget target, ServiceName service, String ref) {
    TargetState state = target.requireState();
    String current =
        target
            .currentId()
            .orElseThrow(
                () -> GovernException.notFound("no release is current in " + target.dir(), null));
    String id =
        ref.equals("current")
            ? current
            : state
                .previousHealthy(current)
                .orElseThrow(
                    () ->
                        GovernException.notFound(
                            "no earlier healthy release of " + service + " in " + target.dir(),
                            null));
    return store.releases(service).stream()
        .filter(r -> r.id().equals(id))
        .findFirst()
        .orElseGet(() -> target.laidOut(id));
  }

  /**
   * Without a target: {@code current} is the newest recorded release, {@code previous} the one
   * before.
   */
  private static Release byAge(List<Release> releases, ServiceName service, String ref) {
    int back = ref.equals("current") ? 1 : 2;
    if (releases.size() < back) {
      throw GovernException.notFound(
          (back == 1 ? "no release" : "no second release") + " of " + service + " is recorded",
          "record one: govern release record BIN --service " + service);
    }
    return releases.get(releases.size() - back);
  }

  /** The service a command names, or the one its target holds. */
  static ServiceName serviceOf(String name, DeployTarget target) {
    if (name != null) {
      return ServiceName.parse(name);
    }
    return target == null ? null : ServiceName.parse(target.requireState().service());
  }
}
