package dev.govern.cli.deploy;

import dev.govern.core.deploy.Release;

/** A release in {@code --json} output. */
record ReleaseDoc(
    String id,
    String service,
    String sha256,
    long size,
    String goVersion,
    String module,
    String moduleVersion,
    String mainPackage,
    String revision,
    String revisionTime,
    Boolean modified,
    String buildId,
    String recordedAt,
    String recordedBy,
    String source) {

  static ReleaseDoc of(Release r) {
    if (r == null) {
      return null;
    }
    return new ReleaseDoc(
        r.id(),
        r.service(),
        r.sha256(),
        r.size(),
        r.goVersion(),
        r.module(),
        r.moduleVersion(),
        r.mainPackage(),
        r.revision(),
        r.revisionTime(),
        r.modified(),
        r.buildId(),
        r.recordedAt(),
        r.recordedBy(),
        r.source());
  }
}
