package dev.govern.cli.fleet;

import dev.govern.core.fleet.Inventory;
import dev.govern.core.fleet.RiskClass;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The aligned text table (evidence column left out: it is in the other formats). */
final class FleetTable {
  private FleetTable() {}

  static void print(PrintWriter out, Inventory inv) {
    int cols = FleetRows.HEADER.size() - 1;
    List<List<String>> rows = new ArrayList<>();
    rows.add(FleetRows.HEADER.subList(0, cols));
    inv.services().forEach(s -> rows.add(FleetRows.row(s).subList(0, cols)));
    int[] width = new int[cols];
    for (List<String> r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    for (List<String> r : rows) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        String cell = r.get(i);
        b.append(cell);
        if (i < cols - 1) {
          b.append(" ".repeat(width[i] - cell.length() + 2));
        }
      }
      out.println(b.toString().stripTrailing());
    }
    var counts = inv.classCounts();
    out.printf(
        "%n%d services: %d red, %d yellow, %d green%n",
        inv.services().size(),
        counts.get(RiskClass.RED),
        counts.get(RiskClass.YELLOW),
        counts.get(RiskClass.GREEN));
    out.flush();
  }
}
