package dev.govern.cli.deploy;

import dev.govern.core.deploy.BinaryFacts;
import dev.govern.core.deploy.ProcessTable;
import dev.govern.core.deploy.Release;
import dev.govern.core.deploy.ReleaseMatcher;
import java.util.List;

/** A running Go process (or a binary, for {@code release which BIN}) in {@code --json} output. */
record ProcessDoc(
    Long pid,
    String exe,
    boolean deleted,
    boolean replaced,
    String goVersion,
    String module,
    String moduleVersion,
    String revision,
    Boolean modified,
    String buildId,
    List<ReleaseRefDoc> releases) {

  /** A recorded release this binary is. */
  record ReleaseRefDoc(String id, String service) {}

  static ProcessDoc of(ProcessTable.Running p, ReleaseMatcher matcher) {
    List<Release> rs = matcher.match(p.facts(), p.size(), () -> ReleaseMatcher.sha256(p.exeFile()));
    return of(p.pid(), p.exe(), p.deleted(), p.replaced(), p.facts(), rs);
  }

  static ProcessDoc of(
      Long pid,
      String exe,
      boolean deleted,
      boolean replaced,
      BinaryFacts f,
      List<Release> releases) {
    return new ProcessDoc(
        pid,
        exe,
        deleted,
        replaced,
        f.goVersion(),
        f.module(),
        f.moduleVersion(),
        f.revision(),
        f.modified(),
        f.buildId(),
        releases.stream().map(r -> new ReleaseRefDoc(r.id(), r.service())).toList());
  }

  String releaseIds() {
    return releases.isEmpty()
        ? "-"
        : String.join(",", releases.stream().map(ReleaseRefDoc::id).distinct().toList());
  }

  String services() {
    return releases.isEmpty()
        ? "-"
        : String.join(",", releases.stream().map(ReleaseRefDoc::service).distinct().toList());
  }

  String shortRevision() {
    return revision.isEmpty() ? "-" : revision.substring(0, Math.min(12, revision.length()));
  }

  String exeShown() {
    return exe + (replaced ? " (replaced)" : deleted ? " (deleted)" : "");
  }
}
