package dev.govern.cli.model;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The Java source of a generated class that holds texts by key. */
final class JavaSource {
  /** The most UTF-8 bytes javac allows in one string constant. */
  private static final int MAX_CONSTANT = 65_535;

  private JavaSource() {}

  /**
   * A public final class {@code name} implementing {@code Function<String, String>}: from each key
   * of {@code texts} to its value, by a switch, and null for any other key.
   */
  static String lookup(String name, Map<String, String> texts) {
    int dot = name.lastIndexOf('.');
    String simple = name.substring(dot + 1);
    StringBuilder b = new StringBuilder();
    b.append("package ").append(name, 0, dot).append(";\n\n");
    b.append("/** Generated at build time by CommandModelWriter from the annotated commands. */\n");
    b.append("public final class ").append(simple);
    b.append(" implements java.util.function.Function<String, String> {\n");
    b.append("  @Override\n  public String apply(String key) {\n    switch (key) {\n");
    for (Map.Entry<String, String> e : texts.entrySet()) {
      if (e.getValue().getBytes(StandardCharsets.UTF_8).length > MAX_CONSTANT) {
        throw new IllegalStateException(
            "the text of " + e.getKey() + " is too long for one Java string constant");
      }
      b.append("      case ");
      literal(b, e.getKey());
      b.append(":\n        return ");
      literal(b, e.getValue());
      b.append(";\n");
    }
    b.append("      default:\n        return null;\n    }\n  }\n}\n");
    return b.toString();
  }

  static void literal(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
