package dev.govern.server.notify;

import java.util.Locale;

/** What a notification tells of. */
public enum EventKind {
  REQUEST_CREATED,
  REQUEST_APPROVED,
  REQUEST_REJECTED,
  REQUEST_APPLIED,
  REQUEST_EXPIRED,
  EMERGENCY_CHANGE,
  REVIEW_OVERDUE,
  GATE_FAILED,
  SERVICE_RED,
  VULNERABILITY_NEW;

  /** {@code request.created}, {@code service.red} … as sinks and payloads name it. */
  public String word() {
    String n = name().toLowerCase(Locale.ROOT);
    int u = n.indexOf('_');
    return n.substring(0, u) + "." + n.substring(u + 1).replace('_', '-');
  }

  public static EventKind parse(String word) {
    for (EventKind k : values()) {
      if (k.word().equals(word)) {
        return k;
      }
    }
    return null;
  }
}
