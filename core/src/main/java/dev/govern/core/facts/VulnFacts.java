package dev.govern.core.facts;

import dev.govern.core.version.GoVersion;
import java.util.List;

/** Known vulnerabilities, as the gate and the fleet scan ask for them. */
public interface VulnFacts {
  /** False when no vulnerability data could be had (offline with nothing cached). */
  boolean available();

  /** Advisories of module {@code stdlib} affecting code compiled with {@code v}. */
  List<Advisory> stdlib(GoVersion v);

  /** Advisories of module {@code toolchain} (cmd/go, the linker…) affecting {@code v}. */
  List<Advisory> toolchain(GoVersion v);

  /** Advisories affecting module {@code path} at {@code version} (a module version, v1.2.3). */
  List<Advisory> module(String path, String version);

  /** No data: every answer is empty and {@link #available()} is false. */
  VulnFacts NONE =
      new VulnFacts() {
        @Override
        public boolean available() {
          return false;
        }

        @Override
        public List<Advisory> stdlib(GoVersion v) {
          return List.of();
        }

        @Override
        public List<Advisory> toolchain(GoVersion v) {
          return List.of();
        }

        @Override
        public List<Advisory> module(String path, String version) {
          return List.of();
        }
      };
}
