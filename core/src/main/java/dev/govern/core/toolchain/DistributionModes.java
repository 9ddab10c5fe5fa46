package dev.govern.core.toolchain;

import java.util.regex.Pattern;

/**
 * The file modes of a Go binary distribution, as the Go release tool ({@code cmd/distpack}) gives
 * them to the go.dev archives and (since Go 1.21) to the toolchain module zips: 0755 for {@code
 * bin/}, {@code pkg/tool/}, {@code *.bash}, {@code *.sh}, {@code *.pl}, {@code *.rc} and {@code
 * go_*_*_exec} helpers, 0644 for every other file.
 */
public final class DistributionModes {
  private static final Pattern EXEC_HELPER = Pattern.compile("go_[^/]+_[^/]+_exec");

  private DistributionModes() {}

  /** The mode of the file {@code rel} (a path under the distribution's {@code go/} folder). */
  public static int of(String rel) {
    String base = rel.substring(rel.lastIndexOf('/') + 1);
    if (rel.startsWith("bin/")
        || rel.startsWith("pkg/tool/")
        || rel.endsWith(".bash")
        || rel.endsWith(".sh")
        || rel.endsWith(".pl")
        || rel.endsWith(".rc")
        || EXEC_HELPER.matcher(base).matches()) {
      return 0755;
    }
    return 0644;
  }
}
