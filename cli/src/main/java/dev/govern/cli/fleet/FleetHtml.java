package dev.govern.cli.fleet;

import dev.govern.core.fleet.Inventory;
import dev.govern.core.fleet.RiskClass;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML file: a stacked bar chart (inline SVG) of classes per Go line, and a
 * table sortable by clicking its headers (a few lines of inline script). No external resources.
 */
final class FleetHtml {
  private static final Map<RiskClass, String> COLOR =
      Map.of(RiskClass.RED, "#d73a49", RiskClass.YELLOW, "#e3b341", RiskClass.GREEN, "#2da44e");

  private FleetHtml() {}

  static String render(Inventory inv) {
    StringBuilder b = new StringBuilder(16_384);
    var counts = inv.classCounts();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<title>Go fleet inventory</title>\n<style>\n")
        .append("body{font:14px system-ui,sans-serif;margin:24px;color:#1f2328}")
        .append("h1{font-size:22px}table{border-collapse:collapse;width:100%;margin-top:16px}")
        .append(
            "th,td{border-bottom:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}")
        .append(
            "th{cursor:pointer;background:#f6f8fa;user-select:none}th:after{content:' \\2195';color:#8c959f}")
        .append(
            ".red{color:#fff;background:#d73a49}.yellow{background:#e3b341}.green{color:#fff;background:#2da44e}")
        .append(
            ".pill{border-radius:10px;padding:1px 8px;font-weight:600}.ev{color:#57606a;font-size:12px}")
        .append("\n</style></head><body>\n<h1>Go fleet inventory</h1>\n<p>")
        .append(esc(String.join(", ", inv.roots())))
        .append(" &middot; scanned ")
        .append(esc(inv.scannedAt().toString()))
        .append(" &middot; <b>")
        .append(inv.services().size())
        .append(" services</b>: ");
    for (RiskClass c : RiskClass.values()) {
      b.append("<span class=\"pill ")
          .append(c.word())
          .append("\">")
          .append(counts.get(c))
          .append(' ')
          .append(c.word())
          .append("</span> ");
    }
    b.append("</p>\n");
    chart(b, inv.classesPerLine());
    b.append("<table id=\"services\"><thead><tr>");
    List<String> header = FleetRows.HEADER;
    for (int i = 0; i < header.size(); i++) {
      b.append("<th onclick=\"sortBy(")
          .append(i)
          .append(")\">")
          .append(esc(header.get(i)))
          .append("</th>");
    }
    b.append("</tr></thead><tbody>\n");
    for (var s : inv.services()) {
      List<String> row = FleetRows.row(s);
      b.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String cell = esc(row.get(i));
        if (i == 0) {
          b.append("<td data-k=\"")
              .append(s.riskClass().ordinal())
              .append("\"><span class=\"pill ")
              .append(cell)
              .append("\">")
              .append(cell)
              .append("</span></td>");
        } else if (i == row.size() - 1) {
          b.append("<td class=\"ev\">").append(cell.replace("; ", "<br>")).append("</td>");
        } else {
          b.append("<td>").append(cell).append("</td>");
        }
      }
      b.append("</tr>\n");
    }
    b.append("</tbody></table>\n<script>\n")
        .append(
            "let dir={};function key(td){return td.dataset.k!==undefined?td.dataset.k:td.textContent}\n")
        .append("function sortBy(i){const tb=document.querySelector('#services tbody');")
        .append("const rows=[...tb.rows];dir[i]=!dir[i];")
        .append("rows.sort((a,b)=>{const x=key(a.cells[i]),y=key(b.cells[i]);")
        .append("const c=x.localeCompare(y,undefined,{numeric:true});return dir[i]?c:-c});")
        .append("rows.forEach(r=>tb.appendChild(r))}\n</script>\n</body></html>\n");
    return b.toString();
  }

  private static void chart(StringBuilder b, Map<String, Map<RiskClass, Long>> perLine) {
    int barW = 48;
    int gap = 16;
    int h = 180;
    long max = 1;
    for (Map<RiskClass, Long> m : perLine.values()) {
      max = Math.max(max, m.values().stream().mapToLong(Long::longValue).sum());
    }
    int width = Math.max(200, perLine.size() * (barW + gap) + 40);
    b.append("<svg role=\"img\" aria-label=\"classes per Go line\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(h + 40)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(h + 40)
        .append("\">\n");
    int x = 30;
    for (var e : perLine.entrySet()) {
      double y = h;
      for (RiskClass c : new RiskClass[] {RiskClass.GREEN, RiskClass.YELLOW, RiskClass.RED}) {
        long n = e.getValue().getOrDefault(c, 0L);
        if (n == 0) {
          continue;
        }
        double bh = (double) n / max * (h - 10);
        y -= bh;
        b.append(
            String.format(
                java.util.Locale.ROOT,
                "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %d</title></rect>%n",
                x,
                y,
                barW,
                bh,
                COLOR.get(c),
                esc(e.getKey()),
                c.word(),
                n));
      }
      b.append("<text x=\"")
          .append(x + barW / 2)
          .append("\" y=\"")
          .append(h + 16)
          .append("\" text-anchor=\"middle\" font-size=\"12\">")
          .append(esc(e.getKey()))
          .append("</text>\n");
      x += barW + gap;
    }
    b.append("<line x1=\"24\" y1=\"")
        .append(h)
        .append("\" x2=\"")
        .append(width - 8)
        .append("\" y2=\"")
        .append(h)
        .append("\" stroke=\"#8c959f\"/>\n</svg>\n");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
