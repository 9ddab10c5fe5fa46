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
    return clean(dir + "/" + name);
  }

  /** {@code filepath.Clean}: no repeated or trailing slashes, no {@code .}, resolved {@code ..}. */
  public static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
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
}
