package dev.govern.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.govern.server.api.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bodies each kind of sink is sent for an event (the outbox keeps the generic JSON). */
final class Payloads {
  private Payloads() {}

  /** The generic webhook: the event document as stored. */
  static byte[] webhook(String eventJson) {
    return eventJson.getBytes(StandardCharsets.UTF_8);
  }

  /** A Slack-compatible incoming-webhook message. */
  static byte[] slack(String eventJson) {
    JsonNode e = read(eventJson);
    String text = "[govern] " + e.path("kind").asText() + ": " + e.path("summary").asText();
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("type", "section");
    section.put(
        "text",
        Map.of(
            "type",
            "mrkdwn",
            "text",
            "*"
                + slackEscape(e.path("kind").asText())
                + "* "
                + slackEscape(e.path("summary").asText())));
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("type", "context");
    context.put(
        "elements",
        List.of(
            Map.of(
                "type",
                "mrkdwn",
                "text",
                slackEscape(e.path("subject").asText() + " · " + e.path("createdAt").asText()))));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("text", slackEscape(text));
    m.put("blocks", List.of(section, context));
    return Json.write(m);
  }

  /** A Jira {@code POST /rest/api/2/issue} body. */
  static byte[] jira(String eventJson, Sink s) {
    JsonNode e = read(eventJson);
    String summary = "[govern] " + e.path("summary").asText();
    if (summary.length() > 250) {
      summary = summary.substring(0, 249) + "…";
    }
    StringBuilder d = new StringBuilder();
    d.append(e.path("summary").asText()).append("\n\n");
    d.append("Event: ").append(e.path("kind").asText()).append("\n");
    d.append("Subject: ").append(e.path("subject").asText()).append("\n");
    d.append("When: ").append(e.path("createdAt").asText()).append("\n");
    JsonNode owners = e.path("data").path("owners");
    if (owners.isArray() && owners.size() > 0) {
      d.append("Owners (CODEOWNERS): ");
      List<String> o = new ArrayList<>();
      owners.forEach(x -> o.add(x.asText()));
      d.append(String.join(", ", o)).append("\n");
    }
    d.append("\n{code:json}\n").append(e.path("data").toPrettyString()).append("\n{code}\n");
    List<String> labels = new ArrayList<>(s.labels());
    labels.add("govern-" + e.path("kind").asText().replace('.', '-'));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("project", Map.of("key", s.project()));
    fields.put("issuetype", Map.of("name", s.issueType()));
    fields.put("summary", summary);
    fields.put("description", d.toString());
    fields.put("labels", labels);
    return Json.write(Map.of("fields", fields));
  }

  static String slackEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static JsonNode read(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
