package dev.govern.core.upgrade;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standard library's import graph govern carries ({@code std-imports.txt}), so that a module
 * importing {@code net/http} counts as reaching {@code crypto/tls} without Go installed.
 */
public final class StdImports {
  private static final String RESOURCE = "std-imports.txt";
  private static StdImports builtIn;

  private final Map<String, List<String>> imports;

  private StdImports(Map<String, List<String>> imports) {
    this.imports = imports;
  }

  public static synchronized StdImports builtIn() {
    if (builtIn == null) {
      Map<String, List<String>> m = new HashMap<>();
      try (InputStream in = StdImports.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] f = line.strip().split(" ");
          m.put(f[0], List.of(f).subList(1, f.length));
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + RESOURCE, e);
      }
      builtIn = new StdImports(Map.copyOf(m));
    }
    return builtIn;
  }

  /** Whether {@code path} is a standard library package govern knows. */
  public boolean isStd(String path) {
    return imports.containsKey(path);
  }

  /** The direct imports of a standard package as carried (empty for others). */
  public List<String> importsOf(String path) {
    return imports.getOrDefault(path, List.of());
  }

  /**
   * Every standard package reached from {@code direct} (the module's own imports), each with the
   * direct import it was first reached through (itself for a direct import).
   */
  public Map<String, String> reach(Collection<String> direct) {
    Map<String, String> via = new LinkedHashMap<>();
    for (String d : direct) {
      via.putIfAbsent(d, d);
    }
    Deque<String> queue = new ArrayDeque<>(via.keySet());
    while (!queue.isEmpty()) {
      String p = queue.removeFirst();
      for (String next : importsOf(p)) {
        if (!via.containsKey(next)) {
          via.put(next, via.get(p));
          queue.addLast(next);
        }
      }
    }
    return via;
  }
}
