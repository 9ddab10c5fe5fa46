package dev.govern.core.vuln;

import java.nio.file.Path;

/** The shared read-only OSV snapshot, loaded once per test JVM. */
public final class SharedVulnDb {
  private static VulnDatabase db;

  private SharedVulnDb() {}

  public static Path shared() {
    return Path.of(System.getProperty("govern.shared", "../../shared"));
  }

  /** The OSV directory (tests outside this package pass it as --vulndb). */
  public static Path osvDir() {
    return shared().resolve("data/vulndb/osv");
  }

  public static synchronized VulnDatabase get() {
    if (db == null) {
      db = LocalVulnDbReader.readDirectory(osvDir());
    }
    return db;
  }
}
