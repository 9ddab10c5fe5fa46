package dev.govern.core.vuln;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * What a binary's function table says about which functions were linked. The binary reader
 * implements this (or hands its function names to {@link #of}); {@link Finding#linked} uses it.
 * Names are Go's symbol names as {@code go tool nm} and the pclntab write them: {@code time.Now},
 * {@code net/http.(*Client).Do}, {@code gopkg.in/yaml%2ev2.Unmarshal}.
 */
public interface LinkedFunctions {
  /** Whether the function with exactly this symbol name is linked. */
  Linked function(String symbolName);

  /** Whether any function of the package with this import path is linked. */
  Linked anyInPackage(String importPath);

  /** For a binary without a function table: every answer is {@link Linked#UNKNOWN}. */
  static LinkedFunctions unknown() {
    return new LinkedFunctions() {
      @Override
      public Linked function(String symbolName) {
        return Linked.UNKNOWN;
      }

      @Override
      public Linked anyInPackage(String importPath) {
        return Linked.UNKNOWN;
      }
    };
  }

  /** A complete function table: a name in it is linked, any other is not. */
  static LinkedFunctions of(Collection<String> functionNames) {
    Set<String> names = new HashSet<>(functionNames);
    Set<String> packages = new HashSet<>();
    for (String n : names) {
      packages.add(GoSymbolNames.packageOf(n));
    }
    return new LinkedFunctions() {
      @Override
      public Linked function(String symbolName) {
        return names.contains(symbolName) ? Linked.YES : Linked.NO;
      }

      @Override
      public Linked anyInPackage(String importPath) {
        return packages.contains(GoSymbolNames.symbolPackage(importPath))
                || packages.contains(importPath)
            ? Linked.YES
            : Linked.NO;
      }
    };
  }
}
