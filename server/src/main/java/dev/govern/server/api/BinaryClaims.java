package dev.govern.server.api;

import dev.govern.core.GovernException;
import dev.govern.core.deploy.BinaryFacts;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What the server itself read from an uploaded binary with core's readers: a release record must
 * say the same. {@code goBinary} false (with why) for a file without Go build info.
 */
record BinaryClaims(
    boolean goBinary,
    String unreadable,
    String goVersion,
    String module,
    String moduleVersion,
    String mainPackage,
    String revision,
    String revisionTime,
    Boolean modified,
    String buildId) {

  static BinaryClaims read(Path file, String name) {
    try {
      BinaryFacts f = BinaryFacts.read(file, name);
      return new BinaryClaims(
          true,
          null,
          f.goVersion(),
          f.module(),
          f.moduleVersion(),
          f.mainPackage(),
          f.revision(),
          f.revisionTime(),
          f.modified(),
          f.buildId());
    } catch (GovernException e) {
      return new BinaryClaims(false, e.getMessage(), "", "", "", "", "", "", null, "");
    }
  }

  /**
   * Checks that a record says what the binary says; a 400 naming the first field that differs.
   *
   * @param prefix the field prefix ({@code release.})
   */
  void check(String prefix, ReleaseApi.ReleaseBody r) {
    same(prefix + "goVersion", goVersion, r.goVersion());
    same(prefix + "module", module, r.module());
    same(prefix + "moduleVersion", moduleVersion, r.moduleVersion());
    same(prefix + "mainPackage", mainPackage, r.mainPackage());
    same(prefix + "revision", revision, r.revision());
    same(prefix + "revisionTime", revisionTime, r.revisionTime());
    same(prefix + "buildId", buildId, r.buildId());
    if (!Objects.equals(modified, r.modified())) {
      throw FieldException.bad(
          prefix + "modified", "the binary says " + modified + ", the record says " + r.modified());
    }
  }

  private static void same(String field, String binary, String record) {
    String claimed = record == null ? "" : record;
    if (!binary.equals(claimed)) {
      throw FieldException.bad(
          field,
          "the binary says \""
              + ScanValidator.clip(binary)
              + "\", the record says \""
              + ScanValidator.clip(claimed)
              + "\"");
    }
  }
}
