package dev.govern.cli.approval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.cli.support.JsonDocument;
import java.io.PrintWriter;

/** Prints change requests as the server sends them (text, or one {@code --json} document). */
final class RequestView {
  /** {@code --json}: the server's document with a schema version. */
  record Doc(
      int schemaVersion,
      JsonNode request,
      JsonNode votes,
      JsonNode rule,
      int quorum,
      int approvals,
      boolean overdue,
      String result,
      Long ledgerSeq)
      implements JsonDocument {
    static Doc of(JsonNode n) {
      return new Doc(
          1,
          n.path("request"),
          n.path("votes"),
          n.path("rule"),
          n.path("quorum").asInt(),
          n.path("approvals").asInt(),
          n.path("overdue").asBoolean(),
          n.hasNonNull("result") ? n.get("result").asText() : null,
          n.hasNonNull("ledgerSeq") ? n.get("ledgerSeq").asLong() : null);
    }
  }

  private RequestView() {}

  /** One line: id, state, environment → version, approvals, who and why. */
  static String line(JsonNode n) {
    JsonNode r = n.path("request");
    String state = r.path("state").asText();
    StringBuilder sb = new StringBuilder();
    sb.append(r.path("id").asText())
        .append("  ")
        .append(String.format("%-8s", state))
        .append("  ")
        .append(r.path("environment").asText())
        .append(" → ")
        .append(r.path("version").asText());
    if (r.path("emergency").asBoolean()) {
      sb.append("  EMERGENCY");
    }
    if (state.equals("pending")) {
      sb.append("  ")
          .append(n.path("approvals").asInt())
          .append("/")
          .append(n.path("quorum").asInt())
          .append(" approvals");
    }
    if (n.path("overdue").asBoolean()) {
      sb.append("  REVIEW OVERDUE since ").append(r.path("reviewDue").asText());
    } else if (r.hasNonNull("reviewDue") && r.path("reviewedAt").isNull()) {
      sb.append("  review due ").append(r.path("reviewDue").asText());
    }
    sb.append("  by ")
        .append(r.path("requester").asText())
        .append(": ")
        .append(r.path("reason").asText());
    return sb.toString();
  }

  static void detail(PrintWriter out, JsonNode n) {
    out.println(line(n));
    for (JsonNode v : n.path("votes")) {
      out.println(
          "  "
              + v.path("verdict").asText()
              + "d by "
              + v.path("voter").asText()
              + " at "
              + v.path("votedAt").asText()
              + (v.path("comment").isNull() ? "" : ": " + v.path("comment").asText())
              + (v.path("signature").isNull() ? " (unsigned)" : " (signed)"));
    }
    out.flush();
  }
}
