package dev.govern.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.govern.core.GovernException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the sinks file ({@code govern serve --notifications FILE}, JSON): {@code {"sinks":[{"name",
 * "type":"webhook|slack|jira","url","secret"|"secretEnv","user","project","issueType","labels",
 * "events"}]}}. Secrets may come from the environment ({@code secretEnv}) so the file can be
 * shared. Every bad value is an error naming the file, the sink and the field.
 */
public final class Sinks {
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "type",
          "url",
          "secret",
          "secretEnv",
          "user",
          "project",
          "issueType",
          "labels",
          "events");

  private Sinks() {}

  public static List<Sink> load(Path file) {
    if (file == null) {
      return List.of();
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw GovernException.invalidInput(
          file + ": not a sinks file: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject() || !root.path("sinks").isArray() || root.size() != 1) {
      throw GovernException.invalidInput(file + ": expected {\"sinks\": [ … ]}");
    }
    List<Sink> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int i = 0;
    for (JsonNode s : root.get("sinks")) {
      String at = file + ": sinks[" + i++ + "]";
      if (!s.isObject()) {
        throw GovernException.invalidInput(at + ": expected an object");
      }
      for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!FIELDS.contains(f)) {
          throw GovernException.invalidInput(at + ": unknown field \"" + f + "\"");
        }
      }
      String name = text(s, "name", at, true);
      if (!name.matches("[A-Za-z0-9._-]{1,64}") || !names.add(name)) {
        throw GovernException.invalidInput(at + ".name: not a new sink name: \"" + name + "\"");
      }
      Sink.Type type;
      try {
        type = Sink.Type.valueOf(text(s, "type", at, true).toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw GovernException.invalidInput(at + ".type: expected webhook, slack or jira");
      }
      URI url;
      try {
        url = URI.create(text(s, "url", at, true));
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
          throw new IllegalArgumentException();
        }
      } catch (IllegalArgumentException e) {
        throw GovernException.invalidInput(at + ".url: not an http(s) URL");
      }
      String secret = text(s, "secret", at, false);
      String env = text(s, "secretEnv", at, false);
      if (env != null) {
        secret = System.getenv(env);
        if (secret == null) {
          throw GovernException.invalidInput(at + ".secretEnv: $" + env + " is not set");
        }
      }
      if (type == Sink.Type.WEBHOOK && (secret == null || secret.length() < 16)) {
        throw GovernException.invalidInput(
            at + ": a webhook needs a secret of at least 16 characters (secret or secretEnv)");
      }
      String project = text(s, "project", at, type == Sink.Type.JIRA);
      List<String> labels = new ArrayList<>();
      s.path("labels").forEach(l -> labels.add(l.asText()));
      Set<EventKind> events = new LinkedHashSet<>();
      for (JsonNode e : s.path("events")) {
        EventKind k = EventKind.parse(e.asText());
        if (k == null) {
          throw GovernException.invalidInput(at + ".events: unknown event \"" + e.asText() + "\"");
        }
        events.add(k);
      }
      String issueType = text(s, "issueType", at, false);
      out.add(
          new Sink(
              name,
              type,
              url,
              secret,
              text(s, "user", at, false),
              project,
              issueType == null ? "Task" : issueType,
              labels,
              events));
    }
    return out;
  }

  private static String text(JsonNode s, String field, String at, boolean required) {
    JsonNode v = s.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw GovernException.invalidInput(at + ": missing " + field);
      }
      return null;
    }
    if (!v.isTextual()) {
      throw GovernException.invalidInput(at + "." + field + ": expected a string");
    }
    return v.asText();
  }
}
