package dev.govern.core.facts;

import dev.govern.core.version.GoVersion;
import java.util.List;
import java.util.Optional;

/**
 * One known vulnerability affecting a version.
 *
 * @param id the Go vulnerability id (GO-2024-2687)
 * @param aliases CVE and GHSA ids
 * @param summary one line
 * @param module {@code stdlib}, {@code toolchain} or a module path
 * @param fixedIn the first fixed version in the affected version's line or later, if any
 * @param symbols affected symbols ({@code net/http.(*Client).Do}); empty when the whole package is
 */
public record Advisory(
    String id,
    List<String> aliases,
    String summary,
    String module,
    Optional<String> fixedIn,
    List<String> symbols) {

  /** For stdlib and toolchain: the fix as a Go version, if there is one. */
  public Optional<GoVersion> fixedGoVersion() {
    return fixedIn.map(GoVersion::parse);
  }
}
