package dev.govern.core.vuln;

import dev.govern.core.testing.TestData;
import java.nio.file.Path;

/**
 * The repository's copy of the Go vulnerability database ({@code testdata/vulndb/osv.tar.gz}),
 * loaded once per test JVM; a short name for {@link TestData#vulnDb()} and {@link
 * TestData#osvDir()} in this package's tests.
 */
public final class SharedVulnDb {
  private SharedVulnDb() {}

  /** A directory of the OSV files ({@code GO-*.json}). */
  public static Path osvDir() {
    return TestData.osvDir();
  }

  public static VulnDatabase get() {
    return TestData.vulnDb();
  }
}
