package dev.govern.cli.upgrade;

import dev.govern.core.upgrade.GodebugDirective;
import dev.govern.core.upgrade.Impact;
import dev.govern.core.upgrade.ModuleBoundary;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;

/** {@code govern impact --format markdown}: the impact as a document to attach to a change. */
final class ImpactMarkdown {
  private ImpactMarkdown() {}

  static void print(PrintWriter o, Impact i, LocalDate asOf, boolean vulnData) {
    o.printf("# Upgrade impact: %s to %s%n%n", name(i), i.to().toolchain());
    o.printf(
        "As of %s. Now %s (%s), go line `%s`; target %s, go line `%s`.%n%n",
        asOf,
        i.from().toolchain(),
        cell(i.from().source()),
        i.fromGoLine(),
        i.to().toolchain(),
        i.to().goLineText());
    steps(o, i, vulnData);
    o.printf("## GODEBUG lines in the code%n%n");
    if (i.directives().isEmpty()) {
      o.printf("None.%n%n");
    } else {
      o.printf("| where | kind | setting |%n|---|---|---|%n");
      for (GodebugDirective d : i.directives()) {
        o.printf(
            "| `%s` | %s | `%s` |%n",
            d.line() > 0 ? d.location() : d.file(),
            d.origin().label(),
            d.key().isEmpty() ? d.value() : d.text());
      }
      o.println();
    }
    o.printf(
        "## Default GODEBUG%n%n| program | now | after step 1 | after step 2 |%n|---|---|---|---|%n");
    for (Impact.Program p : i.programs()) {
      o.printf(
          "| %s | `%s` | `%s` | `%s` |%n",
          cell(p.name()),
          ImpactText.show(p.before()),
          ImpactText.show(p.afterToolchain()),
          ImpactText.show(p.after()));
    }
    o.println();
    i.boundary().ifPresent(b -> boundary(o, b));
    o.printf(
        "## Support%n%n- %s%n- %s%n",
        ImpactText.support(i.fromSupport()), ImpactText.support(i.toSupport()));
    if (!i.notes().isEmpty()) {
      o.printf("%n## Notes%n%n");
      i.notes().forEach(n -> o.printf("- %s%n", cell(n)));
    }
    o.flush();
  }

  static String name(Impact i) {
    return i.subject().modulePath().isEmpty() ? i.subject().name() : i.subject().modulePath();
  }

  /** Both steps: the changes, blocking lines and security, as sections. */
  static void steps(PrintWriter o, Impact i, boolean vulnData) {
    o.printf(
        "## Step 1: toolchain bump (%s -> %s, go line stays `%s`)%n%n",
        i.from().toolchain(), i.to().toolchain(), i.fromGoLine());
    changes(o, i.toolchainStep());
    if (!i.blocking().isEmpty()) {
      o.printf("**Blocking** (the build stops):%n%n");
      for (Impact.Blocking b : i.blocking()) {
        o.printf(
            "- `%s`: %s%s%n",
            b.directive().location(), cell(b.reason()), b.alreadyNow() ? " (already now)" : "");
      }
      o.println();
    }
    if (vulnData) {
      long steps = i.releases().stream().filter(r -> !r.fixes().isEmpty()).count();
      o.printf(
          "Security fixes gained: **%d** known vulnerabilities (standard library and toolchain) in %d of %d releases on the way; %d still affect %s.%n%n",
          i.fixed().size(),
          steps,
          i.releases().size(),
          i.remaining().stream().map(a -> a.id()).distinct().count(),
          i.to().toolchain());
    } else {
      o.printf("Security fixes: unknown (no vulnerability data).%n%n");
    }
    o.printf("## Step 2: go line bump (`%s` -> `%s`)%n%n", i.fromGoLine(), i.to().goLineText());
    changes(o, i.goLineStep());
  }

  private static void changes(PrintWriter o, List<Impact.Change> changes) {
    if (changes.isEmpty()) {
      o.printf("No GODEBUG behaviour changes.%n%n");
      return;
    }
    o.printf(
        "| setting | package | old -> new | exposure | what changes | keep the old behaviour | removal | watch |%n");
    o.printf("|---|---|---|---|---|---|---|---|%n");
    for (Impact.Change c : changes) {
      o.printf(
          "| `%s` | %s | `%s` -> `%s` | **%s**: %s | %s | %s | %s | %s |%n",
          c.setting().name(),
          c.setting().pkg(),
          c.before().value(),
          c.after().value(),
          c.exposure().word(),
          cell(c.exposureWhy()),
          cell(c.setting().summary()),
          c.keep().map(k -> "`" + k + "`").orElse("not possible"),
          c.removal().orElse(""),
          c.setting().metricToWatch().map(m -> "`" + m + "`").orElse(""));
    }
    o.println();
  }

  private static void boundary(PrintWriter o, ModuleBoundary.Boundary b) {
    o.printf("## Module upgrade boundary%n%n");
    o.printf(
        "%s%n%n",
        b.lowestGoLine()
            .map(
                v ->
                    "The dependency graph needs go line >= `"
                        + v.bare()
                        + "`, forced by "
                        + String.join(
                            ", ", b.forcedBy().stream().map(d -> "`" + d.id() + "`").toList())
                        + ".")
            .orElse("No dependency states a go line."));
    for (ModuleBoundary.Dependency d : b.flagged()) {
      o.printf(
          "- flagged `%s`%s%s%n",
          d.id(),
          d.incompatible() ? " (+incompatible)" : "",
          d.replacedBy().map(r -> " replaced by `" + r + "`").orElse(""));
    }
    if (!b.missing().isEmpty()) {
      o.printf("- not in the module cache: %s%n", b.missing().size());
    }
    o.println();
  }

  /** Text safe inside a table cell. */
  static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
