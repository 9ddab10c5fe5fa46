package dev.govern.core.facts;

import dev.govern.core.version.GoVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers answers: a fleet asks about the same few Go versions and module versions thousands of
 * times.
 */
public final class CachingVulnFacts implements VulnFacts {
  private final VulnFacts facts;
  private final Map<GoVersion, List<Advisory>> stdlib = new ConcurrentHashMap<>();
  private final Map<GoVersion, List<Advisory>> toolchain = new ConcurrentHashMap<>();
  private final Map<String, List<Advisory>> modules = new ConcurrentHashMap<>();

  public CachingVulnFacts(VulnFacts facts) {
    this.facts = facts;
  }

  @Override
  public boolean available() {
    return facts.available();
  }

  @Override
  public List<Advisory> stdlib(GoVersion v) {
    return stdlib.computeIfAbsent(v, facts::stdlib);
  }

  @Override
  public List<Advisory> toolchain(GoVersion v) {
    return toolchain.computeIfAbsent(v, facts::toolchain);
  }

  @Override
  public List<Advisory> module(String path, String version) {
    return modules.computeIfAbsent(path + "@" + version, k -> facts.module(path, version));
  }
}
