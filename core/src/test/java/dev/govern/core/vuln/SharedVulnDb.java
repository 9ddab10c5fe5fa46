package dev.govern.core.vuln;

import java.nio.file.Path;

/** The shared read-only OSV snapshot, loaded once per test JVM. */
final class SharedVulnDb {
  private static VulnDatabase db;

  private SharedVulnDb() {}

  static Path shared() {
    return Path.of(System.getProperty("govern.shared", "../../shared"));
  }

  static Path osvDir() {
    return shared().resolve("data/vulndb/osv");
  }

  static synchronized VulnDatabase get() {
    if (db == null) {
      db = LocalVulnDbReader.readDirectory(osvDir());
    }
    return db;
  }
}
