package dev.govern.core.deploy;

/**
 * Told of each step of a deploy as it is reached (the crash tests pause or die there). The step
 * names are listed in {@code docs/releases.md}.
 */
@FunctionalInterface
public interface DeployProbe {
  DeployProbe NONE = step -> {};

  void step(String name);
}
