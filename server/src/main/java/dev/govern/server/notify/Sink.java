package dev.govern.server.notify;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Where notifications go.
 *
 * @param name the sink's name (the delivery log names it)
 * @param type {@code webhook}, {@code slack} or {@code jira}
 * @param url the webhook's URL, or the Jira server's base URL
 * @param secret the webhook's shared HMAC secret; the Jira API token (sent as Basic with {@code
 *     user}, or as Bearer without one)
 * @param user the Jira user, if Basic authentication is wanted
 * @param project the Jira project key
 * @param issueType the Jira issue type
 * @param labels labels for Jira issues
 * @param events the events it wants; empty: all
 */
public record Sink(
    String name,
    Type type,
    URI url,
    String secret,
    String user,
    String project,
    String issueType,
    List<String> labels,
    Set<EventKind> events) {
  /** The kinds of sink. */
  public enum Type {
    WEBHOOK,
    SLACK,
    JIRA
  }

  public Sink {
    labels = List.copyOf(labels);
    events = Set.copyOf(events);
  }

  public boolean wants(EventKind k) {
    return events.isEmpty() || events.contains(k);
  }
}
