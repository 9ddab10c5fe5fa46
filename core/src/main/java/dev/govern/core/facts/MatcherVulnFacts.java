package dev.govern.core.facts;

import dev.govern.core.version.GoVersion;
import dev.govern.core.vuln.AffectedPackage;
import dev.govern.core.vuln.Finding;
import dev.govern.core.vuln.VulnMatcher;
import java.util.ArrayList;
import java.util.List;

/** Vulnerability facts from the loaded Go vulnerability database. */
public final class MatcherVulnFacts implements VulnFacts {
  private final VulnMatcher matcher;

  public MatcherVulnFacts(VulnMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public List<Advisory> stdlib(GoVersion v) {
    return convert(matcher.stdlib(v));
  }

  @Override
  public List<Advisory> toolchain(GoVersion v) {
    return convert(matcher.toolchain(v));
  }

  @Override
  public List<Advisory> module(String path, String version) {
    return convert(matcher.module(path, version));
  }

  private static List<Advisory> convert(List<Finding> findings) {
    List<Advisory> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      List<String> symbols = new ArrayList<>();
      for (AffectedPackage p : f.packages()) {
        for (String s : p.symbols()) {
          symbols.add(p.path() + "." + s);
        }
      }
      out.add(
          new Advisory(
              f.entry().id(),
              f.entry().aliases(),
              f.entry().summary(),
              f.module(),
              f.fixed(),
              List.copyOf(symbols)));
    }
    return out;
  }
}
