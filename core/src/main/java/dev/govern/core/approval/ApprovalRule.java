package dev.govern.core.approval;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a change to one environment is approved (the governance file's {@code approvals:} section).
 *
 * @param required how many distinct approvers (never the requester) a change needs
 * @param groups the groups an approver must be in (any of them); empty: anyone who may approve
 * @param expires how long a request stays open before it expires
 * @param policy whether the requested version must be permitted by the file's {@code policy:} for
 *     that environment (its allow range and deny list) when the request is filed and applied
 * @param emergency the emergency path, if the file allows one
 */
public record ApprovalRule(
    int required,
    List<String> groups,
    Duration expires,
    boolean policy,
    Optional<Emergency> emergency) {
  /** How long a request stays open when the file says nothing: seven days. */
  public static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);

  /**
   * The emergency path: the change applies with {@code quorum} approvals (0 or 1) and a post-hoc
   * review is due within {@code reviewWithin}.
   */
  public record Emergency(int quorum, Duration reviewWithin) {
    public Emergency {
      if (quorum < 0 || quorum > 1) {
        throw new IllegalArgumentException("emergency quorum must be 0 or 1");
      }
      if (reviewWithin.isNegative() || reviewWithin.isZero()) {
        throw new IllegalArgumentException("review hours must be positive");
      }
    }
  }

  public ApprovalRule {
    groups = List.copyOf(groups);
    if (required < 0) {
      throw new IllegalArgumentException("required must be >= 0");
    }
    if (expires.isNegative() || expires.isZero()) {
      throw new IllegalArgumentException("expires must be positive");
    }
  }

  /** The rule for an environment the file does not name: one approval, any group, 7 days. */
  public static ApprovalRule defaultRule() {
    return new ApprovalRule(1, List.of(), DEFAULT_EXPIRY, true, Optional.empty());
  }

  /** The short form {@code prod: 2}: that many approvals, otherwise the defaults. */
  public static ApprovalRule ofCount(int required) {
    return new ApprovalRule(required, List.of(), DEFAULT_EXPIRY, true, Optional.empty());
  }

  /** Whether a user in {@code userGroups} may count as an approver under this rule. */
  public boolean admits(List<String> userGroups) {
    return groups.isEmpty() || userGroups.stream().anyMatch(groups::contains);
  }

  /** The approvals this change needs: the emergency quorum on the emergency path. */
  public int quorum(boolean emergencyPath) {
    return emergencyPath ? emergency.map(Emergency::quorum).orElse(required) : required;
  }
}
