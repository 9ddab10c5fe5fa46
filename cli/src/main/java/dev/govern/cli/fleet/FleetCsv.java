package dev.govern.cli.fleet;

import dev.govern.core.fleet.Inventory;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV, one row per service. */
final class FleetCsv {
  private FleetCsv() {}

  static void print(PrintWriter out, Inventory inv) {
    out.print(line(FleetRows.HEADER));
    inv.services().forEach(s -> out.print(line(FleetRows.row(s))));
    out.flush();
  }

  private static String line(List<String> cells) {
    return cells.stream().map(FleetCsv::quote).collect(Collectors.joining(",")) + "\r\n";
  }

  static String quote(String cell) {
    if (cell.matches("[^\",\r\n]*")) {
      return cell;
    }
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }
}
