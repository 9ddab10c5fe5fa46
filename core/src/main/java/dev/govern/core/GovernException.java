package dev.govern.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception family of govern. The message is a complete, single-line sentence naming the
 * input at fault; the optional hint says what to do about it.
 */
public class GovernException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String hint;

  public GovernException(ErrorCode code, String message) {
    this(code, message, null, null);
  }

  public GovernException(ErrorCode code, String message, String hint) {
    this(code, message, hint, null);
  }

  public GovernException(ErrorCode code, String message, String hint, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.code = Objects.requireNonNull(code, "code");
    this.hint = hint;
  }

  public static GovernException usage(String message) {
    return new GovernException(ErrorCode.USAGE, message);
  }

  public static GovernException invalidInput(String message) {
    return new GovernException(ErrorCode.INVALID_INPUT, message);
  }

  public static GovernException notFound(String message, String hint) {
    return new GovernException(ErrorCode.NOT_FOUND, message, hint);
  }

  public static GovernException precondition(String message, String hint) {
    return new GovernException(ErrorCode.PRECONDITION, message, hint);
  }

  public static GovernException runtime(String message, Throwable cause) {
    return new GovernException(ErrorCode.RUNTIME, message, null, cause);
  }

  public ErrorCode code() {
    return code;
  }

  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}
