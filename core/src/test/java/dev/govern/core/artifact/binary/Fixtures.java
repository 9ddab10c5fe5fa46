package dev.govern.core.artifact.binary;

import dev.govern.core.testing.GoBuild.Mode;
import dev.govern.core.testing.GoToolchain;
import dev.govern.core.testing.GoToolchains;
import dev.govern.core.testing.TestBinaries;
import dev.govern.core.testing.TestBinary;
import java.util.ArrayList;
import java.util.List;

/**
 * Real Go binaries for the reader tests, built at test time ({@link TestBinaries}): a
 * representative set of every container, byte order, word size and build mode, by Go 1.19 and by
 * the newest Go (different pclntab and build-info layouts).
 */
final class Fixtures {
  private static List<TestBinary> representative;

  private Fixtures() {}

  static synchronized List<TestBinary> representative() {
    if (representative == null) {
      List<GoToolchain> tcs = List.of(GoToolchains.debian119(), GoToolchains.newest());
      List<dev.govern.core.testing.GoBuild> builds = new ArrayList<>();
      for (GoToolchain tc : tcs) {
        for (String[] b :
            new String[][] {
              {"timeonly", "linux/amd64", "DEFAULT"},
              {"timeonly", "linux/amd64", "PIE"},
              {"timeonly", "linux/amd64", "EXTLINK"},
              {"timeonly", "linux/386", "DEFAULT"},
              {"timeonly", "linux/ppc64", "DEFAULT"},
              {"timeonly", "linux/mips", "STRIPPED"},
              {"timeonly", "windows/amd64", "DEFAULT"},
              {"timeonly", "windows/386", "STRIPPED"},
              {"timeonly", "darwin/arm64", "DEFAULT"},
              {"timeonly", "aix/ppc64", "STRIPPED"},
              {"timeonly", "plan9/386", "DEFAULT"},
              {"moddep", "linux/amd64", "DEFAULT"},
              {"vcsdemo", "linux/amd64", "VCS"}
            }) {
          String[] p = b[1].split("/");
          builds.add(new dev.govern.core.testing.GoBuild(b[0], tc, p[0], p[1], Mode.valueOf(b[2])));
        }
      }
      representative = TestBinaries.buildAll(builds);
    }
    return representative;
  }

  /** {@code timeonly} for darwin/arm64 by Go 1.19. */
  static TestBinary darwinArm64() {
    return TestBinaries.go119("timeonly", "darwin/arm64", Mode.DEFAULT);
  }
}
