package dev.govern.core.vuln;

import java.util.List;

/**
 * A package an entry names as vulnerable, with its symbols and platform restrictions (the Go
 * database's {@code ecosystem_specific.imports}).
 *
 * @param path the import path, e.g. {@code net/http}
 * @param symbols the vulnerable functions and methods ({@code Client.Do}); empty means the whole
 *     package
 * @param goos the operating systems affected; empty means all
 * @param goarch the architectures affected; empty means all
 */
public record AffectedPackage(
    String path, List<String> symbols, List<String> goos, List<String> goarch) {
  public AffectedPackage {
    symbols = List.copyOf(symbols);
    goos = List.copyOf(goos);
    goarch = List.copyOf(goarch);
  }

  /** Whether the package is vulnerable on {@code os}/{@code arch}; a null argument means "any". */
  public boolean appliesTo(String os, String arch) {
    return (os == null || goos.isEmpty() || goos.contains(os))
        && (arch == null || goarch.isEmpty() || goarch.contains(arch));
  }
}
