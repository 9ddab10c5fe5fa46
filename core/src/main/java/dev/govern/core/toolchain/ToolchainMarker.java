package dev.govern.core.toolchain;

import dev.govern.core.version.GoVersion;
import java.util.List;

/**
 * Says how an installed toolchain is used, for {@code govern list}: {@code default}, {@code active}
 * (applies in the current directory), {@code pinned} (named by a nearby version file).
 */
@FunctionalInterface
public interface ToolchainMarker {
  ToolchainMarker NONE = v -> List.of();

  /** The marks of {@code v}, in display order; empty when it is merely installed. */
  List<String> marks(GoVersion v);

  /** This marker's marks followed by {@code other}'s, without duplicates. */
  default ToolchainMarker and(ToolchainMarker other) {
    return v ->
        java.util.stream.Stream.concat(marks(v).stream(), other.marks(v).stream())
            .distinct()
            .toList();
  }
}
