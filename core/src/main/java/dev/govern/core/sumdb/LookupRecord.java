package dev.govern.core.sumdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The checksum database's answer to {@code /lookup/<module>@<version>}: the record's number in the
 * log, the record (go.sum lines), a blank line, and a signed note of the tree it was looked up in.
 *
 * @param id the record's number in the log
 * @param text the record, each line ending in a newline
 * @param note the signed tree note that follows it
 */
public record LookupRecord(long id, String text, byte[] note) {
  /**
   * Parses a lookup response.
   *
   * @throws VerificationFailed when it is malformed
   */
  public static LookupRecord parse(byte[] data) {
    int nl = indexOf(data, (byte) '\n', 0);
    if (nl < 0) {
      throw new VerificationFailed("malformed lookup response: no record number line");
    }
    String first = new String(data, 0, nl, StandardCharsets.US_ASCII);
    long id;
    try {
      id = Long.parseLong(first);
    } catch (NumberFormatException e) {
      throw new VerificationFailed(
          "malformed lookup response: record number \"" + cut(first) + "\"");
    }
    if (id < 0 || !first.equals(Long.toString(id))) {
      throw new VerificationFailed(
          "malformed lookup response: record number \"" + cut(first) + "\"");
    }
    int blank = -1;
    for (int i = nl + 1; i + 1 < data.length; i++) {
      if (data[i] == '\n' && data[i + 1] == '\n') {
        blank = i;
        break;
      }
    }
    if (blank < 0) {
      throw new VerificationFailed("malformed lookup response: no blank line after the record");
    }
    byte[] text = Arrays.copyOfRange(data, nl + 1, blank + 1);
    if (!validRecordText(text)) {
      throw new VerificationFailed("malformed lookup response: the record is not plain text lines");
    }
    return new LookupRecord(
        id,
        new String(text, StandardCharsets.UTF_8),
        Arrays.copyOfRange(data, blank + 2, data.length));
  }

  /** The record's bytes, whose leaf hash the log stores. */
  public byte[] textBytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The record's lines that start with {@code prefix}. */
  public List<String> linesStartingWith(String prefix) {
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.startsWith(prefix)) {
        out.add(line);
      }
    }
    return out;
  }

  /** UTF-8 lines without control characters or blank lines, ending in a newline. */
  static boolean validRecordText(byte[] text) {
    String s = new String(text, StandardCharsets.UTF_8);
    if (s.isEmpty() || !Arrays.equals(s.getBytes(StandardCharsets.UTF_8), text)) {
      return false;
    }
    char last = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\n') || (last == '\n' && c == '\n') || c == '\uFFFD') {
        return false;
      }
      last = c;
    }
    return last == '\n';
  }

  private static int indexOf(byte[] data, byte b, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
