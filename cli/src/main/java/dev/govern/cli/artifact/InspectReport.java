package dev.govern.cli.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.govern.cli.support.JsonDocument;
import dev.govern.core.artifact.binary.BuildInfo;
import dev.govern.core.artifact.binary.BuildSetting;
import dev.govern.core.artifact.binary.ModuleInfo;
import dev.govern.core.artifact.binary.VcsInfo;
import java.util.List;
import java.util.Map;

/**
 * The {@code govern inspect --json} document.
 *
 * @param binaries one entry per Go binary read, in the order of the text output
 * @param skipped files a directory scan passed over (not Go, not executable), with the reason
 * @param errors files that could not be read (given explicitly, or broken Go binaries in a scan)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record InspectReport(
    int schemaVersion, List<Binary> binaries, List<Problem> skipped, List<Problem> errors)
    implements JsonDocument {

  static final int SCHEMA_VERSION = 1;

  /** A file that was skipped or failed. */
  record Problem(String file, String reason) {}

  /** One Go binary. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Binary(
      String file,
      String format,
      String architecture,
      List<String> universalArchitectures,
      String goVersion,
      String path,
      Module main,
      List<Module> deps,
      List<Setting> settings,
      Vcs vcs,
      String buildId,
      FunctionTable functionTable,
      Map<String, String> linked) {}

  /** A module; {@code replace} is what replaced it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Module(String path, String version, String sum, Module replace) {
    static Module of(ModuleInfo m) {
      if (m == null) {
        return null;
      }
      return new Module(
          m.path(),
          m.version(),
          m.sum().isEmpty() ? null : m.sum(),
          m.replacedBy().map(Module::of).orElse(null));
    }
  }

  record Setting(String key, String value) {
    static Setting of(BuildSetting s) {
      return new Setting(s.key(), s.value());
    }
  }

  /** The vcs.* settings; {@code modified} is absent when not recorded. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Vcs(String system, String revision, String time, Boolean modified) {
    static Vcs of(VcsInfo v) {
      return new Vcs(
          v.system().isEmpty() ? null : v.system(),
          v.revision().isEmpty() ? null : v.revision(),
          v.time().isEmpty() ? null : v.time(),
          v.modified().orElse(null));
    }
  }

  /**
   * The pclntab facts: layout, and with {@code --symbols} the function names (table order) and the
   * names that exist only as inlined callees.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record FunctionTable(
      String layout, int functionCount, List<String> functions, List<String> inlinedOnly) {}

  static Binary binary(
      String file,
      String format,
      String arch,
      List<String> universal,
      BuildInfo bi,
      String buildId,
      FunctionTable table,
      Map<String, String> linked) {
    return new Binary(
        file,
        format,
        arch,
        universal.isEmpty() ? null : universal,
        bi.goVersion(),
        bi.path().isEmpty() ? null : bi.path(),
        Module.of(bi.main() == null || bi.main().path().isEmpty() ? null : bi.main()),
        bi.deps().stream().map(Module::of).toList(),
        bi.settings().stream().map(Setting::of).toList(),
        bi.vcs().map(Vcs::of).orElse(null),
        buildId,
        table,
        linked);
  }
}
