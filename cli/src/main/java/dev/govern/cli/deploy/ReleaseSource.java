package dev.govern.cli.deploy;

import dev.govern.core.deploy.Release;
import dev.govern.core.deploy.ReleaseStore;
import dev.govern.core.deploy.ServiceName;
import java.util.List;

/** Where recorded releases are read from: a release store, or the team server. */
interface ReleaseSource {
  /** A service's releases, oldest recorded first. */
  List<Release> releases(ServiceName service);

  /** Every service's releases. */
  List<Release> all();

  static ReleaseSource of(ReleaseStore store) {
    return new ReleaseSource() {
      @Override
      public List<Release> releases(ServiceName service) {
        return store.releases(service);
      }

      @Override
      public List<Release> all() {
        return store.all();
      }
    };
  }
}
