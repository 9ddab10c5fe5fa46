package dev.govern.cli.fleet;

import dev.govern.core.fleet.Inventory;
import dev.govern.core.fleet.RiskClass;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** A Markdown report: summary, then one table row per service. */
final class FleetMarkdown {
  private FleetMarkdown() {}

  static void print(PrintWriter out, Inventory inv) {
    var counts = inv.classCounts();
    out.println("# Go fleet inventory");
    out.println();
    out.printf(
        "Scanned %s at %s: **%d services** — %d red, %d yellow, %d green.%n%n",
        String.join(", ", inv.roots()),
        inv.scannedAt(),
        inv.services().size(),
        counts.get(RiskClass.RED),
        counts.get(RiskClass.YELLOW),
        counts.get(RiskClass.GREEN));
    out.println(line(FleetRows.HEADER));
    out.println(line(FleetRows.HEADER.stream().map(h -> "---").toList()));
    inv.services().forEach(s -> out.println(line(FleetRows.row(s))));
    if (!inv.problems().isEmpty()) {
      out.println();
      out.println("## Problems");
      out.println();
      inv.problems().forEach(p -> out.println("- " + escape(p)));
    }
    out.flush();
  }

  private static String line(List<String> cells) {
    return "| "
        + cells.stream().map(FleetMarkdown::escape).collect(Collectors.joining(" | "))
        + " |";
  }

  private static String escape(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
