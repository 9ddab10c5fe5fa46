package dev.govern.cli.toolchain;

import dev.govern.cli.support.BaseCommand;
import dev.govern.cli.support.ExitCodes;
import dev.govern.cli.support.JsonDocument;
import dev.govern.cli.support.JsonFlag;
import dev.govern.cli.support.JsonOutput;
import dev.govern.core.GovernException;
import dev.govern.core.toolchain.Doctor;
import dev.govern.core.toolchain.Finding;
import dev.govern.core.toolchain.Shims;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code govern doctor}: finds what would make `go` run the wrong toolchain, with fixes. */
@Command(
    name = "doctor",
    description = "Diagnose the toolchain setup (PATH, GOROOT, GOTOOLCHAIN, shims, pins, caches).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:healthy", "3:problems found (each with a fix)"})
public final class DoctorCommand extends BaseCommand {
  private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([smhd])");

  @Option(names = "--fix", description = "Rewrite the shims, version links and the default link.")
  boolean fix;

  @Option(
      names = "--max-cache-age",
      paramLabel = "AGE",
      description =
          "Caches older than this are stale: 12h, 7d (default 7d; env GOVERN_CACHE_MAX_AGE).")
  String maxAge;

  @Mixin JsonFlag format;

  /** The {@code --json} document. */
  record Report(int schemaVersion, boolean healthy, List<Finding> findings)
      implements JsonDocument {}

  @Override
  protected int run() {
    if (fix) {
      Shims.refresh(settings().home());
    }
    Duration age = parseAge(settings().resolve(maxAge, "cache-max-age", "7d"));
    List<Finding> findings =
        new Doctor(settings().home(), settings().env(), cwd(), Instant.now(), age).check();
    if (format.json) {
      JsonOutput.print(out(), new Report(1, findings.isEmpty(), findings));
    } else if (findings.isEmpty()) {
      out().println("healthy: no problems found");
    } else {
      for (Finding f : findings) {
        out().println(f.severity() + ": " + f.message() + " [" + f.id() + "]");
        out().println("  fix: " + f.fix());
      }
    }
    out().flush();
    return findings.isEmpty() ? ExitCodes.OK : ExitCodes.NOT_FOUND;
  }

  static Duration parseAge(String s) {
    Matcher m = AGE.matcher(s.strip());
    if (!m.matches()) {
      throw GovernException.usage("not an age: \"" + s + "\" (e.g. 12h, 7d)");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
