package dev.govern.core.upgrade;

import dev.govern.core.vuln.GoSymbolNames;
import dev.govern.core.vuln.Linked;
import dev.govern.core.vuln.LinkedFunctions;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Judges a setting's {@link Exposure} for a module (its imports) or a binary (what it links). */
public interface ExposureJudge {
  /** The exposure and a few words saying why. */
  record Judged(Exposure exposure, String why) {}

  Judged judge(GodebugSetting s);

  /**
   * Whether the code uses what a vulnerability affects: its symbols ({@code net/http.Client.Do})
   * linked, or their packages imported; unknown when the advisory names no symbol.
   */
  Exposure uses(dev.govern.core.facts.Advisory a);

  /** The packages of an advisory's symbols. */
  static Set<String> advisoryPackages(dev.govern.core.facts.Advisory a) {
    Set<String> out = new LinkedHashSet<>();
    for (String sym : a.symbols()) {
      apiPackage(sym).ifPresent(out::add);
    }
    return out;
  }

  /** Every package a setting changes: its packages and those of its APIs. */
  static Set<String> packagesOf(GodebugSetting s) {
    Set<String> out = new LinkedHashSet<>(s.packages());
    for (String api : s.apis()) {
      apiPackage(api).ifPresent(out::add);
    }
    out.removeIf(p -> p.endsWith("/..."));
    return out;
  }

  /** {@code crypto/tls.Conn.Handshake} → {@code crypto/tls}; commands ({@code go test}) → none. */
  static Optional<String> apiPackage(String api) {
    if (api.contains(" ")) {
      return Optional.empty();
    }
    int slash = api.lastIndexOf('/');
    int dot = api.indexOf('.', slash + 1);
    return dot < 0 ? Optional.empty() : Optional.of(api.substring(0, dot));
  }

  /** Whether the setting changes the go command (build and test) rather than the program. */
  static boolean toolOnly(Set<String> packages) {
    return packages.contains("cmd/go");
  }

  /**
   * For a module: imported when the code imports a package the setting changes, directly or through
   * the standard library ({@code crypto/tls} through {@code net/http}); every program links {@code
   * runtime}.
   */
  static ExposureJudge imports(Collection<String> directImports, StdImports std) {
    Set<String> direct = new LinkedHashSet<>(directImports);
    Set<String> roots = new LinkedHashSet<>(direct);
    roots.add("runtime");
    Map<String, String> reach = std.reach(roots);
    return new ExposureJudge() {
      @Override
      public Exposure uses(dev.govern.core.facts.Advisory a) {
        Set<String> pkgs = advisoryPackages(a);
        if (pkgs.isEmpty()) {
          return Exposure.UNKNOWN;
        }
        return pkgs.stream().anyMatch(reach::containsKey) ? Exposure.IMPORTED : Exposure.NOT_USED;
      }

      @Override
      public Judged judge(GodebugSetting s) {
        Set<String> pkgs = packagesOf(s);
        for (String p : pkgs) {
          if (direct.contains(p)) {
            return new Judged(Exposure.IMPORTED, p + " is imported");
          }
        }
        for (String p : pkgs) {
          String via = reach.get(p);
          if (via != null) {
            return new Judged(
                Exposure.IMPORTED,
                via.equals("runtime") && p.equals("runtime")
                    ? "runtime is in every program"
                    : p + " is imported through " + via);
          }
        }
        if (toolOnly(pkgs)) {
          return new Judged(
              Exposure.UNKNOWN, "changes the go command (build, test), not the program");
        }
        return new Judged(Exposure.NOT_USED, "imports none of " + String.join(", ", pkgs));
      }
    };
  }

  /**
   * For a binary: linked when an affected API is in its function table; imported when only other
   * functions of an affected package are; unknown without a function table.
   */
  static ExposureJudge linked(LinkedFunctions fns) {
    return new ExposureJudge() {
      @Override
      public Exposure uses(dev.govern.core.facts.Advisory a) {
        boolean unknown = a.symbols().isEmpty();
        for (String sym : a.symbols()) {
          Optional<String> pkg = apiPackage(sym);
          if (pkg.isEmpty()) {
            continue;
          }
          for (String c :
              GoSymbolNames.candidates(pkg.get(), sym.substring(pkg.get().length() + 1))) {
            Linked l = fns.function(c);
            if (l == Linked.YES) {
              return Exposure.LINKED;
            }
            unknown |= l == Linked.UNKNOWN;
          }
        }
        return unknown ? Exposure.UNKNOWN : Exposure.NOT_USED;
      }

      @Override
      public Judged judge(GodebugSetting s) {
        Set<String> pkgs = packagesOf(s);
        for (String api : s.apis()) {
          Optional<String> pkg = apiPackage(api);
          if (pkg.isEmpty()) {
            continue;
          }
          String symbol = api.substring(pkg.get().length() + 1);
          for (String candidate : GoSymbolNames.candidates(pkg.get(), symbol)) {
            if (fns.function(candidate) == Linked.YES) {
              return new Judged(Exposure.LINKED, candidate + " is linked");
            }
          }
        }
        boolean unknown = false;
        for (String p : pkgs) {
          Linked l = fns.anyInPackage(p);
          if (l == Linked.YES) {
            return new Judged(
                Exposure.IMPORTED,
                p + " is linked" + (s.apis().isEmpty() ? "" : ", none of the affected APIs"));
          }
          unknown |= l == Linked.UNKNOWN;
        }
        if (unknown) {
          return new Judged(Exposure.UNKNOWN, "the binary has no function table");
        }
        if (toolOnly(pkgs)) {
          return new Judged(
              Exposure.UNKNOWN, "changes the go command (build, test), not the program");
        }
        return new Judged(Exposure.NOT_USED, "links none of " + String.join(", ", pkgs));
      }
    };
  }
}
