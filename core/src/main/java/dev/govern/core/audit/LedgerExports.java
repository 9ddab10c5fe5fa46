package dev.govern.core.audit;

import dev.govern.core.ledger.Evidence;
import dev.govern.core.ledger.LedgerEntry;
import java.util.List;

/** Renders ledger entries as the team's {@code go-version-log.md} and as CSV. */
public final class LedgerExports {
  private LedgerExports() {}

  public static String markdown(List<LedgerEntry> entries) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Go version log\n\n");
    sb.append("Exported from the govern audit ledger; `govern audit verify` checks it.\n\n");
    sb.append(
        "| Time (UTC) | Operator | Action | Subject | From → To | Reason | Evidence | Hash |\n");
    sb.append("|---|---|---|---|---|---|---|---|\n");
    for (LedgerEntry e : entries) {
      sb.append("| ")
          .append(cell(e.time().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z")))
          .append(" | ")
          .append(cell(e.operator()))
          .append(" | ")
          .append(cell(e.action()))
          .append(" | ")
          .append(cell(e.subject()))
          .append(" | ")
          .append(cell(dash(e.from()) + " → " + dash(e.to())))
          .append(" | ")
          .append(cell(e.reason() == null ? "" : e.reason()))
          .append(" | ")
          .append(cell(excerpt(e.evidence())))
          .append(" | `")
          .append(e.hash(), 0, Math.min(12, e.hash().length()))
          .append("`")
          .append(e.sig() == null ? " (unsigned)" : "")
          .append(" |\n");
    }
    return sb.toString();
  }

  /** The evidence in one short line: {@code `go version` → 0: go version go1.22.5 linux/amd64}. */
  public static String excerpt(Evidence ev) {
    if (ev == null) {
      return "";
    }
    String head = ev.head() == null ? "" : ev.head();
    String first = head.lines().findFirst().orElse("");
    if (first.length() > 80) {
      first = first.substring(0, 79) + "…";
    }
    int more = (int) head.lines().count() - 1 + ev.omittedLines();
    String tail = ev.tail() == null ? "" : ev.tail();
    more += (int) tail.lines().count();
    return "`"
        + (ev.command() == null ? "?" : ev.command().replace("`", "'"))
        + "` → exit "
        + ev.exitCode()
        + (first.isEmpty() ? "" : ": " + first)
        + (more > 0 ? " (+" + more + " lines)" : "");
  }

  private static String dash(String s) {
    return s == null ? "—" : s;
  }

  private static String cell(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
  }

  public static String csv(List<LedgerEntry> entries) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "seq,time,operator,action,subject,from,to,reason,evidence_command,evidence_exit_code,evidence_excerpt,hash,signed\r\n");
    for (LedgerEntry e : entries) {
      Evidence ev = e.evidence();
      String[] row = {
        Long.toString(e.seq()),
        e.time(),
        e.operator(),
        e.action(),
        e.subject(),
        e.from(),
        e.to(),
        e.reason(),
        ev == null ? null : ev.command(),
        ev == null ? null : Integer.toString(ev.exitCode()),
        ev == null ? null : ev.head(),
        e.hash(),
        Boolean.toString(e.sig() != null)
      };
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(csvField(row[i]));
      }
      sb.append("\r\n");
    }
    return sb.toString();
  }

  private static String csvField(String s) {
    if (s == null) {
      return "";
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
