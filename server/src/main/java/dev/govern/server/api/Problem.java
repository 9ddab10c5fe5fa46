package dev.govern.server.api;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;

/**
 * An RFC 9457 problem document ({@code application/problem+json}) built from a govern {@link
 * ErrorCode}: {@code type} is {@code urn:govern:error:<slug>}, {@code code} the slug the CLI's JSON
 * errors use, and {@code field} names the request field at fault when there is one.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String code,
    String field,
    String hint) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(
      ErrorCode code, String detail, String instance, String field, String hint) {
    return new Problem(
        "urn:govern:error:" + code.slug(),
        title(code),
        code.httpStatus(),
        detail,
        instance,
        code.slug(),
        field,
        hint);
  }

  public static Problem of(GovernException e, String instance) {
    return of(
        e.code(),
        e.getMessage(),
        instance,
        e instanceof FieldException f ? f.field() : null,
        e.hint().orElse(null));
  }

  static String title(ErrorCode code) {
    return switch (code) {
      case BAD_REQUEST, USAGE -> "Bad request";
      case INVALID_INPUT -> "Invalid input";
      case UNAUTHENTICATED -> "Authentication required";
      case FORBIDDEN -> "Forbidden";
      case NOT_FOUND -> "Not found";
      case CONFLICT -> "Conflict";
      case PRECONDITION -> "Precondition failed";
      case PRECONDITION_REQUIRED -> "Precondition required";
      case TOO_LARGE -> "Content too large";
      case RATE_LIMITED -> "Too many requests";
      case UNAVAILABLE -> "Service unavailable";
      case CHECK_FAILED -> "Check failed";
      case NETWORK, CHECKSUM_MISMATCH -> "Bad gateway";
      case RUNTIME, INTERNAL -> "Internal server error";
    };
  }
}
