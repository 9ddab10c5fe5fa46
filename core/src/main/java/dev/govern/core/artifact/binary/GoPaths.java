package dev.govern.core.artifact.binary;

import java.util.ArrayList;
import java.util.List;

/** Go's {@code path/filepath.Join} and {@code Clean} for slash-separated paths. */
public final class GoPaths {
  private GoPaths() {}

  /** {@code filepath.Join(dir, name)}: joined with a slash and cleaned. */
  public static String join(String dir, String name) {
    if (dir.isEmpty()) {
      return clean(name);
    }
    if (isSimple(name) && clean(dir).equals(dir)) {
      return dir.equals(".") ? name : dir.equals("/") ? "/" + name : dir + "/" + name;
    }
    return clean(dir + "/" + name);
  }

  /** A name that cleaning cannot change once joined: no slash, not "", "." or "..". */
  private static boolean isSimple(String name) {
    return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0;
  }

  /** {@code filepath.Clean}: no repeated or trailing slashes, no {@code .}, resolved {@code ..}. */
  public static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    if (alreadyClean(path)) {
      return path;
    }
    boolean rooted = path.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
          parts.remove(parts.size() - 1);
        } else if (!rooted) {
          parts.add("..");
        }
        continue;
      }
      parts.add(p);
    }
    String joined = String.join("/", parts);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  private static boolean alreadyClean(String p) {
    if (p.equals("/") || p.equals(".")) {
      return true;
    }
    if (p.endsWith("/")) {
      return false;
    }
    int start = p.startsWith("/") ? 1 : 0;
    while (start <= p.length()) {
      int end = p.indexOf('/', start);
      if (end < 0) {
        end = p.length();
      }
      String part = p.substring(start, end);
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }
}
