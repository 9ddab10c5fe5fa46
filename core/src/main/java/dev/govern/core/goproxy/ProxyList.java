package dev.govern.core.goproxy;

import dev.govern.core.GovernException;
import java.util.ArrayList;
import java.util.List;

/**
 * The GOPROXY list, parsed as the go command parses it: entries separated by {@code ,} (try the
 * next only when this one answers "not found", HTTP 404 or 410) or {@code |} (try the next after
 * any error); {@code off} fails and ends the list, {@code direct} ends it (for toolchains it is not
 * a source: the {@code golang.org/toolchain} module exists only on proxies); a word with a dot,
 * colon or slash but no {@code :/} gets {@code https://}.
 *
 * @param entries the entries in order
 */
public record ProxyList(List<Entry> entries) {
  /**
   * One entry.
   *
   * @param url the proxy's base URL, or {@code off} / {@code direct}
   * @param fallBackOnError true after {@code |}: any error moves on to the next entry
   */
  public record Entry(String url, boolean fallBackOnError) {
    public boolean isOff() {
      return url.equals("off");
    }

    public boolean isDirect() {
      return url.equals("direct");
    }

    public boolean isProxy() {
      return !isOff() && !isDirect();
    }
  }

  /**
   * Parses a GOPROXY value.
   *
   * @throws GovernException INVALID_INPUT when it names no entry or an entry is not a URL
   */
  public static ProxyList parse(String goproxy) {
    List<Entry> out = new ArrayList<>();
    String rest = goproxy;
    while (!rest.isEmpty()) {
      int i = indexOfSeparator(rest);
      String url;
      boolean fallBack = false;
      if (i >= 0) {
        url = rest.substring(0, i);
        fallBack = rest.charAt(i) == '|';
        rest = rest.substring(i + 1);
      } else {
        url = rest;
        rest = "";
      }
      url = url.strip();
      if (url.isEmpty()) {
        continue;
      }
      if (url.equals("off") || url.equals("direct")) {
        out.add(new Entry(url, fallBack));
        break; // the end of the line, as for the go command
      }
      if (url.matches(".*[.:/].*") && !url.contains(":/") && !url.startsWith("/")) {
        url = "https://" + url;
      }
      if (!url.matches("(?i)(https?|file)://.*")) {
        throw GovernException.invalidInput(
            "invalid GOPROXY entry \"" + url + "\": use an http, https or file URL, direct or off");
      }
      out.add(new Entry(url, fallBack));
    }
    if (out.isEmpty()) {
      throw GovernException.invalidInput(
          "GOPROXY \"" + goproxy + "\" is not empty but names no proxy, direct or off");
    }
    return new ProxyList(List.copyOf(out));
  }

  private static int indexOfSeparator(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ',' || s.charAt(i) == '|') {
        return i;
      }
    }
    return -1;
  }
}
