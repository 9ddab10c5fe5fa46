package dev.govern.core.artifact.gomod;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A go.mod or go.work file that Go would reject. Carries every error Go would report: all semantic
 * errors, or the single fatal lexical/block error. The message is one line listing them ({@code
 * go.mod:3:1: invalid go version …; go.mod:5:1: …}), capped at {@value #MESSAGE_LIMIT}.
 */
public final class GoModSyntaxException extends GovernException {
  private static final long serialVersionUID = 1L;

  /** How many errors the one-line message lists before summarising the rest. */
  public static final int MESSAGE_LIMIT = 10;

  private final transient List<GoModError> errors;

  GoModSyntaxException(List<GoModError> errors) {
    super(
        ErrorCode.INVALID_INPUT,
        summary(errors),
        "fix the listed lines; Go rejects the file for the same reasons");
    this.errors = List.copyOf(errors);
  }

  /** Every error, in file order as Go reports them. */
  public List<GoModError> errors() {
    return errors;
  }

  /** The errors as Go prints them, one per line. */
  public String describeAll() {
    return errors.stream().map(GoModError::toString).collect(Collectors.joining("\n"));
  }

  private static String summary(List<GoModError> errors) {
    String shown =
        errors.stream()
            .limit(MESSAGE_LIMIT)
            .map(GoModError::toString)
            .collect(Collectors.joining("; "));
    int more = errors.size() - MESSAGE_LIMIT;
    return more > 0 ? shown + "; and " + more + " more error" + (more == 1 ? "" : "s") : shown;
  }
}
