package dev.govern.server.api;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;

/** A request error that names the field at fault ({@code services[3].name}), when there is one. */
public final class FieldException extends GovernException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public FieldException(ErrorCode code, String field, String message) {
    super(code, message);
    this.field = field;
  }

  public static FieldException bad(String field, String message) {
    return new FieldException(ErrorCode.BAD_REQUEST, field, field + ": " + message);
  }

  public String field() {
    return field;
  }
}
