package dev.govern.server.auth;

import dev.govern.core.GovernException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The roles a token can have, and what each may do. {@code ci} pushes what CI produces (scans,
 * checkpoints, releases); {@code approver} changes environments (and approves requests, issue 16);
 * {@code admin} may do everything, including managing tokens; {@code viewer} reads.
 */
public enum Role {
  VIEWER(EnumSet.of(Permission.READ)),
  CI(
      EnumSet.of(
          Permission.READ,
          Permission.PUSH_SCAN,
          Permission.PUSH_CHECKPOINT,
          Permission.PUSH_RELEASE)),
  APPROVER(
      EnumSet.of(
          Permission.READ,
          Permission.WRITE_ENVIRONMENTS,
          Permission.PUSH_CHECKPOINT,
          Permission.REQUEST_CHANGE,
          Permission.APPROVE)),
  ADMIN(EnumSet.allOf(Permission.class));

  private final Set<Permission> may;

  Role(Set<Permission> may) {
    this.may = may;
  }

  public boolean may(Permission p) {
    return p == Permission.PUBLIC || may.contains(p);
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role named {@code word}; a usage error naming the value otherwise. */
  public static Role parse(String word) {
    for (Role r : values()) {
      if (r.word().equals(word)) {
        return r;
      }
    }
    throw GovernException.usage(
        "not a role: \"" + word + "\" (expected viewer, ci, approver or admin)");
  }
}
