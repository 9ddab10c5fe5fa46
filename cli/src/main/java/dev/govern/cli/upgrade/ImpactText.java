package dev.govern.cli.upgrade;

import dev.govern.core.upgrade.GodebugDirective;
import dev.govern.core.upgrade.Impact;
import dev.govern.core.upgrade.ModuleBoundary;
import dev.govern.core.version.GoVersion;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;

/** {@code govern impact} as text for a terminal. */
final class ImpactText {
  private ImpactText() {}

  static void print(PrintWriter o, Impact i, boolean vulnData) {
    o.printf(
        "%s%s%n",
        i.subject().name(),
        i.subject().modulePath().isEmpty() ? "" : " (" + i.subject().modulePath() + ")");
    o.printf(
        "now:    %s (%s), go line %s%n", i.from().toolchain(), i.from().source(), i.fromGoLine());
    o.printf("target: %s, go line %s%n", i.to().toolchain(), i.to().goLineText());

    o.printf(
        "%nStep 1, toolchain bump: build with %s, go line stays %s%n",
        i.to().toolchain(), i.fromGoLine());
    changes(o, i.toolchainStep());
    if (!i.blocking().isEmpty()) {
      o.println("  Blocking (the build stops):");
      for (Impact.Blocking b : i.blocking()) {
        o.printf(
            "    %s  %s%s%n",
            b.directive().location(), b.reason(), b.alreadyNow() ? " (already now)" : "");
      }
    }
    security(o, i, vulnData);

    o.printf("%nStep 2, go line bump: go %s -> go %s%n", i.fromGoLine(), i.to().goLineText());
    changes(o, i.goLineStep());

    o.printf("%nGODEBUG lines in the code:%s%n", i.directives().isEmpty() ? " none" : "");
    for (GodebugDirective d : i.directives()) {
      o.printf(
          "  %s  %s %s%n",
          d.line() > 0 ? d.location() : d.file().toString(),
          d.origin().label(),
          d.key().isEmpty() ? d.value() : d.text());
    }
    o.printf("%nDefault GODEBUG (what the go command compiles in):%n");
    for (Impact.Program p : i.programs()) {
      o.printf(
          "  %s%n    now:                %s%n    after step 1:       %s%n    after step 2:       %s%n",
          p.name(), show(p.before()), show(p.afterToolchain()), show(p.after()));
    }
    o.printf(
        "%n%s: %d packages%s%n",
        i.subject().kind() == Impact.Subject.Kind.BINARY ? "Linked" : "Imports",
        i.imports().size(),
        i.imports().isEmpty() ? "" : " (" + head(i.imports(), 12) + ")");
    i.boundary().ifPresent(b -> boundary(o, b));
    o.printf("%nSupport: %s; %s%n", support(i.fromSupport()), support(i.toSupport()));
    for (String n : i.notes()) {
      o.printf("note: %s%n", n);
    }
    o.flush();
  }

  private static void changes(PrintWriter o, List<Impact.Change> changes) {
    if (changes.isEmpty()) {
      o.println("  no GODEBUG behaviour changes");
      return;
    }
    o.printf("  %-28s %-16s %-16s %s%n", "SETTING", "PACKAGE", "OLD -> NEW", "EXPOSURE");
    for (Impact.Change c : changes) {
      o.printf(
          "  %-28s %-16s %-16s %s (%s)%n",
          c.setting().name(),
          c.setting().pkg(),
          c.before().value() + " -> " + c.after().value(),
          c.exposure().word(),
          c.exposureWhy());
      o.printf("      %s%n", c.setting().summary());
      StringBuilder more = new StringBuilder();
      more.append(c.keep().map(k -> "keep old: " + k).orElse("no way to keep the old behaviour"));
      c.removal().ifPresent(r -> more.append("; removal: ").append(r));
      c.setting().metricToWatch().ifPresent(m -> more.append("; watch ").append(m));
      if (!c.programs().isEmpty()) {
        more.append("; in ").append(String.join(", ", c.programs()));
      }
      o.printf("      %s%n", more);
    }
  }

  private static void security(PrintWriter o, Impact i, boolean vulnData) {
    if (!vulnData) {
      o.println("  Security fixes: unknown (no vulnerability data)");
      return;
    }
    long steps = i.releases().stream().filter(r -> !r.fixes().isEmpty()).count();
    o.printf(
        "  Security fixes gained: %d known vulnerabilities of %s (stdlib, toolchain), in %d of %d releases on the way%n",
        i.fixed().size(), i.from().toolchain(), steps, i.releases().size());
    for (Impact.ReleaseStep r : i.releases()) {
      if (!r.fixes().isEmpty()) {
        o.printf(
            "    %-10s %s  fixes %d: %s%n",
            r.version(),
            r.date().map(LocalDate::toString).orElse("          "),
            r.fixes().size(),
            head(r.fixes(), 6));
      }
    }
    o.printf(
        "  Still affecting %s: %d%n",
        i.to().toolchain(), i.remaining().stream().map(a -> a.id()).distinct().count());
  }

  static void boundary(PrintWriter o, ModuleBoundary.Boundary b) {
    o.printf(
        "%nModule upgrade boundary: %s%n",
        b.lowestGoLine()
            .map(
                v ->
                    "go line >= "
                        + v.bare()
                        + " (forced by "
                        + String.join(
                            ", ", b.forcedBy().stream().map(ModuleBoundary.Dependency::id).toList())
                        + ")")
            .orElse("none (no dependency states a go line)"));
    for (ModuleBoundary.Dependency d : b.flagged()) {
      o.printf(
          "  flagged: %s%s%s%n",
          d.id(),
          d.incompatible() ? " +incompatible" : "",
          d.replacedBy().map(r -> " replaced by " + r).orElse(""));
    }
    if (!b.missing().isEmpty()) {
      o.printf(
          "  not in the module cache (%s): %s%n",
          b.modCache(), head(b.missing().stream().map(ModuleBoundary.Dependency::id).toList(), 8));
    }
  }

  static String support(Impact.Support s) {
    String line = s.line().toString();
    if (!s.supported()) {
      return line + " end of life" + s.endOfSupport().map(d -> " since " + d).orElse("");
    }
    return line
        + " supported"
        + s.endOfSupport().map(d -> (s.estimated() ? " until about " : " until ") + d).orElse("");
  }

  static String show(String s) {
    return s.isEmpty() ? "(none)" : s;
  }

  static String head(List<String> items, int max) {
    String h = String.join(", ", items.subList(0, Math.min(max, items.size())));
    return items.size() > max ? h + ", … (" + (items.size() - max) + " more)" : h;
  }

  static String goLine(GoVersion v) {
    return v.bare();
  }
}
