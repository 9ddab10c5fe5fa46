package dev.govern.core.net;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Why a fetch failed, in a few words for a warning line: {@code connection refused}, {@code timed
 * out}, {@code unknown host}, {@code HTTP 503}, {@code not found}.
 */
public final class FetchFailure {
  private static final Pattern STATUS = Pattern.compile("HTTP (\\d{3})");

  private FetchFailure() {}

  public static String reason(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused";
      }
      if (t instanceof HttpTimeoutException) {
        return "timed out";
      }
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "unknown host";
      }
      if (t instanceof NoRouteToHostException) {
        return "no route to host";
      }
      if (t instanceof SSLException) {
        return "TLS failed";
      }
      if (t.getCause() == null && t.getMessage() != null) {
        Matcher m = STATUS.matcher(t.getMessage());
        if (m.find()) {
          return "HTTP " + m.group(1);
        }
      }
    }
    String m = failure.getMessage();
    return m == null ? failure.getClass().getSimpleName() : m;
  }
}
