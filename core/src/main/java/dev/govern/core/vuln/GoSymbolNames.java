package dev.govern.core.vuln;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps the vulnerability database's symbols ({@code Client.Do} in {@code net/http}) to the names
 * Go's linker gives functions ({@code net/http.(*Client).Do}, {@code net/http.Client.Do}, generic
 * instances with {@code [...]}), and back to packages.
 */
public final class GoSymbolNames {
  private GoSymbolNames() {}

  /**
   * The import path as it appears in symbol names: dots in the last path element become {@code %2e}
   * ({@code gopkg.in/yaml.v2} → {@code gopkg.in/yaml%2ev2}).
   */
  public static String symbolPackage(String importPath) {
    int slash = importPath.lastIndexOf('/');
    String last = importPath.substring(slash + 1);
    if (!last.contains(".")) {
      return importPath;
    }
    return importPath.substring(0, slash + 1) + last.replace(".", "%2e");
  }

  /** The function names that {@code symbol} of package {@code importPath} may have in a binary. */
  public static List<String> candidates(String importPath, String symbol) {
    List<String> out = new ArrayList<>();
    for (String pkg : List.of(symbolPackage(importPath), importPath)) {
      int dot = symbol.indexOf('.');
      if (dot < 0) {
        out.add(pkg + "." + symbol);
        out.add(pkg + "." + symbol + "[...]");
      } else {
        String type = symbol.substring(0, dot);
        String method = symbol.substring(dot + 1);
        out.add(pkg + "." + type + "." + method);
        out.add(pkg + ".(*" + type + ")." + method);
        out.add(pkg + "." + type + "[...]." + method);
        out.add(pkg + ".(*" + type + "[...])." + method);
      }
      if (pkg.equals(importPath)) {
        break;
      }
    }
    return out;
  }

  /**
   * The package part of a function symbol name: {@code net/http.(*Client).Do} → {@code net/http},
   * {@code gopkg.in/yaml%2ev2.Unmarshal} → {@code gopkg.in/yaml%2ev2}.
   */
  public static String packageOf(String symbolName) {
    int slash = symbolName.lastIndexOf('/');
    int dot = symbolName.indexOf('.', slash + 1);
    return dot < 0 ? symbolName : symbolName.substring(0, dot);
  }
}
